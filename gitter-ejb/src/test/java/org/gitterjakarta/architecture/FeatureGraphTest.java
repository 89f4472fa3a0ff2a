package org.gitterjakarta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature graph drawn in {@code org.gitterjakarta}'s package documentation holds: features
 * depend on each other one way only, and inside a feature entities stay plain.
 */
@AnalyzeClasses(
    packages = "org.gitterjakarta",
    importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureGraphTest {

  @ArchTest
  static final ArchRule featuresDependOneWay =
      slices()
          .matching("org.gitterjakarta.(*)..")
          .namingSlices("feature $1")
          .should()
          .beFreeOfCycles();

  @ArchTest
  static final ArchRule entitiesKnowNoBoundaryOrControl =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..boundary..", "..control..");

  @ArchTest
  static final ArchRule controlsKnowNoBoundary =
      noClasses()
          .that()
          .resideInAPackage("..control..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..boundary..");
}
