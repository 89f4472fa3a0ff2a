package org.gitterjakarta.events.entity;

/** The Bayeux channel names of Gitter's realtime API, where each kind of change goes. */
public final class Channels {

  private Channels() {}

  public static String room(String roomId) {
    return "/api/v1/rooms/" + roomId;
  }

  public static String roomMessages(String roomId) {
    return room(roomId) + "/chatMessages";
  }

  public static String roomUsers(String roomId) {
    return room(roomId) + "/users";
  }

  /** The room's activity feed (integration events). */
  public static String roomEvents(String roomId) {
    return room(roomId) + "/events";
  }

  public static String user(String userId) {
    return "/api/v1/user/" + userId;
  }

  /** The person's left menu. */
  public static String userRooms(String userId) {
    return user(userId) + "/rooms";
  }

  /** The person's communities. */
  public static String userGroups(String userId) {
    return user(userId) + "/groups";
  }

  /** Where a token's holder hears that it was revoked. */
  public static String token(String token) {
    return "/api/v1/token/" + token;
  }

  public static String userUnread(String userId, String roomId) {
    return userRooms(userId) + "/" + roomId + "/unreadItems";
  }
}
