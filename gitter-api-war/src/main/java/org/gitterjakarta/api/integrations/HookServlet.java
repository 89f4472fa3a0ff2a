package org.gitterjakarta.api.integrations;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.api.requests.JsonBodies;
import org.gitterjakarta.integrations.boundary.Hooks;
import org.gitterjakarta.integrations.boundary.TooManyEvents;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.ratelimits.boundary.RateLimits;
import org.gitterjakarta.ratelimits.entity.ClientAddress;

/**
 * {@code POST /api/private/hook/:secret}: a JSON body (or GitHub's form encoding, {@code
 * payload=<json>}) becomes an activity event of the hook's room. Every refusal is a JSON {@code
 * {"error"}} with a 4xx status; secrets that do not exist count against the caller's address like
 * bad tokens do, so guessing is throttled.
 */
@WebServlet(urlPatterns = "/private/hook/*")
public class HookServlet extends HttpServlet {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private static final long serialVersionUID = 1L;
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final long DRAINED_BYTES = 8L * 1024 * 1024;

  @Inject transient Hooks hooks;
  @Inject transient RateLimits limits;

  @Inject
  @ConfigProperty(name = "gitter.http.trusted-proxies")
  transient int trustedProxies;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      error(response, 405, "Hooks take POST only");
      return;
    }
    String path = String.valueOf(request.getPathInfo());
    String secret = path.startsWith("/") ? path.substring(1) : path;
    try {
      byte[] bytes = bytes(request);
      String type = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
      var event =
          hooks.receive(secret, request.getHeader("X-GitHub-Event"), () -> parse(type, bytes));
      response.setContentType("application/json;charset=utf-8");
      response
          .getWriter()
          .write(event.map(JSON::toJson).orElse("{\"success\":true,\"stored\":false}"));
    } catch (TooLarge tooLarge) {
      response.setHeader("Connection", "close");
      error(response, 413, tooLarge.getMessage());
    } catch (TooManyEvents tooMany) {
      response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
      error(response, 429, tooMany.getMessage());
    } catch (Problem refused) {
      if (refused.kind() == Problem.Kind.NOT_FOUND && !guessAllowed(request)) {
        error(response, 429, "Too many requests to unknown hooks");
        return;
      }
      error(response, refused.kind().status(), refused.getMessage());
    }
  }

  /**
   * The body, at most {@link JsonBodies#MAX_BODY_BYTES}. A larger one is read on (to a bound) and
   * dropped, so that the client, still sending, hears the 413 instead of waiting for a reader.
   */
  private static byte[] bytes(HttpServletRequest request) throws IOException {
    var in = request.getInputStream();
    byte[] bytes = in.readNBytes(JsonBodies.MAX_BODY_BYTES + 1);
    if (bytes.length > JsonBodies.MAX_BODY_BYTES) {
      byte[] sink = new byte[64 * 1024];
      long dropped = 0;
      for (int n; dropped < DRAINED_BYTES && (n = in.read(sink)) != -1; ) {
        dropped += n;
      }
      throw tooLarge();
    }
    return bytes;
  }

  /** The body as one JSON value: JSON as it is, a form's {@code payload} field as GitHub sends. */
  private static JsonValue parse(String type, byte[] bytes) {
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return JsonBodies.parse(formPayload(bytes));
    }
    if (!type.startsWith("application/json") && !type.matches("application/[\\w.+-]*\\+json.*")) {
      throw new Problem(Problem.Kind.INVALID, "Send JSON (Content-Type: application/json)");
    }
    return JsonBodies.parse(bytes);
  }

  private static byte[] formPayload(byte[] form) {
    try {
      return Arrays.stream(new String(form, StandardCharsets.US_ASCII).split("&"))
          .filter(field -> field.startsWith("payload="))
          .findFirst()
          .map(f -> URLDecoder.decode(f.substring(8), StandardCharsets.UTF_8))
          .orElseThrow(() -> Problem.invalid("A form body needs a payload field"))
          .getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("Malformed form body");
    }
  }

  private static TooLarge tooLarge() {
    return new TooLarge();
  }

  /** 413: no {@link Problem} kind says it, and only bodies have it. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(
          "A hook's body may have at most " + JsonBodies.MAX_BODY_BYTES + " bytes",
          null,
          false,
          false);
    }
  }

  private boolean guessAllowed(HttpServletRequest request) {
    String address =
        ClientAddress.of(
            request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    return limits.hitUnauthenticated(address).allowed();
  }

  private static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=utf-8");
    response
        .getWriter()
        .write(JSON_P.createObjectBuilder().add("error", message).build().toString());
  }
}
