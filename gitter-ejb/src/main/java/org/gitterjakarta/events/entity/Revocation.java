package org.gitterjakarta.events.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Access taken away, announced to every instance so that open live paths (Bayeux sessions, streams)
 * drop what their person may no longer see. Either a room's readers are to be checked again ({@code
 * roomId}, for one person or, without {@code userId}, for everyone in it), or whole sessions end:
 * every session of a person ({@code userId} alone) or of one token ({@code tokenHash}). The event
 * only says where to look: each live path decides by checking access again, so a stale or repeated
 * event never cuts off anyone who may still read.
 */
public record Revocation(String userId, String roomId, String tokenHash) {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The internal live channel of revocations; never a Bayeux channel clients can subscribe. */
  public static final String CHANNEL = "/gitter/internal/revocations";

  /** A person left, was removed or banned from a room. */
  public static Revocation ofMember(String roomId, String userId) {
    return new Revocation(userId, roomId, null);
  }

  /** A room became private, or was deleted: everyone reading it is checked again. */
  public static Revocation ofRoom(String roomId) {
    return new Revocation(null, roomId, null);
  }

  /** A person's account was deleted or their password changed: their sessions end. */
  public static Revocation ofPerson(String userId) {
    return new Revocation(userId, null, null);
  }

  /** One token was revoked: the sessions opened with it end. */
  public static Revocation ofToken(String tokenHash) {
    return new Revocation(null, null, tokenHash);
  }

  /** Whether a session of this person, opened with this token, ends. */
  public boolean endsSession(String sessionUserId, String sessionTokenHash) {
    if (roomId != null) {
      return false;
    }
    return userId != null && userId.equals(sessionUserId)
        || tokenHash != null && tokenHash.equals(sessionTokenHash);
  }

  /** Whether this person's reading of this room is to be checked again. */
  public boolean concerns(String room, String sessionUserId) {
    return roomId != null
        && roomId.equals(room)
        && (userId == null || userId.equals(sessionUserId));
  }

  public String toJson() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    if (userId != null) {
      json.add("userId", userId);
    }
    if (roomId != null) {
      json.add("roomId", roomId);
    }
    if (tokenHash != null) {
      json.add("tokenHash", tokenHash);
    }
    return json.build().toString();
  }

  public static Revocation parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      return new Revocation(
          object.getString("userId", null),
          object.getString("roomId", null),
          object.getString("tokenHash", null));
    }
  }
}
