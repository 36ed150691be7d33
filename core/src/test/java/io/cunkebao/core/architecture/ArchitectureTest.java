package io.cunkebao.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.cunkebao");
  private static final JavaClasses API = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.cunkebao.api");

  @Test
  void api_dependsOnTheJdkAndJSpecifyOnly() {
    classes().that().resideInAPackage("io.cunkebao.api..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.cunkebao.api..", "org.jspecify.annotations..")
        .check(API);
  }

  @Test
  void userFacingApi_doesNotUseTheSpi() {
    noClasses().that().resideInAPackage("io.cunkebao.api")
        .should().dependOnClassesThat().resideInAPackage("io.cunkebao.api.spi..")
        .check(API);
  }

  @Test
  void internals_usedOnlyInsideCore() {
    noClasses().that().resideOutsideOfPackages("io.cunkebao.core..")
        .should().dependOnClassesThat().resideInAPackage("io.cunkebao.core.internal..")
        .check(MAIN);
  }

  @Test
  void noClassIsNamedImpl() {
    noClasses().should().haveSimpleNameEndingWith("Impl").check(MAIN);
  }
}
