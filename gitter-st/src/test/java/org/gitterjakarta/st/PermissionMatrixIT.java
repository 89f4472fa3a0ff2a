package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.ADD_USER;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.BAN_USER;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.CREATE_INTEGRATION;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.DELETE_ROOM;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.DELETE_SOMEONE_ELSES_MESSAGE;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.EDIT_SOMEONE_ELSES_MESSAGE;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.GET_CHAT_MESSAGES;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.GET_EVENTS;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.GET_INVITES;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.GET_ROOM;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.GET_SUGGESTED_ROOMS;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.GET_UNREAD_ITEMS;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.GET_USERS;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.INVITE_USER;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.KICK_USER;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.LIST_INTEGRATIONS;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.MARK_READ;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.OPEN_STREAM;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.POST_CHAT_MESSAGE;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.SET_TOPIC;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.SUBSCRIBE_CHAT_MESSAGES;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.SUBSCRIBE_EVENTS;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.SUBSCRIBE_ROOM;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.SUBSCRIBE_SOMEONE_ELSES_ROOMS;
import static org.gitterjakarta.st.PermissionMatrixIT.Route.SUBSCRIBE_USERS;
import static org.gitterjakarta.st.RoomCast.Role.ADMIN;
import static org.gitterjakarta.st.RoomCast.Role.ANONYMOUS;
import static org.gitterjakarta.st.RoomCast.Role.BANNED;
import static org.gitterjakarta.st.RoomCast.Role.BYSTANDER;
import static org.gitterjakarta.st.RoomCast.Role.MEMBER;
import static org.gitterjakarta.st.RoomCast.Role.OUTSIDER;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gitterjakarta.st.RoomCast.Role;
import org.gitterjakarta.st.RoomCast.Room;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may do what to a room, as one table: anonymous (no token), outsider (signed in, not a
 * member), banned (from a private room a ban removes the person), member and admin (the room's
 * creator) against REST routes, the streaming API and Bayeux subscriptions of a public and a
 * private room. As on Gitter, a room is not hidden from the signed in: a private room, and a public
 * one to those banned from it, is refused with 403 (only anonymous callers are asked to sign in).
 * Then: once access is taken away, what was already open delivers nothing more.
 */
class PermissionMatrixIT {

  static final int OK = 200;
  static final int ACCEPTED = 202;
  static final int NO_CONTENT = 204;
  static final int SIGN_IN = 401;
  static final int FORBIDDEN = 403;

  /** Bayeux rows: the subscription succeeds, or fails with an error starting {@code 403::}. */
  static final int SUBSCRIBED = 200;

  static final int DENIED = 403;

  static final List<Role> ROLES = List.of(ANONYMOUS, OUTSIDER, BANNED, MEMBER, ADMIN);

  /** What a role gets: a status, and what to show when it is not the expected one. */
  record Answer(int status, String detail) {}

  /** A route or channel, and what a role does with it to a room. */
  enum Route {
    GET_ROOM(PermissionMatrixIT::room),
    GET_CHAT_MESSAGES(PermissionMatrixIT::history),
    POST_CHAT_MESSAGE(PermissionMatrixIT::post),
    EDIT_SOMEONE_ELSES_MESSAGE(PermissionMatrixIT::edit),
    DELETE_SOMEONE_ELSES_MESSAGE(PermissionMatrixIT::delete),
    GET_USERS(PermissionMatrixIT::users),
    ADD_USER(PermissionMatrixIT::add),
    KICK_USER(PermissionMatrixIT::kick),
    BAN_USER(PermissionMatrixIT::ban),
    SET_TOPIC(PermissionMatrixIT::topic),
    DELETE_ROOM(PermissionMatrixIT::deleteRoom),
    GET_UNREAD_ITEMS(PermissionMatrixIT::unread),
    MARK_READ(PermissionMatrixIT::markRead),
    OPEN_STREAM(PermissionMatrixIT::stream),
    GET_EVENTS((room, role) -> call(role, "GET", "/rooms/" + room.id() + "/events", null)),
    GET_SUGGESTED_ROOMS(
        (room, role) -> call(role, "GET", "/rooms/" + room.id() + "/suggestedRooms", null)),
    GET_INVITES((room, role) -> call(role, "GET", "/rooms/" + room.id() + "/invites", null)),
    INVITE_USER(PermissionMatrixIT::invite),
    SUBSCRIBE_ROOM((room, role) -> subscription(role, "/api/v1/rooms/" + room.id())),
    SUBSCRIBE_CHAT_MESSAGES(
        (room, role) -> subscription(role, "/api/v1/rooms/" + room.id() + "/chatMessages")),
    SUBSCRIBE_USERS((room, role) -> subscription(role, "/api/v1/rooms/" + room.id() + "/users")),
    SUBSCRIBE_EVENTS((room, role) -> subscription(role, "/api/v1/rooms/" + room.id() + "/events")),
    LIST_INTEGRATIONS(
        (room, role) -> call(role, "GET", "/rooms/" + room.id() + "/integrations", null)),
    CREATE_INTEGRATION(
        (room, role) ->
            call(role, "POST", "/rooms/" + room.id() + "/integrations", "{\"name\":\"CI\"}")),
    SUBSCRIBE_SOMEONE_ELSES_ROOMS(PermissionMatrixIT::othersRooms);

