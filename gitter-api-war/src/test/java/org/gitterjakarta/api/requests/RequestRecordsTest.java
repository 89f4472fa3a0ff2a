package org.gitterjakarta.api.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.gitterjakarta.problems.Problem;
import org.junit.jupiter.api.Test;

class RequestRecordsTest {

  record Sample(String text, Boolean flag, Integer position, List<String> tags, JsonValue any) {}

  @Test
  void bindsFieldsByNameAndIgnoresUnknownOnes() {
    Sample sample =
        RequestRecords.bind(
            json(
                "{\"text\":\"hi\",\"flag\":true,\"position\":3,\"tags\":[\"a\"],\"any\":[1],\"x\":1}"),
            Sample.class);

    assertThat(sample.text()).isEqualTo("hi");
    assertThat(sample.flag()).isTrue();
    assertThat(sample.position()).isEqualTo(3);
    assertThat(sample.tags()).containsExactly("a");
    assertThat(sample.any()).hasToString("[1]");
  }

  @Test
  void absentAndNullFieldsAreNull() {
    Sample sample = RequestRecords.bind(json("{\"text\":null}"), Sample.class);

    assertThat(sample.text()).isNull();
    assertThat(sample.flag()).isNull();
  }

  @Test
  void refusesWrongTypesNamingTheField() {
    assertRefused("{\"text\":123}", "text must be a string");
    assertRefused("{\"text\":{\"$ne\":null}}", "text must be a string");
    assertRefused("{\"flag\":\"yes\"}", "flag must be true or false");
    assertRefused("{\"position\":1.5}", "position must be a whole number");
    assertRefused("{\"position\":1e400}", "position must be a whole number");
    assertRefused("{\"position\":2147483648}", "position is out of range");
    assertRefused("{\"tags\":[1,2]}", "tags must be a list of strings");
  }

  private static void assertRefused(String body, String message) {
    assertThatThrownBy(() -> RequestRecords.bind(json(body), Sample.class))
        .isInstanceOf(Problem.class)
        .hasMessage(message);
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
