package org.gitterjakarta.messages.entity;

import java.util.List;

/** A mention in a message: a person ({@code userId}) or the whole room ({@code @/all}). */
public record Mention(
    String screenName, String userId, List<String> userIds, boolean group, boolean announcement) {

  public static Mention person(String screenName, String userId) {
    return new Mention(screenName, userId, List.of(), false, false);
  }

  public static Mention all() {
    return new Mention("/all", null, List.of(), true, true);
  }
}
