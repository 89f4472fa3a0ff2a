package org.gitterjakarta.memberships.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import org.gitterjakarta.rooms.entity.NotificationMode;
import org.gitterjakarta.rooms.entity.NotificationMode.Flags;

/** Gitter's room notification settings: the mode, its bits spelled out, the default. */
public record NotificationSettingsJson(
    String mode,
    String push,
    boolean lurk,
    boolean unread,
    boolean activity,
    boolean mention,
    boolean announcement,
    boolean desktop,
    boolean mobile,
    @JsonbProperty("default") boolean followsDefault,
    Defaults defaultSettings) {

  /** The person's default for new rooms. */
  public record Defaults(
      String mode,
      boolean lurk,
      int flags,
      boolean unread,
      boolean activity,
      boolean mention,
      boolean announcement,
      boolean desktop,
      boolean mobile) {}

  public static NotificationSettingsJson of(int flags, NotificationMode defaultMode) {
    Defaults room = describe(flags);
    return new NotificationSettingsJson(
        room.mode(),
        room.mode(),
        room.lurk(),
        room.unread(),
        room.activity(),
        room.mention(),
        room.announcement(),
        room.desktop(),
        room.mobile(),
        Flags.has(flags, Flags.DEFAULT),
        describe(defaultMode.bits()));
  }

  private static Defaults describe(int flags) {
    return new Defaults(
        NotificationMode.of(flags).wireName(),
        !Flags.has(flags, Flags.UNREAD),
        flags,
        Flags.has(flags, Flags.UNREAD),
        Flags.has(flags, Flags.ACTIVITY),
        Flags.has(flags, Flags.MENTION),
        Flags.has(flags, Flags.ANNOUNCEMENT),
        Flags.has(flags, Flags.DESKTOP),
        Flags.has(flags, Flags.MOBILE));
  }
}
