package org.gitterjakarta.mongo.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfoList;
import jakarta.data.repository.Repository;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import java.net.URL;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hand-kept lists must name exactly what JNoSQL's class-path scan would find. */
class GitterClassScannerTest {

  // main classes only: test deployments bring entities of their own and keep JNoSQL's scan
  private static final URL MAIN_CLASSES =
      GitterClassScanner.class.getProtectionDomain().getCodeSource().getLocation();

  @Test
  void listsEveryEntityAndRepositoryOfTheCodebase() {
    try (var scan =
        new ClassGraph().enableAnnotationInfo().acceptPackages("org.gitterjakarta").scan()) {
      assertThat(Set.copyOf(GitterClassScanner.ENTITIES))
          .isEqualTo(mainClassNames(scan.getClassesWithAnnotation(Entity.class)));
      assertThat(Set.copyOf(GitterClassScanner.REPOSITORIES))
          .isEqualTo(
              mainClassNames(scan.getClassesWithAnnotation(Repository.class).getInterfaces()));
      assertThat(mainClassNames(scan.getClassesWithAnnotation(Embeddable.class))).isEmpty();
    }
  }

  @Test
  void allRepositoriesAreStandardCrudRepositories() {
    var scanner = new GitterClassScanner();

    assertThat(scanner.repositoriesStandard())
        .hasSize(GitterClassScanner.REPOSITORIES.size())
        .isEqualTo(scanner.repositories());
    assertThat(scanner.entities()).hasSize(GitterClassScanner.ENTITIES.size());
    assertThat(scanner.customRepositories()).isEmpty();
  }

  private static Set<String> mainClassNames(ClassInfoList classes) {
    return classes.loadClasses().stream()
        .filter(
            type -> MAIN_CLASSES.equals(type.getProtectionDomain().getCodeSource().getLocation()))
        .map(Class::getName)
        .collect(Collectors.toSet());
  }
}
