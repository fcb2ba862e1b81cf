package org.storybank.evaluation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rubric, the analyser, the text tools and the CLI are plain Java: no Spring in them. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.storybank.evaluation");

  @Test
  void offlinePartsDoNotUseSpring() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.storybank.evaluation.rubric..",
            "org.storybank.evaluation.analysis..",
            "org.storybank.evaluation.text..",
            "org.storybank.evaluation.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta..")
        .check(classes);
  }

  @Test
  void theCatalogDoesNotKnowTheAnalyser() {
    noClasses()
        .that()
        .resideInAPackage("org.storybank.evaluation.rubric..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.storybank.evaluation.analysis..", "org.storybank.evaluation.cli..")
        .check(classes);
  }
}
