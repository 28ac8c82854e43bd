package dev.xcomponent.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the hexagon, checked on the compiled classes of every module: domain ←
 * ports/application ← adapters ← app. Update these rules with the design; do not suppress them.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.xcomponent");
  }

  @Test
  void everyLayerIsOnTheClasspath() {
    for (String pkg :
        new String[] {
          "dev.xcomponent.domain.engine", "dev.xcomponent.port", "dev.xcomponent.application",
          "dev.xcomponent.adapter.yaml", "dev.xcomponent.adapter.memory",
          "dev.xcomponent.adapter.http", "dev.xcomponent.app"
        }) {
      if (!classes.containPackage(pkg)) {
        throw new AssertionError("no classes imported from " + pkg + ": the rules would be vacuous");
      }
    }
  }

  @Test
  void domainDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("dev.xcomponent.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.xcomponent.domain..")
        .check(classes);
  }

  @Test
  void portsAndApplicationDependOnDomainVertxCoreAndSlf4jOnly() {
    classes()
        .that()
        .resideInAnyPackage("dev.xcomponent.port..", "dev.xcomponent.application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "dev.xcomponent.domain..",
            "dev.xcomponent.port..",
            "dev.xcomponent.application..",
            "io.vertx.core..",
            "org.slf4j..")
        .check(classes);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    slices().matching("dev.xcomponent.adapter.(*)..").should().notDependOnEachOther().check(classes);
  }

  @Test
  void nothingDependsOnTheApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.xcomponent.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.xcomponent.app..")
        .check(classes);
  }
}
