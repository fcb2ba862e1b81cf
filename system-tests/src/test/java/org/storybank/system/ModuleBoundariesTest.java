package org.storybank.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The module boundaries of the design brief, checked on the compiled classes of every module. */
class ModuleBoundariesTest {

  private static final Map<String, String> SERVICE_PACKAGES =
      Map.of(
          "story-command", "org.storybank.command..",
          "story-query", "org.storybank.query..",
          "evaluation", "org.storybank.evaluation..",
          "web-gateway", "org.storybank.gateway..");

  private static JavaClasses classes;

  @BeforeAll
  static void importEveryModule() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.storybank");
  }

  @Test
  void everyModuleIsOnTheClasspathOfThisTest() {
    for (String pkg :
        List.of(
            "org.storybank.api",
            "org.storybank.security",
            "org.storybank.messaging",
            "org.storybank.rubric",
            "org.storybank.infra",
            "org.storybank.command",
            "org.storybank.query",
            "org.storybank.evaluation",
            "org.storybank.gateway")) {
      assertThat(classes.stream().anyMatch(type -> type.getPackageName().startsWith(pkg)))
          .as("classes of %s imported", pkg)
          .isTrue();
    }
  }

  @Test
  void storyApiDependsOnNothingOfOursAndNoFramework() {
    classes()
        .that()
        .resideInAPackage("org.storybank.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "org.storybank.api..",
            "java..",
            "org.axonframework.modelling.command..",
            "org.axonframework.serialization",
            "com.fasterxml.jackson.annotation..")
        .check(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"story-command", "story-query", "evaluation", "web-gateway"})
  void aServiceNeverReachesIntoAnotherService(String service) {
    String own = SERVICE_PACKAGES.get(service);
    String[] others =
        SERVICE_PACKAGES.values().stream().filter(pkg -> !pkg.equals(own)).toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage(own)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because(
            "services talk through story-api messages and HTTP, not through each other's classes")
        .check(classes);
  }

  @Test
  void sharedLibrariesDependOnNoService() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.storybank.api..",
            "org.storybank.security..",
            "org.storybank.messaging..",
            "org.storybank.infra..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICE_PACKAGES.values().toArray(String[]::new))
        .check(classes);
  }

  @Test
  void servicesDoNotShipTheLocalInfrastructureLauncher() {
    noClasses()
        .that()
        .resideInAnyPackage(SERVICE_PACKAGES.values().toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.storybank.infra..")
        .check(classes);
  }

  @Test
  void domainModelIsFreeOfSpring() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.storybank.api..",
            "org.storybank.command.story..",
            "org.storybank.query.projection..",
            "org.storybank.rubric..",
            "org.storybank.evaluation.analysis..",
            "org.storybank.evaluation.cli..")
        .or()
        .haveFullyQualifiedName("org.storybank.command.cohort.Cohort")
        .or()
        .haveNameMatching(
            "org\\.storybank\\.command\\.drill\\.(Drill|DrillRules|DrillDraw|FollowUpPlanner)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .because(
            "the domain (messages, aggregates, projections) is plain Java that any adapter can drive")
        .check(classes);
  }

  @Test
  void modulesAreFreeOfCycles() {
    slices().matching("org.storybank.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void conceptsInsideAModuleAreFreeOfCycles() {
    slices().matching("org.storybank.(*).(*)..").should().beFreeOfCycles().check(classes);
  }
}
