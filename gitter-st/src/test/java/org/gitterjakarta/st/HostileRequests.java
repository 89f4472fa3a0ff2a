package org.gitterjakarta.st;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hostile requests the guard derives from one documented operation: bad and foreign ids in its
 * path, out-of-range values in its query, malformed and ill-typed bodies, and no or a bad token.
 * Everything but the part under attack is real, so that each request reaches the code it aims at.
 */
final class HostileRequests {

  /** Who sends a request. */
  enum Sender {
    CALLER,
    NOBODY,
    BAD_TOKEN
  }

  /** One request; {@code mustBeRefused} when no reading of the API could accept it. */
  record Attempt(
      String label, String method, String url, Sender sender, byte[] body, boolean mustBeRefused) {}

  /** The values the guard puts where the operation expects ids. */
  interface Ids {
    /** A value that names something of the caller's, so that only the attacked part is wrong. */
    String real(ApiOperation operation, String parameter);

    /** Someone else's real id, where the guard has one. */
    Optional<String> foreign(ApiOperation operation, String parameter);
  }

  static final List<String> BAD_IDS =
      List.of("zzz", "000000000000000000000000", "x".repeat(4096), "%24ne");
  static final List<String> BAD_EMOJI =
      List.of("not-an-emoji", "000000000000000000000000", "x".repeat(4096), "%24ne");
  static final List<String> BAD_NUMBERS =
      List.of("1e400", "1" + "0".repeat(400), "-1", "2147483648");

  /** Bodies that are not one JSON object in UTF-8 within the README's bounds: always a 400. */
  static final Map<String, byte[]> MALFORMED_BODIES = malformedBodies();

  /** Fields Gitter's bodies use, each with a value of a type no operation takes for it. */
  static final Map<String, String> WRONG_TYPES = wrongTypes();

  private HostileRequests() {}

  static List<Attempt> against(ApiOperation operation, Ids ids) {
    Map<String, String> real = new LinkedHashMap<>();
    operation.pathParameters().forEach(p -> real.put(p, ids.real(operation, p)));
    String url = operation.url(real);
    byte[] plain = operation.takesBody() ? utf8("{}") : null;
    String method = operation.method();
    List<Attempt> attempts = new ArrayList<>();
    attempts.add(new Attempt("no token", method, url, Sender.NOBODY, plain, false));
    attempts.add(new Attempt("a bad token", method, url, Sender.BAD_TOKEN, plain, false));
    for (String parameter : operation.pathParameters()) {
      // an emoji's shortcode is no id: "zzz" is one (💤)
      List<String> values = new ArrayList<>(parameter.equals("emoji") ? BAD_EMOJI : BAD_IDS);
      ids.foreign(operation, parameter).ifPresent(values::add);
      for (String value : values) {
        var path = new LinkedHashMap<>(real);
        path.put(parameter, value);
        String label = "{" + parameter + "}=" + shorten(value);
        attempts.add(new Attempt(label, method, operation.url(path), Sender.CALLER, plain, false));
      }
    }
    operation
        .queryParameters()
        .forEach((name, type) -> attempts.addAll(query(operation, url, name, type)));
    if (operation.takesBody()) {
      attempts.addAll(bodies(operation, url));
    }
    return attempts;
  }

  private static List<Attempt> query(ApiOperation operation, String url, String name, String type) {
    byte[] plain = operation.takesBody() ? utf8("{}") : null;
    return queryValues(type).stream()
        .map(
            value ->
                new Attempt(
                    "?" + name + "=" + shorten(value),
                    operation.method(),
                    url + "?" + name + "=" + value,
                    Sender.CALLER,
                    plain,
                    false))
        .toList();
  }

  private static List<Attempt> bodies(ApiOperation operation, String url) {
    List<Attempt> attempts = new ArrayList<>();
    MALFORMED_BODIES.forEach(
        (label, body) ->
            attempts.add(
                new Attempt("body " + label, operation.method(), url, Sender.CALLER, body, true)));
    if (operation.method().equals("DELETE")) {
      // a DELETE's object body only qualifies the deletion: any well-formed object is a real one
      return attempts;
    }
    List<String> objects = new ArrayList<>();
    WRONG_TYPES.forEach(
        (field, value) -> {
          objects.add("{\"" + field + "\":" + value + "}");
          objects.add("{\"" + field + "\":{\"$ne\":null}}");
        });
    for (String number : List.of("1e400", "1" + "0".repeat(400), "2147483648")) {
      objects.add("{\"favourite\":" + number + "}");
    }
    for (String json : objects) {
      attempts.add(
          new Attempt(
              "body " + shorten(json), operation.method(), url, Sender.CALLER, utf8(json), false));
    }
    return attempts;
  }

  private static List<String> queryValues(String type) {
    return switch (type) {
      case "integer", "number" -> BAD_NUMBERS;
      case "boolean" -> List.of("zzz", "%24ne");
      default -> BAD_IDS;
    };
  }

  private static Map<String, byte[]> malformedBodies() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (String json : List.of("null", "[]", "\"x\"", "123", "true", "{", "{} x")) {
      bodies.put(json, utf8(json));
    }
    bodies.put("5000 nested arrays", utf8("[".repeat(5000) + "]".repeat(5000)));
    bodies.put(
        "5000 nested objects",
        utf8("{\"text\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001)));
    bodies.put("a 300 KB string", utf8("{\"text\":\"" + "x".repeat(300 * 1024) + "\"}"));
    byte[] invalid = {
      '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xc3, '(', '"', '}'
    };
    bodies.put("with invalid UTF-8 bytes", invalid);
    return bodies;
  }

  private static Map<String, String> wrongTypes() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("text", "[\"a\"]");
    fields.put("uri", "123");
    fields.put("name", "{\"a\":1}");
    fields.put("id", "123");
    fields.put("username", "[]");
    fields.put("topic", "123");
    fields.put("tags", "123");
    fields.put("security", "123");
    fields.put("favourite", "\"x\"");
    fields.put("mode", "123");
    fields.put("noindex", "\"yes\"");
    fields.put("lurk", "\"yes\"");
    fields.put("chat", "\"x\"");
    fields.put("welcomeMessage", "123");
    fields.put("extraAdmins", "\"x\"");
    fields.put("registeredRedirectUri", "123");
    fields.put("code", "123");
    return fields;
  }

  static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
