package org.gitterjakarta.groups.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gitterjakarta.users.entity.TopLevelNames;

/**
 * Gitter's naming rules for community uris and room names: 2 to 81 characters, not a word the
 * site's own pages use (a community at {@code /api} would hide the API).
 */
public final class Names {

  private static final Pattern COMMUNITY_URI = Pattern.compile("[A-Za-z0-9_-]{2,81}");
  private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_.-]{2,81}");

  /** Addresses of the site's own pages; people's names live at the same level (TopLevelNames). */
  public static final Set<String> RESERVED_COMMUNITY_URIS = TopLevelNames.RESERVED;

  static final Set<String> RESERVED_ROOM_NAMES =
      Set.of(
          "topics",
          "archive",
          "archives",
          "integration",
          "integrations",
          "home",
          "~chat",
          "~embed");

  private Names() {}

  public static String lowerCase(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  public static Optional<String> communityUriProblem(String uri) {
    if (uri == null || !COMMUNITY_URI.matcher(uri).matches()) {
      return Optional.of("Community uri must be 2 to 81 letters, digits, '_' or '-'");
    }
    if (RESERVED_COMMUNITY_URIS.contains(lowerCase(uri))) {
      return Optional.of("Community uri '" + uri + "' is reserved");
    }
    return Optional.empty();
  }

  public static Optional<String> roomNameProblem(String name) {
    if (name == null || !ROOM_NAME.matcher(name).matches()) {
      return Optional.of("Room name must be 2 to 81 letters, digits, '_', '.' or '-'");
    }
    if (RESERVED_ROOM_NAMES.contains(lowerCase(name))) {
      return Optional.of("Room name '" + name + "' is reserved");
    }
    return Optional.empty();
  }
}