    final BiFunction<Room, Role, Answer> action;

    Route(BiFunction<Room, Role, Answer> action) {
      this.action = action;
    }
  }

  /** One route of one kind of room, and the status each role in {@link #ROLES} gets. */
  record Row(Route route, boolean isPrivate, int... expected) {}

  static final List<Row> TABLE =
      List.of(
          // public room: anonymous, outsider, banned, member, admin
          pub(GET_ROOM, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(GET_CHAT_MESSAGES, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(POST_CHAT_MESSAGE, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          pub(EDIT_SOMEONE_ELSES_MESSAGE, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
          pub(DELETE_SOMEONE_ELSES_MESSAGE, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT),
          pub(GET_USERS, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(ADD_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          pub(KICK_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          pub(BAN_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          pub(SET_TOPIC, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          pub(DELETE_ROOM, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          pub(GET_UNREAD_ITEMS, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(MARK_READ, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(OPEN_STREAM, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(GET_EVENTS, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(GET_SUGGESTED_ROOMS, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(GET_INVITES, SIGN_IN, OK, FORBIDDEN, OK, OK),
          pub(INVITE_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          pub(SUBSCRIBE_ROOM, SUBSCRIBED, SUBSCRIBED, DENIED, SUBSCRIBED, SUBSCRIBED),
          pub(SUBSCRIBE_CHAT_MESSAGES, SUBSCRIBED, SUBSCRIBED, DENIED, SUBSCRIBED, SUBSCRIBED),
          pub(SUBSCRIBE_USERS, SUBSCRIBED, SUBSCRIBED, DENIED, SUBSCRIBED, SUBSCRIBED),
          pub(SUBSCRIBE_EVENTS, SUBSCRIBED, SUBSCRIBED, DENIED, SUBSCRIBED, SUBSCRIBED),
          pub(LIST_INTEGRATIONS, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          pub(CREATE_INTEGRATION, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          pub(SUBSCRIBE_SOMEONE_ELSES_ROOMS, DENIED, DENIED, DENIED, DENIED, DENIED),
          // private room: anonymous, outsider, banned (removed by the ban), member, admin
          priv(GET_ROOM, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(GET_CHAT_MESSAGES, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(POST_CHAT_MESSAGE, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(EDIT_SOMEONE_ELSES_MESSAGE, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
          priv(DELETE_SOMEONE_ELSES_MESSAGE, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT),
          priv(GET_USERS, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(ADD_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          priv(KICK_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          priv(BAN_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, ACCEPTED),
          priv(SET_TOPIC, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          priv(DELETE_ROOM, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          priv(GET_UNREAD_ITEMS, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(MARK_READ, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(OPEN_STREAM, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(GET_EVENTS, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(GET_SUGGESTED_ROOMS, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(GET_INVITES, SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK),
          priv(INVITE_USER, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          priv(SUBSCRIBE_ROOM, DENIED, DENIED, DENIED, SUBSCRIBED, SUBSCRIBED),
          priv(SUBSCRIBE_CHAT_MESSAGES, DENIED, DENIED, DENIED, SUBSCRIBED, SUBSCRIBED),
          priv(SUBSCRIBE_USERS, DENIED, DENIED, DENIED, SUBSCRIBED, SUBSCRIBED),
          priv(SUBSCRIBE_EVENTS, DENIED, DENIED, DENIED, SUBSCRIBED, SUBSCRIBED),
          priv(LIST_INTEGRATIONS, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          priv(CREATE_INTEGRATION, SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
          priv(SUBSCRIBE_SOMEONE_ELSES_ROOMS, DENIED, DENIED, DENIED, DENIED, DENIED));

  static RoomCast cast;
  static Room publicRoom;
  static Room privateRoom;

  @BeforeAll
  static void roomsAndPeople() {
    cast = RoomCast.assemble();
    publicRoom = cast.room(false);
    privateRoom = cast.room(true);
  }

  @TestFactory
  Stream<DynamicTest> everyRoleGetsWhatTheTableSays() {
    return TABLE.stream()
        .flatMap(
            row ->
                IntStream.range(0, ROLES.size())
                    .mapToObj(
                        i ->
                            DynamicTest.dynamicTest(
                                (row.isPrivate() ? "private" : "public")
                                    + " room: "
                                    + row.route()
                                    + " as "
                                    + ROLES.get(i)
                                    + " -> "
                                    + row.expected()[i],
                                () -> {
                                  Room room = row.isPrivate() ? privateRoom : publicRoom;
                                  Answer answer = row.route().action.apply(room, ROLES.get(i));
                                  assertThat(answer.status())
                                      .as(
                                          "%s as %s: %s",
                                          row.route(), ROLES.get(i), answer.detail())
                                      .isEqualTo(row.expected()[i]);
                                })));
  }

  // ------------------------------------------------------------------ after access is removed

  /** A way to lose access to a room while reading it; AccessRevocationIT covers kicks. */
  enum Removal {
    BAN_OF_A_PUBLIC_ROOMS_MEMBER(false, MEMBER),
    BAN_OF_A_PUBLIC_ROOMS_READER_WHO_NEVER_JOINED(false, OUTSIDER),
    BAN_FROM_A_PRIVATE_ROOM(true, MEMBER),
    LEAVING_A_PRIVATE_ROOM(true, MEMBER);

    final boolean isPrivate;
    final Role reader;

    Removal(boolean isPrivate, Role reader) {
      this.isPrivate = isPrivate;
      this.reader = reader;
    }

    void apply(Room room) {
      var response =
          this == LEAVING_A_PRIVATE_ROOM
              ? cast.as(reader, "DELETE", "/rooms/" + room.id() + "/users/" + cast.id(reader), null)
              : cast.ban(room.id(), reader);
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    }
  }

  @ParameterizedTest
  @EnumSource(Removal.class)
  void afterAccessIsRemovedNothingMoreArrives(Removal removal) throws Exception {
    Room room = cast.room(removal.isPrivate);
    String channel = "/api/v1/rooms/" + room.id() + "/chatMessages";
    try (var polling = BayeuxClient.longPolling(SharedInstance.get().bayeux());
        var socket = BayeuxClient.websocket(SharedInstance.get().bayeux())) {
      for (BayeuxClient client : List.of(polling, socket)) {
        client.handshake(cast.token(removal.reader));
        assertThat(client.subscribe(channel, null).getBoolean("successful")).isTrue();
      }
      BlockingQueue<String> stream = cast.streamLines(removal.reader, room.id());
      String before = cast.messageBy(room.id(), ADMIN);
      assertThat(polling.hears(channel, 10_000, created(before)))
          .as("long-polling before")
          .isTrue();
      assertThat(socket.hears(channel, 10_000, created(before))).as("websocket before").isTrue();
      assertThat(lineOf(stream, before)).as("stream before").contains("by ADMIN");

      removal.apply(room);
      String after = cast.messageBy(room.id(), ADMIN);

      assertThat(nextLine(stream)).as("the stream after the removal").isEqualTo(RoomCast.END);
      assertThat(polling.hears(channel, 3_000, created(after)))
          .as("long-polling after the removal")
          .isFalse();
      assertThat(socket.hears(channel, 1_000, created(after)))
          .as("websocket after the removal")
          .isFalse();
    }
  }

  @Test
  void aDeletedRoomsStreamEnds() throws Exception {
    Room room = cast.room(false);
    BlockingQueue<String> stream = cast.streamLines(OUTSIDER, room.id());
    String sent = cast.messageBy(room.id(), ADMIN);
    assertThat(lineOf(stream, sent)).contains("by ADMIN");

    assertThat(cast.as(ADMIN, "DELETE", "/rooms/" + room.id(), null).statusCode()).isEqualTo(OK);

    assertThat(nextLine(stream)).isEqualTo(RoomCast.END);
  }

  // ------------------------------------------------------------------ the table's actions

  static Row pub(Route route, int... expected) {
    return new Row(route, false, expected);
  }

  static Row priv(Route route, int... expected) {
    return new Row(route, true, expected);
  }

  static Answer room(Room room, Role role) {
    return call(role, "GET", "/rooms/" + room.id(), null);
  }

  static Answer history(Room room, Role role) {
    return call(role, "GET", "/rooms/" + room.id() + "/chatMessages", null);
  }

  static Answer post(Room room, Role role) {
    return call(role, "POST", "/rooms/" + room.id() + "/chatMessages", "{\"text\":\"hello\"}");
  }

  static Answer edit(Room room, Role role) {
    String message = cast.messageBy(room.id(), someoneElseThan(role));
    String path = "/rooms/" + room.id() + "/chatMessages/" + message;
    return call(role, "PUT", path, "{\"text\":\"edited by " + role + "\"}");
  }

  static Answer delete(Room room, Role role) {
    String message = cast.messageBy(room.id(), someoneElseThan(role));
    return call(role, "DELETE", "/rooms/" + room.id() + "/chatMessages/" + message, null);
  }

  static Answer users(Room room, Role role) {
    return call(role, "GET", "/rooms/" + room.id() + "/users", null);
  }

  static Answer add(Room room, Role role) {
    cast.as(ADMIN, "DELETE", "/rooms/" + room.id() + "/users/" + cast.id(BYSTANDER), null);
    return call(role, "POST", "/rooms/" + room.id() + "/users", cast.named(BYSTANDER));
  }

  static Answer invite(Room room, Role role) {
    cast.as(ADMIN, "DELETE", "/rooms/" + room.id() + "/bans/" + cast.username(BYSTANDER), null);
    cast.as(ADMIN, "DELETE", "/rooms/" + room.id() + "/users/" + cast.id(BYSTANDER), null);
    return call(role, "POST", "/rooms/" + room.id() + "/invites", cast.named(BYSTANDER));
  }

  static Answer kick(Room room, Role role) {
    cast.as(ADMIN, "POST", "/rooms/" + room.id() + "/users", cast.named(BYSTANDER));
    return call(role, "DELETE", "/rooms/" + room.id() + "/users/" + cast.id(BYSTANDER), null);
  }

  static Answer ban(Room room, Role role) {
    cast.as(ADMIN, "DELETE", "/rooms/" + room.id() + "/bans/" + cast.username(BYSTANDER), null);
    cast.as(ADMIN, "POST", "/rooms/" + room.id() + "/users", cast.named(BYSTANDER));
    return call(role, "POST", "/rooms/" + room.id() + "/bans", cast.named(BYSTANDER));
  }

  static Answer topic(Room room, Role role) {
    return call(role, "PUT", "/rooms/" + room.id(), "{\"topic\":\"set by " + role + "\"}");
  }

  /** On a room of its own, so that the table's rooms stay. */
  static Answer deleteRoom(Room room, Role role) {
    return call(role, "DELETE", "/rooms/" + cast.room(room.isPrivate()).id(), null);
  }

  static Answer unread(Room room, Role role) {
    return call(role, "GET", "/user/me/rooms/" + room.id() + "/unreadItems", null);
  }

  static Answer markRead(Room room, Role role) {
    String path = "/user/me/rooms/" + room.id() + "/unreadItems";
    return call(role, "POST", path, "{\"chat\":[\"" + room.messageId() + "\"]}");
  }

  static Answer stream(Room room, Role role) {
    return new Answer(cast.streamStatus(role, room.id()), "the stream's head");
  }

  static Answer othersRooms(Room room, Role role) {
    return subscription(role, "/api/v1/user/" + cast.id(someoneElseThan(role)) + "/rooms");
  }

  private static Answer subscription(Role role, String channel) {
    try (var client = BayeuxClient.longPolling(SharedInstance.get().bayeux())) {
      JsonObject handshake = client.handshake(cast.token(role));
      assertThat(handshake.getBoolean("successful")).as(handshake.toString()).isTrue();
      JsonObject reply = client.subscribe(channel, null);
      if (reply.getBoolean("successful", false)) {
        return new Answer(SUBSCRIBED, reply.toString());
      }
      assertThat(reply.getString("error", "")).as(reply.toString()).startsWith("403::");
      return new Answer(DENIED, reply.toString());
    }
  }

  private static Answer call(Role role, String method, String path, String json) {
    HttpResponse<String> response = cast.as(role, method, path, json);
    return new Answer(response.statusCode(), method + " " + path + " -> " + response.body());
  }

  private static Role someoneElseThan(Role role) {
    return role == ADMIN ? MEMBER : ADMIN;
  }

  // ------------------------------------------------------------------ streams

  /** The next line that is not a keep-alive, or {@link RoomCast#END}, waiting up to 8 s. */
  /**
   * A live event that creates the message {@code id}. Tests ask for their own message: the event of
   * the one {@link RoomCast#room} posts can still be on its way when a client starts listening.
   */
  private static java.util.function.Predicate<JsonObject> created(String id) {
    return data ->
        data.get("model") instanceof JsonObject model && id.equals(model.getString("id", null));
  }

  /**
   * The stream's line of the message {@code id}, after any before it: the live event of the message
   * {@link RoomCast#room} posts can still be on its way when the stream opens, and then comes
   * first.
   */
  private static String lineOf(BlockingQueue<String> lines, String id) throws InterruptedException {
    String line;
    do {
      line = nextLine(lines);
      assertThat(line).as("the line of message " + id).isNotEqualTo(RoomCast.END);
    } while (!line.contains("\"id\":\"" + id + "\""));
    return line;
  }

  private static String nextLine(BlockingQueue<String> lines) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 8_000;
    String line;
    do {
      line = lines.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      assertThat(line).as("a line or the end of the stream within 8 s").isNotNull();
    } while (line.isBlank());
    return line;
  }
}
