package org.gitterjakarta.ws.bayeux;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.StringReader;
import java.util.Optional;

/**
 * Checks the shape of a Bayeux request (a long-polling body or a websocket frame) before CometD
 * reads it, and bounds the work one request may ask for. CometD answers a malformed batch with a
 * container error page and does whatever a well-formed one asks, however long the batch; here both
 * end in one Bayeux error reply.
 *
 * <p>A request is one message object or an array of them; each has a string {@code channel}, the
 * other fields CometD reads have their Bayeux types ({@code clientId}, {@code subscription}, {@code
 * connectionType} strings, {@code ext} and {@code advice} objects, ...), since CometD casts them. A
 * batch holds at most {@link #MAX_MESSAGES} messages, of which at most one handshake and one
 * connect (no client sends more), nested at most {@link #MAX_DEPTH} levels deep, with nothing after
 * the JSON.
 */
public final class BayeuxRequests {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int MAX_MESSAGES = 100;
  static final int MAX_DEPTH = 16;

  /** The meta channels of Bayeux 1.0; CometD fails on any other with a server error. */
  static final java.util.Set<String> META_CHANNELS =
      java.util.Set.of(
          "/meta/handshake",
          "/meta/connect",
          "/meta/subscribe",
          "/meta/unsubscribe",
          "/meta/disconnect");

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private BayeuxRequests() {}

  /** What the checks found in a request: its problem, if any, and whether it holds a handshake. */
  public record Checked(Optional<String> problem, boolean handshake) {}

  /** Empty when the request may go to CometD, else the reason it may not. */
  public static Optional<String> problem(String text) {
    return check(text).problem();
  }

  /**
   * The request's problem (empty when it may go to CometD) and whether it starts a session: holds a
   * handshake (never said of a request with a problem).
   */
  public static Checked check(String text) {
    if (text == null || text.isBlank()) {
      return new Checked(Optional.of("Empty request"), false);
    }
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      Walk walk = new Walk(parser);
      Optional<String> problem = walk.run();
      return new Checked(problem, problem.isEmpty() && walk.handshakes > 0);
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      return new Checked(Optional.of("Malformed JSON"), false);
    }
  }

  /** The error reply for a refused request, in the shape of CometD's own refusals. */
  public static String errorReply(String reason) {
    return JSON.createArrayBuilder()
        .add(
            JSON.createObjectBuilder()
                .add("channel", "/meta/unknown")
                .add("successful", false)
                .add("error", "400::" + reason))
        .build()
        .toString();
  }

  /** One pass over the parser's events, keeping only the state the checks need. */
  private static final class Walk {
    private final JsonParser parser;
    private int depth;
    private int messages;
    private int handshakes;
    private int connects;

    Walk(JsonParser parser) {
      this.parser = parser;
    }

    Optional<String> run() {
      Event first = parser.next();
      Optional<String> problem =
          switch (first) {
            case START_OBJECT -> message();
            case START_ARRAY -> batch();
            default -> Optional.of("A Bayeux request is a message object or an array of them");
          };
      if (problem.isEmpty() && parser.hasNext()) {
        return Optional.of("Unexpected content after the JSON");
      }
      return problem;
    }

    private Optional<String> batch() {
      while (true) {
        Event event = parser.next();
        if (event == Event.END_ARRAY) {
          return messages == 0 ? Optional.of("Empty batch") : Optional.empty();
        }
        if (event != Event.START_OBJECT) {
          return Optional.of("Each element of a batch must be a message object");
        }
        Optional<String> problem = message();
        if (problem.isPresent()) {
          return problem;
        }
      }
    }

    /** Reads one message object, whose START_OBJECT was just read. */
    private Optional<String> message() {
      if (++messages > MAX_MESSAGES) {
        return Optional.of("At most " + MAX_MESSAGES + " messages per request");
      }
      boolean hasChannel = false;
      while (true) {
        Event event = parser.next();
        if (event == Event.END_OBJECT) {
          return hasChannel ? Optional.empty() : Optional.of("A message needs a channel");
        }
        String field = parser.getString();
        Event value = parser.next();
        Optional<String> problem =
            switch (field) {
              case "channel" -> channel(value);
              case "ext", "advice" ->
                  value == Event.START_OBJECT || value == Event.VALUE_NULL
                      ? skip(value)
                      : Optional.of(field + " must be an object");
              case "clientId", "subscription", "connectionType", "version", "minimumVersion" ->
                  value == Event.VALUE_STRING || value == Event.VALUE_NULL
                      ? Optional.empty()
                      : Optional.of(field + " must be a string");
              case "id" ->
                  value == Event.VALUE_STRING
                          || value == Event.VALUE_NUMBER
                          || value == Event.VALUE_NULL
                      ? Optional.empty()
                      : Optional.of("id must be a string");
              case "supportedConnectionTypes" -> strings(value);
              default -> skip(value);
            };
        if (problem.isPresent()) {
          return problem;
        }
        hasChannel |= field.equals("channel");
      }
    }

    private Optional<String> strings(Event value) {
      if (value == Event.VALUE_NULL) {
        return Optional.empty();
      }
      if (value != Event.START_ARRAY) {
        return Optional.of("supportedConnectionTypes must be a list of strings");
      }
      for (Event next = parser.next(); next != Event.END_ARRAY; next = parser.next()) {
        if (next != Event.VALUE_STRING) {
          return Optional.of("supportedConnectionTypes must be a list of strings");
        }
      }
      return Optional.empty();
    }

    private Optional<String> channel(Event value) {
      if (value != Event.VALUE_STRING || !parser.getString().startsWith("/")) {
        return Optional.of("channel must be a channel name");
      }
      String channel = parser.getString();
      if (channel.startsWith("/meta/") && !META_CHANNELS.contains(channel)) {
        return Optional.of("Unknown meta channel " + abbreviated(channel));
      }
      if (channel.equals("/meta/handshake") && ++handshakes > 1) {
        return Optional.of("At most one handshake per request");
      }
      if (channel.equals("/meta/connect") && ++connects > 1) {
        return Optional.of("At most one connect per request");
      }
      return Optional.empty();
    }

    /** Skips a value, refusing nesting deeper than {@link #MAX_DEPTH} below the message. */
    private Optional<String> skip(Event value) {
      if (value != Event.START_OBJECT && value != Event.START_ARRAY) {
        return Optional.empty();
      }
      int start = depth;
      depth++;
      while (depth > start) {
        Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth - start > MAX_DEPTH) {
              return Optional.of("Nested too deeply");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {}
        }
      }
      return Optional.empty();
    }
  }
}
