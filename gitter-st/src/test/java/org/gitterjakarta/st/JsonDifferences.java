package org.gitterjakarta.st;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Where two JSON values differ, as {@code path: before -> after} lines a failure can show. */
final class JsonDifferences {

  private JsonDifferences() {}

  static List<String> between(JsonValue before, JsonValue after) {
    List<String> differences = new ArrayList<>();
    collect("", before, after, differences);
    return differences;
  }

  private static void collect(String path, JsonValue before, JsonValue after, List<String> out) {
    if (before instanceof JsonObject a && after instanceof JsonObject b) {
      for (String key : new TreeSet<>(union(a, b))) {
        collect(path + "." + key, a.getOrDefault(key, null), b.getOrDefault(key, null), out);
      }
    } else if (before instanceof JsonArray a && after instanceof JsonArray b) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        collect(
            path + "[" + i + "]",
            i < a.size() ? a.get(i) : null,
            i < b.size() ? b.get(i) : null,
            out);
      }
    } else if (!Objects.equals(before, after)) {
      out.add((path.isEmpty() ? "." : path) + ": " + shown(before) + " -> " + shown(after));
    }
  }

  private static TreeSet<String> union(JsonObject a, JsonObject b) {
    var keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static String shown(JsonValue value) {
    return value == null ? "(absent)" : HostileRequests.shorten(value.toString());
  }
}
