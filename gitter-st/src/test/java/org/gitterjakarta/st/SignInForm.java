package org.gitterjakarta.st;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/**
 * The sign-in page driven over plain HTTP, as a script would drive it, from a client address of the
 * test's choosing (the test instance trusts one proxy's {@code X-Forwarded-For}).
 */
final class SignInForm {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern MESSAGE =
      Pattern.compile("<ul id=\"messages\"[^>]*>\\s*<li[^>]*>([^<]+)</li>");

  private final GitterRun gitter;
  private final String address;
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  SignInForm(GitterRun gitter, String address) {
    this.gitter = gitter;
    this.address = address;
  }

  /** Submits the form once; the page's first message (or the whole page when there is none). */
  String signIn(String username, String password) {
    String page = get("/signin.xhtml").body();
    String answer = post("/signin.xhtml", filledIn(page, username, password)).body();
    Matcher message = MESSAGE.matcher(answer);
    return message.find() ? message.group(1).strip() : answer;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(gitter.uri(path)).GET());
  }

  /** Posts a form-encoded body (build it with {@link #field}), as the browser would. */
  HttpResponse<String> post(String path, String form) {
    return send(
        HttpRequest.newBuilder(gitter.uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .header("Content-Type", "application/x-www-form-urlencoded"));
  }

  /** The sign-in form of {@code page} filled in and submitted, form-encoded. */
  private static String filledIn(String page, String username, String password) {
    return field("signin", "signin")
        + "&"
        + field("signin:username", username)
        + "&"
        + field("signin:password", password)
        + "&"
        + field("signin:next", "")
        + "&"
        + field("signin:submit", "Sign in")
        + "&"
        + field("jakarta.faces.ViewState", viewState(page));
  }

  static String viewState(String page) {
    Matcher state = VIEW_STATE.matcher(page);
    if (!state.find()) {
      throw new AssertionError("No view state on the page: " + page);
    }
    return state.group(1);
  }

  /**
   * The session cookie a successful sign-in at {@code base} (the web application's root, no
   * trailing slash) sets, through a proxy saying this scheme, or none.
   */
  static String sessionCookie(
      HttpClient http, String base, String username, String password, String scheme)
      throws java.io.IOException, InterruptedException {
    var signIn = java.net.URI.create(base + "/signin.xhtml");
    String page =
        http.send(HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    var post =
        HttpRequest.newBuilder(signIn)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(filledIn(page, username, password)));
    if (scheme != null) {
      post.header("X-Forwarded-Proto", scheme);
    }
    return http
        .send(post.build(), HttpResponse.BodyHandlers.discarding())
        .headers()
        .allValues("Set-Cookie")
        .stream()
        .filter(cookie -> cookie.startsWith("gitter_session="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sign-in cookie"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.header("X-Forwarded-For", address).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String field(String name, String value) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
