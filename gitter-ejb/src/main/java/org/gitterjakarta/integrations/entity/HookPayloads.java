package org.gitterjakarta.integrations.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.wire.JsonFields;

/**
 * The payloads a hook accepts, read into markdown. A body with an {@code X-GitHub-Event} header is
 * GitHub's ({@code push}, {@code issues}, {@code pull_request}; {@code ping} is known and shows
 * nothing); any other body must be the generic {@code {message, icon?, level?}}. Everything else,
 * and every field of the wrong type, is a 400: nothing is stored for a payload we cannot read.
 * Names and titles from the payload are escaped, so they cannot turn into links or mentions.
 */
public final class HookPayloads {

  public static final int MAX_MESSAGE_LENGTH = 4096;
  static final int SHOWN_COMMITS = 5;
  static final Set<String> LEVELS = Set.of("info", "error");
  private static final Pattern ICON = Pattern.compile("[a-z0-9-]{1,32}");
  private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s()<>\\[\\]]{1,2000}");
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]()#+!<>|~@:-])");

  private HookPayloads() {}

  /** What the payload says happened; empty for a payload that is known but shows nothing. */
  public static Optional<Activity> read(String githubEvent, JsonValue body) {
    if (!(body instanceof JsonObject object)) {
      throw Problem.invalid("The payload must be a JSON object");
    }
    if (githubEvent == null || githubEvent.isBlank()) {
      return Optional.of(generic(object));
    }
    return switch (githubEvent.strip()) {
      case "ping" -> Optional.empty();
      case "push" -> Optional.of(GitHubPayloads.push(object));
      case "issues" -> Optional.of(GitHubPayloads.issue(object, "issues", "issue", "issue"));
      case "pull_request" ->
          Optional.of(GitHubPayloads.issue(object, "pull_request", "pull_request", "pull request"));
      default ->
          throw Problem.invalid("GitHub event " + shorten(githubEvent) + " is not supported");
    };
  }

  static Activity generic(JsonObject body) {
    String message = string(body, "message");
    if (message == null || message.isBlank()) {
      throw Problem.invalid("message is required (or send a GitHub event with X-GitHub-Event)");
    }
    if (message.length() > MAX_MESSAGE_LENGTH) {
      throw Problem.invalid("message is longer than " + MAX_MESSAGE_LENGTH + " characters");
    }
    String icon = string(body, "icon");
    if (icon != null && !ICON.matcher(icon).matches()) {
      throw Problem.invalid("icon must be a short name of letters, digits and dashes");
    }
    String level = Optional.ofNullable(string(body, "level")).orElse("info");
    if (!LEVELS.contains(level)) {
      throw Problem.invalid("level must be info or error");
    }
    Map<String, String> meta = meta("custom", "message");
    meta.put("level", level);
    if (icon != null) {
      meta.put("icon", icon);
    }
    return new Activity(message, meta);
  }

  static Map<String, String> meta(String service, String event) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("service", service);
    meta.put("event", event);
    return meta;
  }

  /** An optional string field: null when absent or null, a 400 when of another type. */
  static String string(JsonObject body, String field) {
    return JsonFields.optionalString(body, field);
  }

  static String requiredString(JsonObject body, String field) {
    String value = string(body, field);
    if (value == null || value.isBlank()) {
      throw Problem.invalid(field + " is required");
    }
    return value;
  }

  static JsonObject object(JsonObject body, String field) {
    if (!(body.get(field) instanceof JsonObject object)) {
      throw Problem.invalid(field + " must be an object");
    }
    return object;
  }

  static Optional<JsonObject> optionalObject(JsonObject body, String field) {
    JsonValue value = body.get(field);
    return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
  }

  static JsonArray array(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (!(value instanceof JsonArray array)) {
      throw Problem.invalid(field + " must be an array");
    }
    return array;
  }

  static long number(JsonObject body, String field) {
    if (!(body.get(field) instanceof JsonNumber number) || !number.isIntegral()) {
      throw Problem.invalid(field + " must be a whole number");
    }
    return number.longValue();
  }

  /** Text from a payload shown as itself: markdown characters escaped, one line, bounded. */
  static String plain(String text) {
    return MARKDOWN.matcher(shorten(text.strip().replaceAll("\\s+", " "))).replaceAll("\\\\$1");
  }

  /** {@code [text](url)} for a web address, else the text alone. */
  static String link(String text, String url) {
    return url != null && WEB_URL.matcher(url).matches() ? "[" + text + "](" + url + ")" : text;
  }

  static String shorten(String text) {
    return text.length() > 200 ? text.substring(0, 199) + "…" : text;
  }
}
