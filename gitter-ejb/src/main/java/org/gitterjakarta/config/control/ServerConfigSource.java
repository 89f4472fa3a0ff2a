package org.gitterjakarta.config.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The property set of one environment, {@code server-config/<GITTER_ENV>/gitter.properties}. Its
 * ordinal (250) sits above the defaults in the app (100) and below environment variables (300), so
 * any key of an environment can still be overridden by an environment variable.
 */
public class ServerConfigSource implements ConfigSource {

  static final int ORDINAL = 250;
  static final String FILE_NAME = "gitter.properties";

  private final String name;
  private final Map<String, String> properties;

  /** Used by the ServiceLoader: reads {@code GITTER_CONFIG_DIR} and {@code GITTER_ENV}. */
  public ServerConfigSource() {
    this(ServerConfigSource::fromEnvironment);
  }

  ServerConfigSource(UnaryOperator<String> environment) {
    String env = Optional.ofNullable(environment.apply("GITTER_ENV")).orElse("dev");
    Optional<Path> file =
        Optional.ofNullable(environment.apply("GITTER_CONFIG_DIR"))
            .filter(dir -> !dir.isBlank())
            .map(dir -> Path.of(dir, env, FILE_NAME));
    this.name = "server-config/" + env;
    this.properties = file.map(ServerConfigSource::load).orElse(Map.of());
  }

  private static String fromEnvironment(String name) {
    String property = System.getProperty(name.toLowerCase().replace('_', '.'));
    return property != null ? property : System.getenv(name);
  }

  private static Map<String, String> load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Configuration file not found: " + file.toAbsolutePath());
    }
    var loaded = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      loaded.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return Map.copyOf((Map) loaded);
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
