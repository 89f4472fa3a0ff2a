package org.gitterjakarta.portability.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.groups.entity.Names;
import org.gitterjakarta.markdown.control.MarkdownRenderer;
import org.gitterjakarta.markdown.entity.Rendered;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.portability.control.ImportReader;
import org.gitterjakarta.portability.control.Placeholders;
import org.gitterjakarta.portability.entity.ImportedIds;
import org.gitterjakarta.portability.entity.ImportedMessage;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.NewRoom;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.users.boundary.Users;

/**
 * The operator's import of a room's history ({@code ./gitter import}): the whole file is read and
 * checked first, and nothing is stored when any of it is wrong; then the room is made (once) and
 * every message not stored by an earlier run is stored with an id derived from its source id. A run
 * cut short is finished by running it again. Imported history is history: nobody gets unread items,
 * mentions or live events from it.
 */
@Stateless
public class Imports {

  private static final System.Logger LOGGER = System.getLogger(Imports.class.getName());

  @Inject Rooms rooms;
  @Inject RoomRepository roomStore;
  @Inject GroupRepository groups;
  @Inject Users users;
  @Inject MessageStore store;
  @Inject MarkdownRenderer markdown;
  @Inject Placeholders placeholders;

  /** Where an import goes: a room {@code community/name}, made by an admin of the community. */
  public record Target(String roomUri, String adminUsername, boolean publicRoom) {}

  /** Opens the file again for each pass. */
  @FunctionalInterface
  public interface Source {
    Reader open() throws IOException;
  }

  /** Reads the whole file without storing anything; how many messages it holds. */
  public long check(Source source) {
    long count = 0;
    try (Reader in = source.open()) {
      ImportReader reader = new ImportReader(in);
      while (reader.next().isPresent()) {
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  public ImportReport load(Source source, Target target) {
    long read = check(source);
    Optional<Room> existing = roomStore.findByLcUri(Names.lowerCase(target.roomUri()));
    Room room = existing.orElseGet(() -> create(target));
    Map<String, String> authors = new HashMap<>();
    long stored = 0;
    int made = 0;
    try (Reader in = source.open()) {
      ImportReader reader = new ImportReader(in);
      for (var next = reader.next(); next.isPresent(); next = reader.next()) {
        ImportedMessage message = next.get();
        String key = message.author().username().toLowerCase(java.util.Locale.ROOT);
        String authorId = authors.get(key);
        if (authorId == null) {
          var account = placeholders.accountFor(message.author());
          authors.put(key, authorId = account.userId());
          made += account.created() ? 1 : 0;
        }
        if (store.insertNew(copy(room, message, authorId))) {
          stored++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOGGER.log(
        System.Logger.Level.INFO,
        "Imported {0} of {1} messages into {2}",
        stored,
        read,
        room.uri());
    return new ImportReport(room.id(), room.uri(), existing.isEmpty(), read, stored, made);
  }

  private Room create(Target target) {
    String uri = target.roomUri() == null ? "" : target.roomUri().strip();
    int slash = uri.indexOf('/');
    if (slash < 1 || slash != uri.lastIndexOf('/')) {
      throw Problem.invalid("The room must be given as <community>/<room>, not '" + uri + "'");
    }
    Group group =
        groups
            .findByLcUri(Names.lowerCase(uri.substring(0, slash)))
            .orElseThrow(
                () ->
                    Problem.notFound(
                        "No community '" + uri.substring(0, slash) + "': create it first"));
    String adminId =
        target.adminUsername() == null
            ? group.ownerUserId()
            : users
                .findByUsername(target.adminUsername())
                .orElseThrow(() -> Problem.notFound("No user " + target.adminUsername()))
                .id();
    return rooms.create(
        adminId,
        group.id(),
        new NewRoom(
            uri.substring(slash + 1),
            "",
            target.publicRoom() ? RoomSecurity.PUBLIC : RoomSecurity.PRIVATE));
  }

  /** The message as this room stores it: its text rendered here, its references resolved here. */
  private ChatMessage copy(Room room, ImportedMessage source, String authorId) {
    Rendered rendered = markdown.render(source.text());
    List<Mention> mentions = new ArrayList<>();
    for (String name : rendered.mentionedNames()) {
      users.findByUsername(name).ifPresent(u -> mentions.add(Mention.person(u.username(), u.id())));
    }
    return new ChatMessage(
        ImportedIds.of(room.id(), source.sourceId()),
        room.id(),
        authorId,
        source.parentSourceId() == null ? null : ImportedIds.of(room.id(), source.parentSourceId()),
        source.text(),
        rendered.html(),
        source.status(),
        source.threadMessageCount(),
        rendered.urls(),
        mentions,
        rendered.issues(),
        room.security() == RoomSecurity.PUBLIC,
        source.sent(),
        source.editedAt(),
        1,
        0,
        List.of()); // reactions name people of the other server: not carried over
  }
}
