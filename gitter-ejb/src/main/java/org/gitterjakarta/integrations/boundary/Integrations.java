package org.gitterjakarta.integrations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.bson.types.ObjectId;
import org.gitterjakarta.integrations.control.IntegrationRepository;
import org.gitterjakarta.integrations.entity.Integration;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.tokens.entity.TokenValues;

/**
 * A room's incoming webhooks, managed by its admins: create one (its secret URL is answered once),
 * list them, revoke one (its URL stops working at once). Others get what they would get for any
 * admin action: 404 for a room they cannot read, 403 for one they do not administer.
 */
@Stateless
public class Integrations {

  static final int MAX_PER_ROOM = 20;
  private static final System.Logger LOGGER = System.getLogger(Integrations.class.getName());

  @Inject Rooms rooms;
  @Inject IntegrationRepository integrations;

  public IntegrationJson create(String adminId, String roomId, String name) {
    Room room = administered(adminId, roomId);
    String cleanName = name == null ? "" : name.strip();
    if (cleanName.isEmpty()) {
      throw Problem.invalid("name is required");
    }
    if (cleanName.length() > Integration.MAX_NAME_LENGTH) {
      throw Problem.invalid("name is " + Integration.MAX_NAME_LENGTH + " characters at most");
    }
    if (integrations.findByTroupeId(room.id()).size() >= MAX_PER_ROOM) {
      throw Problem.conflict("A room has " + MAX_PER_ROOM + " integrations at most");
    }
    String secret = TokenValues.generate();
    Integration created =
        integrations.insert(
            new Integration(
                new ObjectId().toHexString(),
                room.id(),
                cleanName,
                TokenValues.hash(secret),
                adminId,
                System.currentTimeMillis()));
    LOGGER.log(
        System.Logger.Level.INFO,
        "Integration {0} created in {1} by {2}",
        created.id(),
        room.id(),
        adminId);
    return IntegrationJson.created(created, secret);
  }

  public List<IntegrationJson> list(String adminId, String roomId) {
    Room room = administered(adminId, roomId);
    return integrations.findByTroupeId(room.id()).stream()
        .sorted(Comparator.comparingLong(Integration::createdAt))
        .map(IntegrationJson::of)
        .toList();
  }

  public void revoke(String adminId, String roomId, String integrationId) {
    Room room = administered(adminId, roomId);
    Integration integration =
        integrations
            .findById(integrationId == null ? "" : integrationId)
            .filter(i -> i.troupeId().equals(room.id()))
            .orElseThrow(() -> Problem.notFound("Integration not found"));
    integrations.delete(integration);
    LOGGER.log(
        System.Logger.Level.INFO,
        "Integration {0} revoked in {1} by {2}",
        integration.id(),
        room.id(),
        adminId);
  }

  private Room administered(String adminId, String roomId) {
    var target = rooms.readableWithAccess(adminId, roomId);
    if (!target.access().admin()) {
      throw Problem.notAllowed("Only room admins can manage integrations");
    }
    return target.room();
  }
}
