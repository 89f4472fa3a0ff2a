package org.gitterjakarta.rooms.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * A person's notification mode in a room, stored as Gitter's bit field on the membership:
 * unread(1), activity(2), mention(4), announcement(8), default(16), desktop(32), mobile(64).
 */
public enum NotificationMode {
  ALL(Flags.UNREAD | Flags.MENTION | Flags.ANNOUNCEMENT | Flags.DESKTOP | Flags.MOBILE),
  ANNOUNCEMENT(Flags.UNREAD | Flags.MENTION | Flags.ANNOUNCEMENT),
  MUTE(Flags.ACTIVITY | Flags.MENTION);

  private final int bits;

  NotificationMode(int bits) {
    this.bits = bits;
  }

  /** The mode's bits, without the default marker. */
  public int bits() {
    return bits;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a mode from a membership's flags: unread tracking and desktop alerts tell them apart. */
  public static NotificationMode of(int flags) {
    if ((flags & Flags.UNREAD) == 0) {
      return MUTE;
    }
    return (flags & Flags.DESKTOP) != 0 ? ALL : ANNOUNCEMENT;
  }

  /** {@code all}, {@code announcement} (alias {@code mention}) or {@code mute}. */
  public static Optional<NotificationMode> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "all" -> Optional.of(ALL);
      case "announcement", "mention" -> Optional.of(ANNOUNCEMENT);
      case "mute" -> Optional.of(MUTE);
      default -> Optional.empty();
    };
  }

  /** The bit names of Gitter's flag field. */
  public static final class Flags {
    public static final int UNREAD = 1;
    public static final int ACTIVITY = 2;
    public static final int MENTION = 4;
    public static final int ANNOUNCEMENT = 8;
    public static final int DEFAULT = 16;
    public static final int DESKTOP = 32;
    public static final int MOBILE = 64;

    private Flags() {}

    public static boolean has(int flags, int bit) {
      return (flags & bit) != 0;
    }
  }
}
