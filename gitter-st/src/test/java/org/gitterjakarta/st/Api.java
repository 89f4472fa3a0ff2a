package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/** API v1 calls against the shared instance, as the black-box suites make them. */
final class Api {

  private Api() {}

  /**
   * The text of a bulky message, to fill a slow reader's buffers quickly: about 25 KB as delivered
   * (4,000 {@code &} make 20 KB of HTML), within the 4,096-character limit.
   */
  static final String BULKY_TEXT = "&".repeat(4000);

  static HttpResponse<String> call(String method, String path, String token, String json) {
    return call(SharedInstance.get(), method, path, token, json);
  }

  /** The same call against another instance than the shared one. */
  static HttpResponse<String> call(
      GitterRun gitter, String method, String path, String token, String json) {
    return Http.send(Http.apiRequest(gitter.uri("/api/v1" + path), method, token, json));
  }

  static JsonObject ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.object(response);
  }

  static JsonArray okArray(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.array(response);
  }

  /** A new community of the token's owner; its JSON with the default room. */
  static JsonObject community(String token) {
    return community(SharedInstance.get(), token);
  }

  static JsonObject community(GitterRun gitter, String token) {
    String uri = "c" + UUID.randomUUID().toString().substring(0, 8);
    return ok(
        call(
            gitter,
            "POST",
            "/groups",
            token,
            "{\"uri\":\"" + uri + "\",\"name\":\"Team " + uri + "\"}"));
  }

  /** A private room in a new community of the token's owner; its id. */
  static String privateRoom(String token) {
    String groupId = community(token).getString("id");
    return ok(call(
            "POST",
            "/groups/" + groupId + "/rooms",
            token,
            "{\"name\":\"inner\",\"security\":{\"security\":\"PRIVATE\"}}"))
        .getString("id");
  }

  static String defaultRoomOf(String token) {
    return community(token).getJsonObject("defaultRoom").getString("id");
  }

  static JsonObject send(String roomId, String token, String text) {
    return send(SharedInstance.get(), roomId, token, text);
  }

  static JsonObject send(GitterRun gitter, String roomId, String token, String text) {
    return ok(
        call(
            gitter,
            "POST",
            "/rooms/" + roomId + "/chatMessages",
            token,
            "{\"text\":" + Json.createValue(text) + "}"));
  }

  /** A reply in the thread of {@code parentId}. */
  static JsonObject reply(String roomId, String token, String parentId, String text) {
    return ok(
        call(
            "POST",
            "/rooms/" + roomId + "/chatMessages",
            token,
            "{\"text\":" + Json.createValue(text) + ",\"parentId\":\"" + parentId + "\"}"));
  }

  static void join(String roomId, String token) {
    join(SharedInstance.get(), roomId, token);
  }

  static void join(GitterRun gitter, String roomId, String token) {
    ok(call(gitter, "POST", "/user/me/rooms", token, "{\"id\":\"" + roomId + "\"}"));
  }

  static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString::getString);
  }

  static void assertError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(Http.object(response).getString("error")).contains(error);
  }
}
