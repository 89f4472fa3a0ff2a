package org.gitterjakarta.config.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigSourceTest {

  @TempDir Path dir;

  @Test
  void readsThePropertiesOfTheChosenEnvironment() throws Exception {
    write("prod", "gitter.mongo.database=gitter_prod\n");
    write("test", "gitter.mongo.database=gitter_test\n");

    var cut = source(Map.of("GITTER_CONFIG_DIR", dir.toString(), "GITTER_ENV", "prod"));

    assertThat(cut.getValue("gitter.mongo.database")).isEqualTo("gitter_prod");
    assertThat(cut.getName()).isEqualTo("server-config/prod");
    assertThat(cut.getPropertyNames()).containsExactly("gitter.mongo.database");
  }

  @Test
  void defaultsToTheDevEnvironment() throws Exception {
    write("dev", "gitter.redis.timeout-ms=500\n");

    var cut = source(Map.of("GITTER_CONFIG_DIR", dir.toString()));

    assertThat(cut.getValue("gitter.redis.timeout-ms")).isEqualTo("500");
  }

  @Test
  void ranksBetweenAppDefaultsAndEnvironmentVariables() {
    var cut = source(Map.of());

    assertThat(cut.getOrdinal()).isGreaterThan(100).isLessThan(300);
  }

  @Test
  void isEmptyWithoutAConfigurationDirectory() {
    var cut = source(Map.of("GITTER_ENV", "prod"));

    assertThat(cut.getPropertyNames()).isEmpty();
    assertThat(cut.getValue("gitter.mongo.uri")).isNull();
  }

  @Test
  void refusesToStartWithAMissingEnvironmentFile() {
    var environment = Map.of("GITTER_CONFIG_DIR", dir.toString(), "GITTER_ENV", "staging");

    assertThatThrownBy(() -> source(environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("staging");
  }

  private static ServerConfigSource source(Map<String, String> environment) {
    return new ServerConfigSource(environment::get);
  }

  private void write(String env, String content) throws Exception {
    Files.createDirectories(dir.resolve(env));
    Files.writeString(dir.resolve(env).resolve(ServerConfigSource.FILE_NAME), content);
  }
}
