package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/user} and {@code /api/v1/users} for an account made with ./gitter user add. */
class UserApiIT {

  static GitterRun gitter;
  static String username;
  static String token;

  @BeforeAll
  static void account() {
    gitter = SharedInstance.get();
    username = "Ada" + UUID.randomUUID().toString().substring(0, 6);
    token =
        SharedInstance.newUser(
            username,
            "--password",
            "password123",
            "--name",
            "Ada L",
            "--email",
            username + "@example.org");
  }

  @Test
  void printsAFortyHexTokenAsTheLastLine() {
    assertThat(token).matches("[0-9a-f]{40}");
  }

  @Test
  void answersTheCallerAsAnArrayOfOneForABearerToken() {
    var response = Http.get(gitter.uri("/api/v1/user"), "Authorization", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject user = Http.array(response).getJsonObject(0);
    assertThat(user.getString("username")).isEqualTo(username);
    assertThat(user.getString("displayName")).isEqualTo("Ada L");
    assertThat(user.getString("url")).isEqualTo("/" + username);
    assertThat(user.getString("id")).matches("[0-9a-f]{24}");
    assertThat(user.getString("avatarUrl")).startsWith("https://");
    assertThat(user.getJsonArray("providers")).isEmpty();
    assertThat(user).doesNotContainKeys("passwordHash", "lcUsername", "emails");
  }

  @Test
  void acceptsTheTokenWhereverGitterAcceptedIt() {
    assertThat(
            Http.get(gitter.uri("/api/v1/user"), "authorization", "bearer " + token).statusCode())
        .isEqualTo(200);
    assertThat(Http.get(gitter.uri("/api/v1/user"), "x-access-token", token).statusCode())
        .isEqualTo(200);
    assertThat(Http.get(gitter.uri("/api/v1/user?access_token=" + token)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void refusesUnknownTokensWith401() {
    var response =
        Http.get(
            gitter.uri("/api/v1/user"),
            "Authorization",
            "Bearer 0123456789abcdef0123456789abcdef01234567");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.object(response).getString("error")).isEqualTo("Invalid access token");
  }

  @Test
  void showsTheCallerByIdOrMeAndForbidsOthers() {
    String id =
        Http.array(Http.get(gitter.uri("/api/v1/user"), "x-access-token", token))
            .getJsonObject(0)
            .getString("id");

    assertThat(
            Http.object(Http.get(gitter.uri("/api/v1/user/me"), "x-access-token", token))
                .getString("id"))
        .isEqualTo(id);
    assertThat(
            Http.object(Http.get(gitter.uri("/api/v1/user/" + id), "x-access-token", token))
                .getString("username"))
        .isEqualTo(username);
    var other =
        Http.get(gitter.uri("/api/v1/user/0123456789abcdef01234567"), "x-access-token", token);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(Http.object(other).getString("error")).isEqualTo("Forbidden");
  }

  @Test
  void showsProfilesByUsernameWhateverTheCase() {
    var response =
        Http.get(gitter.uri("/api/v1/users/" + username.toUpperCase()), "x-access-token", token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject profile = Http.object(response);
    assertThat(profile.getString("username")).isEqualTo(username);
    assertThat(profile.getBoolean("has_gitter_login")).isTrue();

    var unknown =
        Http.get(gitter.uri("/api/v1/users/nobody-" + UUID.randomUUID()), "x-access-token", token);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.object(unknown).getString("error")).isEqualTo("User not found");
  }

  @Test
  void refusesATakenUsername() {
    var failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> SharedInstance.newUser(username.toLowerCase(), "--password", "password123"));

    assertThat(failure).hasMessageContaining("already taken");
  }

  @Test
  void deletesTheCallersOwnAccountAsAGhost() {
    String name = "gone" + UUID.randomUUID().toString().substring(0, 6);
    String gone = SharedInstance.newUser(name, "--password", "password123");
    String id =
        Http.array(Http.get(gitter.uri("/api/v1/user"), "x-access-token", gone))
            .getJsonObject(0)
            .getString("id");

    var other =
        Http.send(
            java.net.http.HttpRequest.newBuilder(gitter.uri("/api/v1/user/" + id))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .header("x-access-token", token));
    assertThat(other.statusCode()).as("only your own account").isEqualTo(403);

    var deleted =
        Http.send(
            java.net.http.HttpRequest.newBuilder(gitter.uri("/api/v1/user/me"))
                .method(
                    "DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"ghost\":true}"))
                .header("Content-Type", "application/json")
                .header("x-access-token", gone));
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(Http.object(deleted).getBoolean("success")).isTrue();

    assertThat(Http.get(gitter.uri("/api/v1/user"), "x-access-token", gone).statusCode())
        .as("its tokens are gone")
        .isEqualTo(401);
    assertThat(Http.get(gitter.uri("/api/v1/users/" + name), "x-access-token", token).statusCode())
        .isEqualTo(404);
  }

  @Test
  void sendsStaffOnlyForStaff() {
    JsonObject me =
        Http.array(Http.get(gitter.uri("/api/v1/user"), "x-access-token", token)).getJsonObject(0);

    assertThat(me).doesNotContainKey("staff");
  }

  @Test
  void refusesUnknownSocketsAsGitterDid() {
    var eyeballs = Api.call(gitter, "POST", "/eyeballs", token, "{\"socketId\":\"nope\",\"on\":1}");
    var delete = Api.call(gitter, "DELETE", "/sockets/nope", token, "{\"reason\":\"closing\"}");

    Api.assertError(eyeballs, 400, "Unknown socket");
    Api.assertError(delete, 404, "Socket not found");
    assertThat(Api.call(gitter, "DELETE", "/sockets/nope", "bad-token", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void reflectsTheOriginOnEveryAnswerErrorsIncluded() {
    String origin = "https://client.example.org";

    var answered = Http.get(gitter.uri("/api/v1/user"), "x-access-token", token, "Origin", origin);
    var refused = Http.get(gitter.uri("/api/v1/user"), "Origin", origin);
    var outsideTheApi = Http.get(gitter.uri("/api/no-such-thing"), "Origin", origin);
    var noOrigin = Http.get(gitter.uri("/api/v1/user"), "x-access-token", token);

    for (var response : java.util.List.of(answered, refused, outsideTheApi)) {
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .as(response.uri() + " " + response.statusCode())
          .contains(origin);
      assertThat(response.headers().allValues("Vary"))
          .anySatisfy(v -> assertThat(v).contains("Origin"));
    }
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(outsideTheApi.statusCode()).isEqualTo(404);
    assertThat(outsideTheApi.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(Http.object(outsideTheApi).getString("error")).isEqualTo("Not Found");
    assertThat(noOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
