package org.gitterjakarta.testing;

import java.util.Arrays;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The WAR an in-container test deploys: the plumbing every feature needs (config, Mongo, Redis,
 * problems), the features named, the module's descriptors, its libraries and AssertJ.
 */
public final class TestDeployments {

  private static final String[] PLUMBING = {
    "org.gitterjakarta.config",
    "org.gitterjakarta.mongo",
    "org.gitterjakarta.metrics",
    "org.gitterjakarta.redis",
    "org.gitterjakarta.problems"
  };

  /** Everything the chat domain is made of, for tests that go across its features. */
  private static final String[] CHAT = {
    "users",
    "tokens",
    "groups",
    "rooms",
    "messages",
    "markdown",
    "events",
    "wire",
    "unread",
    "settings",
    "memberships",
    "moderation",
    "roomviews",
    "communities",
    "search",
    "presence"
  };

  private TestDeployments() {}

  public static WebArchive chat(String name) {
    return war(name, CHAT);
  }

  public static WebArchive war(String name, String... features) {
    var maven = Maven.resolver().loadPomFromFile("pom.xml");
    String[] packages = Arrays.copyOf(PLUMBING, PLUMBING.length + features.length);
    for (int i = 0; i < features.length; i++) {
      packages[PLUMBING.length + i] = "org.gitterjakarta." + features[i];
    }
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addPackages(true, packages)
        .addAsResource("META-INF/microprofile-config.properties")
        .addAsResource("META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource")
        // records mapped as the product maps them (the class scanner is left out: test entities)
        .addAsResource(
            "META-INF/services/org.eclipse.jnosql.mapping.metadata.ConstructorBuilderSupplier")
        .addAsWebInfResource("META-INF/beans.xml", "beans.xml")
        .addAsLibraries(maven.resolve("org.assertj:assertj-core").withoutTransitivity().asFile())
        .addAsLibraries(
            maven.importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile());
  }
}
