package org.gitterjakarta.mongoserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsToLoopbackOnTheMongoPortInMemory() {
    var options = ServerOptions.parse();

    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(27017);
    assertThat(options.dataFile()).isEmpty();
    assertThat(options.cacheMegabytes())
        .isEqualTo(ServerOptions.defaultCacheMegabytes(Runtime.getRuntime().maxMemory()));
  }

  @Test
  void givesTheDataFileAQuarterOfTheHeapAsCacheButNeverLessThanH2s() {
    long gib = 1024L * 1024 * 1024;

    assertThat(ServerOptions.defaultCacheMegabytes(gib)).isEqualTo(256);
    assertThat(ServerOptions.defaultCacheMegabytes(4 * gib)).isEqualTo(1024);
    assertThat(ServerOptions.defaultCacheMegabytes(32L * 1024 * 1024)).isEqualTo(16);
    assertThat(ServerOptions.defaultCacheMegabytes(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void refusesACacheAsLargeAsTheHeap() {
    long gib = 1024L * 1024 * 1024;

    assertThat(ServerOptions.cacheMegabytes("1023", gib)).isEqualTo(1023);
    assertThatThrownBy(() -> ServerOptions.cacheMegabytes("1024", gib))
        .hasMessageContaining("less than the heap (1024 MB)");
    assertThatThrownBy(() -> ServerOptions.cacheMegabytes("3000000000", gib))
        .hasMessageContaining("less than the heap");
  }

  @Test
  void readsHostPortAndDataFile() {
    var options =
        ServerOptions.parse(
            "--port", "27100", "--data", "data/mongo.mv", "--host", "::1", "--cache-mb", "64");

    assertThat(options.host()).isEqualTo("::1");
    assertThat(options.port()).isEqualTo(27100);
    assertThat(options.dataFile()).contains(Path.of("data/mongo.mv"));
    assertThat(options.cacheMegabytes()).isEqualTo(64);
  }

  @Test
  void rejectsUnknownOptionsMissingValuesAndBadPorts() {
    assertThatThrownBy(() -> ServerOptions.parse("--verbose"))
        .hasMessageContaining("Unknown option");
    assertThatThrownBy(() -> ServerOptions.parse("--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> ServerOptions.parse("--port", "x"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> ServerOptions.parse("--port", "70000")).hasMessageContaining("range");
    assertThatThrownBy(() -> ServerOptions.parse("--cache-mb", "0")).hasMessageContaining("least");
    assertThatThrownBy(() -> ServerOptions.parse("--cache-mb", "lots"))
        .hasMessageContaining("not a number");
  }
}
