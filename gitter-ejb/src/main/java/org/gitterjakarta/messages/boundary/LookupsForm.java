package org.gitterjakarta.messages.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.users.boundary.UserJson;

/**
 * Gitter's lookups form of a history page ({@code lookups=user} on REST, {@code lookups: ['user']}
 * in a snapshot): {@code {items: [...], lookups: {users: {id: User}}}}, each sender once.
 */
public record LookupsForm(List<ChatMessageJson> items, Map<String, Map<String, UserJson>> lookups) {

  public static LookupsForm of(List<ChatMessageJson> page) {
    Map<String, UserJson> users = new LinkedHashMap<>();
    List<ChatMessageJson> items =
        page.stream()
            .map(
                message -> {
                  if (message.fromUser() instanceof UserJson sender) {
                    users.putIfAbsent(sender.id(), sender);
                    return message.withSenderId(sender.id());
                  }
                  return message;
                })
            .toList();
    return new LookupsForm(items, Map.of("users", users));
  }
}
