package org.gitterjakarta.communities.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.groups.entity.Names;
import org.gitterjakarta.mongo.control.DuplicateKeys;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.AddressWrites;
import org.gitterjakarta.rooms.control.RoomCache;
import org.gitterjakarta.rooms.control.UriLookupRepository;
import org.gitterjakarta.rooms.entity.UriLookup;

/**
 * A community admin renames the community (a self-service change Gitter left to its support): a new
 * display name, a new uri, or both. A new uri moves every room ({@code <old>/<room>} becomes {@code
 * <new>/<room>}); the old community and room addresses stay theirs, lead to them, and cannot be
 * taken by anyone else.
 */
@Stateless
public class CommunityRenames {

  private static final System.Logger LOGGER = System.getLogger(CommunityRenames.class.getName());

  @Inject GroupRepository groups;
  @Inject UriLookupRepository uris;
  @Inject Rooms rooms;
  @Inject RoomCache cache;
  @Inject AddressWrites addresses;

  public Group rename(String userId, String groupId, String newName, String newUri) {
    Group group =
        Optional.ofNullable(groupId)
            .flatMap(groups::findById)
            .orElseThrow(() -> Problem.notFound("Group not found"));
    if (!group.isAdmin(userId)) {
      throw Problem.notAllowed("Only community admins can rename the community");
    }
    if (newName == null && newUri == null) {
      throw Problem.invalid("Nothing to update: give a new name or uri");
    }
    String name = newName == null ? group.name() : checkedName(newName);
    String uri = newUri == null ? group.uri() : newUri.strip();
    boolean moving = !Names.lowerCase(uri).equals(group.lcUri());
    if (moving) {
      checkFree(group, uri);
    }
    Group renamed = group.renamed(name, uri);
    write(group, renamed);
    cache.groups().forget(group.id());
    if (moving) {
      keepFormerUri(group);
      try {
        rooms.moveToCommunity(renamed);
      } catch (Problem taken) {
        // a room's new address was taken meanwhile: the community keeps its old one
        groups
            .findById(group.id())
            .ifPresent(now -> write(now, now.renamed(group.name(), group.uri())));
        cache.groups().forget(group.id());
        throw taken;
      }
    } else {
      rooms.moveToCommunity(renamed); // same addresses: rooms show the new name
    }
    LOGGER.log(
        System.Logger.Level.INFO, "Community {0} renamed to {1} by {2}", group.uri(), uri, userId);
    return groups.findById(group.id()).orElse(renamed);
  }

  /** Name and address only, over the version read (an admin removed meanwhile stays removed). */
  private void write(Group read, Group renamed) {
    boolean written;
    try {
      written = addresses.community(read, renamed);
    } catch (RuntimeException e) {
      if (DuplicateKeys.isDuplicateKey(e)) {
        throw Problem.conflict("Community uri " + renamed.uri() + " is already taken");
      }
      throw e;
    }
    if (!written) {
      throw Problem.conflict("The community changed meanwhile; try the rename again");
    }
  }

  private static String checkedName(String name) {
    String clean = name.strip();
    if (clean.isEmpty() || clean.length() > Groups.MAX_NAME_LENGTH) {
      throw Problem.invalid(
          "Community name must be 1 to " + Groups.MAX_NAME_LENGTH + " characters");
    }
    return clean;
  }

  /** A valid uri that no other community has, or had. */
  private void checkFree(Group group, String uri) {
    Names.communityUriProblem(uri)
        .ifPresent(
            reason -> {
              throw Problem.invalid(reason);
            });
    String lcUri = Names.lowerCase(uri);
    boolean taken =
        groups.findByLcUri(lcUri).filter(other -> !other.id().equals(group.id())).isPresent()
            || uris.findById(lcUri).filter(held -> !group.id().equals(held.groupId())).isPresent();
    if (taken) {
      throw Problem.conflict("Community uri " + uri + " is already taken");
    }
  }

  private void keepFormerUri(Group group) {
    if (uris.findById(group.lcUri()).isEmpty()) {
      uris.insert(UriLookup.ofCommunity(group.lcUri(), group.id()));
    }
  }
}
