package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OAuth2 provider: apps registered by users, and the authorization-code grant. */
class OAuthIT {

  static final String CALLBACK = "http://127.0.0.1:9/callback";
  static GitterRun gitter;
  static String developer;
  static String user;

  @BeforeAll
  static void people() {
    gitter = SharedInstance.get();
    developer =
        SharedInstance.newUser(
            "dev" + UUID.randomUUID().toString().substring(0, 6), "--password", "password123");
    user =
        SharedInstance.newUser(
            "usr" + UUID.randomUUID().toString().substring(0, 6), "--password", "password123");
  }

  static JsonObject register() {
    var response =
        Http.postJson(
            gitter.uri("/api/v1/oauth-clients"),
            "{\"name\":\"My app\",\"registeredRedirectUri\":\"" + CALLBACK + "\"}",
            "Authorization",
            "Bearer " + developer);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.object(response);
  }

  static HttpResponse<String> authorize(String clientKey, String redirectUri, String token) {
    String query =
        "client_id="
            + clientKey
            + "&response_type=code&state=xyz&redirect_uri="
            + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    var request = HttpRequest.newBuilder(gitter.uri("/login/oauth/authorize?" + query));
    return token == null
        ? Http.send(request)
        : Http.send(request.header("Authorization", "Bearer " + token));
  }

  static HttpResponse<String> exchange(String clientKey, String secret, String code) {
    String form =
        "grant_type=authorization_code&client_id="
            + clientKey
            + "&client_secret="
            + secret
            + "&code="
            + code
            + "&redirect_uri="
            + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8);
    return Http.send(
        HttpRequest.newBuilder(gitter.uri("/login/oauth/token"))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .header("Content-Type", "application/x-www-form-urlencoded"));
  }

  static String code(HttpResponse<String> redirect) {
    URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    Map<String, String> query =
        Arrays.stream(location.getQuery().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    assertThat(location.getPath()).isEqualTo("/callback");
    assertThat(query).containsEntry("state", "xyz");
    return query.get("code");
  }

  @Test
  void letsAnAppActForAUserThroughTheCodeGrant() {
    JsonObject app = register();
    assertThat(app.getString("clientKey")).matches("[0-9a-f]{40}");
    assertThat(app.getString("clientSecret")).matches("[0-9a-f]{40}");

    HttpResponse<String> redirect = authorize(app.getString("clientKey"), CALLBACK, user);
    assertThat(redirect.statusCode()).isIn(302, 303);
    String code = code(redirect);

    HttpResponse<String> granted =
        exchange(app.getString("clientKey"), app.getString("clientSecret"), code);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    String appToken = Http.object(granted).getString("access_token");
    assertThat(appToken).matches("[0-9a-f]{40}");
    assertThat(Http.object(granted).getString("token_type")).isEqualToIgnoringCase("bearer");
    String me =
        Http.array(Http.get(gitter.uri("/api/v1/user"), "x-access-token", user))
            .getJsonObject(0)
            .getString("id");
    assertThat(
            Http.array(Http.get(gitter.uri("/api/v1/user"), "x-access-token", appToken))
                .getJsonObject(0)
                .getString("id"))
        .isEqualTo(me);

    var again = exchange(app.getString("clientKey"), app.getString("clientSecret"), code);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Http.object(again).getString("error")).isEqualTo("invalid_grant");
  }

  @Test
  void refusesWrongSecretsRedirectsAndAnonymousUsers() {
    JsonObject app = register();
    String key = app.getString("clientKey");

    var noUser = authorize(key, CALLBACK, null);
    assertThat(noUser.statusCode()).as("a browser signs in first").isEqualTo(303);
    assertThat(noUser.headers().firstValue("Location").orElseThrow())
        .contains("/signin.xhtml?next=");
    var elsewhere = authorize(key, "https://attacker.example/steal", user);
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
    assertThat(Http.object(elsewhere).getString("error")).isEqualTo("redirect_uri_mismatch");
    var browserElsewhere = authorize(key, "https://attacker.example/steal", null);
    assertThat(browserElsewhere.headers().firstValue("Location").orElseThrow())
        .as("a person is shown a page that explains, never sent to the unregistered address")
        .contains("/oauth-refused.xhtml?reason=redirect_uri_mismatch");
    var refusedPage = Http.get(SharedInstance.get().uri("/oauth-refused.xhtml?reason=x%3Cb%3E"));
    assertThat(refusedPage.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(refusedPage.body()).contains("cannot sign you in").contains("x&lt;b&gt;");

    String code = code(authorize(key, CALLBACK, user));
    var wrongSecret = exchange(key, "0".repeat(40), code);
    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(Http.object(wrongSecret).getString("error")).isEqualTo("invalid_client");
  }

  @Test
  void revokesTheAppsTokensWhenItsOwnerDeletesIt() {
    JsonObject app = register();
    String code = code(authorize(app.getString("clientKey"), CALLBACK, user));
    String appToken =
        Http.object(exchange(app.getString("clientKey"), app.getString("clientSecret"), code))
            .getString("access_token");
    String path = "/api/v1/oauth-clients/" + app.getString("id");

    var listed =
        Http.array(Http.get(gitter.uri("/api/v1/oauth-clients"), "x-access-token", developer));
    assertThat(listed.getValuesAs(JsonObject.class))
        .anySatisfy(
            c -> {
              assertThat(c.getString("id")).isEqualTo(app.getString("id"));
              assertThat(c.containsKey("clientSecret")).isFalse();
            });
    var foreign =
        Http.send(HttpRequest.newBuilder(gitter.uri(path)).DELETE().header("x-access-token", user));
    assertThat(foreign.statusCode()).as("someone else's app, as Gitter answers it").isEqualTo(403);

    var deleted =
        Http.send(
            HttpRequest.newBuilder(gitter.uri(path)).DELETE().header("x-access-token", developer));
    assertThat(deleted.statusCode()).as("Gitter answers 200").isEqualTo(200);
    assertThat(Http.get(gitter.uri("/api/v1/user"), "x-access-token", appToken).statusCode())
        .isEqualTo(401);
  }
}
