package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.ok;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.gitterjakarta.testsupport.http.Http;

/**
 * The people of a permission matrix, one per role, plus a bystander others add, kick and ban; and
 * rooms of the admin's in which the member is a member and the banned person is banned (from a
 * private room a ban removes the person).
 */
final class RoomCast {

  enum Role {
    ANONYMOUS,
    OUTSIDER,
    BANNED,
    MEMBER,
    ADMIN,
    BYSTANDER
  }

  /** One of the admin's rooms; {@code messageId} is a message of the admin's in it. */
  record Room(String id, boolean isPrivate, String messageId) {}

  /** What {@link #streamLines} adds once the server has ended the stream. */
  static final String END = Http.END;

  private static final HttpClient STREAMS = HttpClient.newHttpClient();

  private final Map<Role, JsonObject> people;
  private final Map<Role, String> tokens;

  private RoomCast(Map<Role, String> tokens) {
    this.tokens = tokens;
    this.people = new EnumMap<>(Role.class);
    tokens.forEach((role, token) -> people.put(role, ok(Api.call("GET", "/user/me", token, null))));
  }

  /** Signs everyone up, a few at a time. */
  static RoomCast assemble() {
    SharedInstance.get();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    var signUps = Executors.newFixedThreadPool(3);
    Map<Role, CompletableFuture<String>> pending = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      if (role != Role.ANONYMOUS) {
        String name = "pm" + role.name().toLowerCase().substring(0, 4) + suffix;
        pending.put(
            role, CompletableFuture.supplyAsync(() -> SharedInstance.newUser(name), signUps));
      }
    }
    Map<Role, String> tokens = new EnumMap<>(Role.class);
    pending.forEach((role, token) -> tokens.put(role, token.join()));
    signUps.shutdown();
    return new RoomCast(tokens);
  }

  /** A new room of the admin's with the member in it and the banned person banned. */
  Room room(boolean isPrivate) {
    JsonObject community = Api.community(token(Role.ADMIN));
    String id =
        isPrivate
            ? ok(as(
                    Role.ADMIN,
                    "POST",
                    "/groups/" + community.getString("id") + "/rooms",
                    "{\"name\":\"inner\",\"security\":{\"security\":\"PRIVATE\"}}"))
                .getString("id")
            : community.getJsonObject("defaultRoom").getString("id");
    for (Role role : new Role[] {Role.MEMBER, Role.BANNED}) {
      enter(id, isPrivate, role);
    }
    var ban = ban(id, Role.BANNED);
    assertThat(ban.statusCode()).as(ban.body()).isEqualTo(isPrivate ? 202 : 200);
    return new Room(id, isPrivate, messageBy(id, Role.ADMIN));
  }

  /** Joins a public room, or is added to a private one by the admin. */
  void enter(String roomId, boolean isPrivate, Role role) {
    if (isPrivate) {
      ok(as(Role.ADMIN, "POST", "/rooms/" + roomId + "/users", named(role)));
    } else {
      ok(as(role, "POST", "/user/me/rooms", "{\"id\":\"" + roomId + "\"}"));
    }
  }

  HttpResponse<String> ban(String roomId, Role role) {
    return as(Role.ADMIN, "POST", "/rooms/" + roomId + "/bans", named(role));
  }

  String messageBy(String roomId, Role author) {
    String json = "{\"text\":" + Json.createValue("by " + author) + "}";
    return ok(as(author, "POST", "/rooms/" + roomId + "/chatMessages", json)).getString("id");
  }

  /** An API v1 call as the role; calls without a token come from an address of their own. */
  HttpResponse<String> as(Role role, String method, String path, String json) {
    var request =
        HttpRequest.newBuilder(SharedInstance.get().uri("/api/v1" + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    authenticate(request, role);
    return Http.send(request);
  }

  /** The status of the head of the room's message stream; the stream is closed at once. */
  int streamStatus(Role role, String roomId) {
    HttpResponse<InputStream> response =
        stream(role, roomId, HttpResponse.BodyHandlers.ofInputStream());
    try {
      response.body().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return response.statusCode();
  }

  /** The room's message stream as the role reads it: its lines, then {@link #END} at its end. */
  BlockingQueue<String> streamLines(Role role, String roomId) {
    HttpResponse<Stream<String>> response =
        stream(role, roomId, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.lines(response);
  }

  private <T> HttpResponse<T> stream(Role role, String roomId, HttpResponse.BodyHandler<T> body) {
    var request =
        HttpRequest.newBuilder(
            SharedInstance.get().uri("/api/stream/v1/rooms/" + roomId + "/chatMessages"));
    authenticate(request, role);
    try {
      return STREAMS.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void authenticate(HttpRequest.Builder request, Role role) {
    if (role == Role.ANONYMOUS) {
      var random = ThreadLocalRandom.current();
      request.header(
          "X-Forwarded-For", "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255));
    } else {
      request.header("Authorization", "Bearer " + token(role));
    }
  }

  /** The role's token; null for the anonymous reader. */
  String token(Role role) {
    return tokens.get(role);
  }

  String id(Role role) {
    return people.get(role).getString("id");
  }

  String username(Role role) {
    return people.get(role).getString("username");
  }

  /** {@code {"username": ...}}, the body that names the role's person. */
  String named(Role role) {
    return "{\"username\":\"" + username(role) + "\"}";
  }
}
