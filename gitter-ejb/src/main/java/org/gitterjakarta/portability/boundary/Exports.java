package org.gitterjakarta.portability.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.ratelimits.boundary.RateLimits;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.users.boundary.Users;

/**
 * Gitter's exports: a person's own files ({@code me}, {@code rooms}, {@code messages}) and, for a
 * room's admins only, the room's ({@code messages}, {@code users}). A private room's history is its
 * admins' to take, not its members': members may read it, but a download is a copy that leaves the
 * room's control. Each kind is rate limited per person, as Gitter did (an export reads a lot).
 */
@Stateless
public class Exports {

  private static final System.Logger LOGGER = System.getLogger(Exports.class.getName());

  static final Set<String> PERSONAL = Set.of("me", "rooms", "messages");
  static final Set<String> ROOM = Set.of("messages", "users");

  @Inject Rooms rooms;
  @Inject Users users;
  @Inject ExportStreams streams;
  @Inject RateLimits rateLimits;

  @Inject
  @ConfigProperty(name = "gitter.export.rate-limit.requests")
  int limit;

  @Inject
  @ConfigProperty(name = "gitter.export.rate-limit.window-ms")
  long windowMillis;

  /** One of the caller's own files. */
  public Export ofPerson(String userId, String kind) {
    if (!PERSONAL.contains(String.valueOf(kind))) {
      throw Problem.notFound("No such export: " + kind);
    }
    users.find(userId).orElseThrow(() -> Problem.notFound("User not found"));
    spend(userId, "user-" + kind);
    LOGGER.log(System.Logger.Level.INFO, "Export {0} of {1}", kind, userId);
    return new Export(
        kind + ".ndjson",
        switch (kind) {
          case "me" -> out -> streams.me(userId, out);
          case "rooms" -> out -> streams.rooms(userId, out);
          default -> out -> streams.messagesOf(userId, out);
        });
  }

  /** One of a room's files, for its admins (community admins included). */
  public Export ofRoom(String userId, String roomId, String kind) {
    if (!ROOM.contains(String.valueOf(kind))) {
      throw Problem.notFound("No such export: " + kind);
    }
    var target = rooms.readableWithAccess(userId, roomId);
    if (!target.access().admin()) {
      throw Problem.notAllowed("Only room admins can export a room");
    }
    Room room = target.room();
    spend(userId, "room-" + kind);
    LOGGER.log(System.Logger.Level.INFO, "Export {0} of room {1} by {2}", kind, room.id(), userId);
    return new Export(
        kind + ".ndjson",
        "users".equals(kind)
            ? out -> streams.membersOf(room.id(), out)
            : out -> streams.messagesIn(room.id(), out));
  }

  private void spend(String userId, String kind) {
    var allowance = rateLimits.hit("export:" + kind + ":" + userId, limit, windowMillis);
    if (!allowance.allowed()) {
      long minutes =
          Math.max(1, (allowance.resetAtMillis() - System.currentTimeMillis() + 59_999) / 60_000);
      throw new Problem(
          Problem.Kind.TOO_MANY,
          "Too many exports of this kind; try again in " + minutes + " minutes");
    }
  }
}
