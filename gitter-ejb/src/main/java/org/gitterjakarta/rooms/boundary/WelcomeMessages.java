package org.gitterjakarta.rooms.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.gitterjakarta.markdown.control.MarkdownRenderer;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomMetaRepository;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomChanged;
import org.gitterjakarta.rooms.entity.RoomMeta;

/** A room's welcome message: read by whoever may join, written by admins, rendered once. */
@Stateless
public class WelcomeMessages {

  static final int MAX_LENGTH = 4096;

  @Inject Rooms rooms;
  @Inject RoomAccess access;
  @Inject RoomMetaRepository metas;
  @Inject MarkdownRenderer markdown;
  @Inject Event<RoomChanged> changed;

  public WelcomeMessageJson get(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    Access rights = access.of(room, userId);
    if (!rights.join() && !rights.member()) {
      throw Problem.notAllowed("You cannot join this room");
    }
    return metas
        .findById(room.id())
        .map(m -> WelcomeMessageJson.of(m.welcomeText(), m.welcomeHtml()))
        .orElse(WelcomeMessageJson.of(null, null));
  }

  public WelcomeMessageJson set(String userId, String roomId, String text) {
    Room room = rooms.readable(userId, roomId);
    if (!access.of(room, userId).admin()) {
      throw Problem.notAllowed("Only room admins can set the welcome message");
    }
    String value = text == null ? "" : text;
    if (value.length() > MAX_LENGTH) {
      throw Problem.invalid("Welcome message is too long (4096 characters at most)");
    }
    String html = value.isBlank() ? "" : markdown.render(value).html();
    metas.save(new RoomMeta(room.id(), value, html));
    changed.fire(new RoomChanged(room));
    return WelcomeMessageJson.of(value, html);
  }
}
