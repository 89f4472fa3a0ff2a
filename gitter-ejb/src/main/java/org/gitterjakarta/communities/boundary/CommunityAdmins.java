package org.gitterjakarta.communities.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.types.ObjectId;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.control.RoomCache;
import org.gitterjakarta.users.boundary.Users;

/** A community's security descriptor: only its admins read it or change its extra admins. */
@Stateless
public class CommunityAdmins {

  private static final System.Logger LOGGER = System.getLogger(CommunityAdmins.class.getName());

  @Inject Groups communities;
  @Inject GroupRepository groups;
  @Inject RoomCache cache;
  @Inject Users users;

  public GroupSecurityJson security(String userId, String groupId) {
    return GroupSecurityJson.of(administered(userId, groupId));
  }

  /**
   * {@code PUT .../security {type?, extraAdmins?}}: the extra admins are replaced; the type of a
   * community backed by nothing stays null.
   */
  public GroupSecurityJson change(
      String userId, String groupId, boolean typeGiven, String type, List<String> extraAdmins) {
    Group group = administered(userId, groupId);
    if (!typeGiven && extraAdmins == null) {
      throw Problem.invalid("Invalid update: give type or extraAdmins");
    }
    if (type != null) {
      throw Problem.invalid("A community's security type stays null: it is backed by nothing");
    }
    if (extraAdmins == null) {
      return GroupSecurityJson.of(group);
    }
    extraAdmins.forEach(this::checkUser);
    Group saved = groups.update(group.withExtraAdmins(extraAdmins.stream().distinct().toList()));
    cache.groups().forget(group.id());
    LOGGER.log(
        System.Logger.Level.INFO, "Extra admins of community {0} set by {1}", groupId, userId);
    return GroupSecurityJson.of(saved);
  }

  private Group administered(String userId, String groupId) {
    Group group = communities.find(groupId);
    if (!group.isAdmin(userId)) {
      throw Problem.notAllowed("Only community admins can see or change its security");
    }
    return group;
  }

  private void checkUser(String id) {
    if (!ObjectId.isValid(id) || users.find(id).isEmpty()) {
      throw Problem.invalid("Invalid user: " + id + " is not a known user id");
    }
  }
}
