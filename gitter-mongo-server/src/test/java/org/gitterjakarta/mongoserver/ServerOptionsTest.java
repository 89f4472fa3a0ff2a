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
  }

  @Test
  void readsHostPortAndDataFile() {
    var options =
        ServerOptions.parse("--port", "27100", "--data", "data/mongo.mv", "--host", "::1");

    assertThat(options.host()).isEqualTo("::1");
    assertThat(options.port()).isEqualTo(27100);
    assertThat(options.dataFile()).contains(Path.of("data/mongo.mv"));
  }

  @Test
  void rejectsUnknownOptionsMissingValuesAndBadPorts() {
    assertThatThrownBy(() -> ServerOptions.parse("--verbose"))
        .hasMessageContaining("Unknown option");
    assertThatThrownBy(() -> ServerOptions.parse("--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> ServerOptions.parse("--port", "x"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> ServerOptions.parse("--port", "70000")).hasMessageContaining("range");
  }
}
