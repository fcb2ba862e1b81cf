package org.storybank.evaluation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The analyser and the CLI are plain Java: no Spring in them. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.storybank.evaluation");

  @Test
  void offlinePartsDoNotUseSpring() {
    noClasses()
        .that()
        .resideInAnyPackage("org.storybank.evaluation.analysis..", "org.storybank.evaluation.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta..")
        .check(classes);
  }
}
