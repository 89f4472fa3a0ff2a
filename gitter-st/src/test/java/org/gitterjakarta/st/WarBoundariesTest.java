package org.gitterjakarta.st;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each WAR (built before this module) uses gitter-ejb through its boundaries and entities only, and
 * never another WAR: the three processes deploy apart, and a feature's control is its own.
 */
class WarBoundariesTest {

  static final List<String> WARS = List.of("api", "ws", "web");

  @ParameterizedTest
  @ValueSource(strings = {"api", "ws", "web"})
  void aWarReachesNeitherAnotherWarNorAFeaturesControl(String war) {
    Path classes = Launcher.ROOT.resolve("gitter-" + war + "-war/target/classes");
    if (!Files.isDirectory(classes)) {
      throw new AssertionError("build gitter-" + war + "-war first: " + classes + " is missing");
    }
    JavaClasses own = new ClassFileImporter().importPath(classes);
    String[] others =
        WARS.stream()
            .filter(other -> !other.equals(war))
            .map(other -> "org.gitterjakarta." + other + "..")
            .toArray(String[]::new);

    noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(own);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.gitterjakarta.*.control..")
        .check(own);
  }
}
