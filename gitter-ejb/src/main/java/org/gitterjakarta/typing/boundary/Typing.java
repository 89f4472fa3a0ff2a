package org.gitterjakarta.typing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.users.boundary.Users;

/**
 * "Ann is typing…": whoever may write in a room may say they are typing (or stopped); everyone
 * subscribed to {@code /api/v1/rooms/:id/typing} hears {@code {notification: "typing", typing,
 * user: {id, username, displayName}}}. The notice is never stored; the realtime service limits how
 * often one client sends it.
 */
@Stateless
public class Typing {

  public static final String RESOURCE = "typing";

  @Inject Rooms rooms;
  @Inject Users users;
  @Inject LiveEvents events;

  public static String channel(String roomId) {
    return "/api/v1/rooms/" + roomId + "/" + RESOURCE;
  }

  /** Why the person may not say they are typing in the room, if they may not. */
  public Optional<String> refusal(String userId, String roomId) {
    if (userId == null) {
      return Optional.of("Sign in to chat");
    }
    try {
      boolean writes = rooms.readableWithAccess(userId, roomId).access().write();
      return writes ? Optional.empty() : Optional.of("Join the room to chat in it");
    } catch (Problem refused) {
      return Optional.of(refused.getMessage());
    }
  }

  public void announce(String userId, String roomId, boolean typing) {
    users
        .find(userId)
        .ifPresent(
            user -> {
              Map<String, Object> who = new LinkedHashMap<>();
              who.put("id", user.id());
              who.put("username", user.username());
              who.put("displayName", user.displayName());
              Map<String, Object> notice = new LinkedHashMap<>();
              notice.put("notification", RESOURCE);
              notice.put("typing", typing);
              notice.put("user", who);
              events.notify(channel(roomId), notice);
            });
  }
}
