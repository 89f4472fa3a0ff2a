package org.gitterjakarta.settings.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.control.DefaultModes;
import org.gitterjakarta.users.control.SettingsStore;

/**
 * A person's settings under Gitter's keys. Values are JSON-like Java values; each key has the shape
 * Gitter's clients send, and {@code defaultRoomMode} also changes notification modes.
 */
@Stateless
public class UserSettings {

  /** A stored value's size is bounded so settings cannot be used as free storage. */
  static final int MAX_ENTRIES = 200;

  /** The setting holding the notification mode a person's new rooms start with. */
  public static final String DEFAULT_ROOM_MODE = DefaultModes.SETTING;

  private static final Set<String> OBJECT_KEYS = Set.of("leftRoomMenu", "rightToolbar");
  private static final Set<String> KEYS =
      Set.of(
          "leftRoomMenu",
          "rightToolbar",
          "userTheme",
          "lang",
          "unread_notifications_optout",
          DefaultModes.SETTING);

  @Inject SettingsStore store;
  @Inject NotificationSettings notifications;
  @Inject DefaultModes defaultModes;

  /** The values of the given keys; a key never set reads as null (defaultRoomMode: "all"). */
  public Map<String, Object> read(String userId, List<String> keys) {
    var values = new LinkedHashMap<String, Object>();
    for (String key : keys) {
      known(key);
      Object value = store.value(userId, key).orElse(null);
      if (value == null && key.equals(DefaultModes.SETTING)) {
        value = Map.of("mode", defaultModes.of(userId).wireName(), "override", false);
      }
      values.put(key, value);
    }
    return values;
  }

  public void write(String userId, Map<String, Object> values) {
    if (values.isEmpty()) {
      throw Problem.invalid("No settings given");
    }
    var plain = new LinkedHashMap<String, Object>();
    values.forEach(
        (key, value) -> {
          known(key);
          checkShape(key, value);
          if (!key.equals(DefaultModes.SETTING)) {
            plain.put(key, value);
          }
        });
    store.put(userId, plain);
    if (values.get(DefaultModes.SETTING) instanceof Map<?, ?> mode) {
      notifications.changeDefault(
          userId, String.valueOf(mode.get("mode")), Boolean.TRUE.equals(mode.get("override")));
    }
  }

  private static void known(String key) {
    if (!KEYS.contains(key)) {
      throw Problem.notFound("Unknown setting: " + key);
    }
  }

  private static void checkShape(String key, Object value) {
    boolean fits =
        switch (key) {
          case "lang" -> value instanceof String s && s.length() <= 20;
          case "unread_notifications_optout" -> value instanceof Boolean;
          case "userTheme" -> value instanceof String || value instanceof Map;
          case DefaultModes.SETTING ->
              value instanceof Map<?, ?> m && m.get("mode") instanceof String;
          default -> OBJECT_KEYS.contains(key) && value instanceof Map;
        };
    if (!fits) {
      throw Problem.invalid("Setting " + key + " has the wrong shape");
    }
    if (entries(value) > MAX_ENTRIES) {
      throw Problem.invalid("Setting " + key + " is too large");
    }
    if (!storable(value)) {
      throw Problem.invalid("Setting " + key + " has a name or number MongoDB cannot keep");
    }
  }

  /**
   * Whether MongoDB stores the value as given and gives it back readable: no field names that are
   * operators or paths, no numbers without a JSON form.
   */
  private static boolean storable(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .allMatch(e -> plainName(String.valueOf(e.getKey())) && storable(e.getValue()));
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(UserSettings::storable);
    }
    if (value instanceof Double number) {
      return Double.isFinite(number);
    }
    return true;
  }

  private static boolean plainName(String name) {
    return !name.isEmpty()
        && !name.startsWith("$")
        && name.indexOf('.') < 0
        && name.indexOf('\0') < 0;
  }

  private static int entries(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.size() + map.values().stream().mapToInt(UserSettings::entries).sum();
    }
    if (value instanceof List<?> list) {
      return list.size() + list.stream().mapToInt(UserSettings::entries).sum();
    }
    return value instanceof String s ? s.length() / 100 : 0;
  }
}
