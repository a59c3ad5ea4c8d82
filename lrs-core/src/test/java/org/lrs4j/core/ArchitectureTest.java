package org.lrs4j.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is plain Java over Jackson: no web framework, no SQL, no adapter module. */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.lrs4j.core");

  @Test
  void coreClassesAreImported() {
    assertThat(CORE).as("classes under org.lrs4j.core").hasSizeGreaterThan(10);
  }

  @Test
  void coreDependsOnNoFrameworkOrAdapter() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "org.eclipse.jetty..",
            "org.jdbi..",
            "java.sql..",
            "javax.sql..",
            "org.flywaydb..",
            "picocli..",
            "com.nimbusds..",
            "org.lrs4j.persistence..",
            "org.lrs4j.http..",
            "org.lrs4j.auth..",
            "org.lrs4j.cli..")
        .because("lrs-core is the pure domain; adapters depend on it, never the reverse")
        .check(CORE);
  }
}
