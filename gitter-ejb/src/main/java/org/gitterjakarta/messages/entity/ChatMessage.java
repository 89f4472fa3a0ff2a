package org.gitterjakarta.messages.entity;

import java.util.List;
import org.gitterjakarta.markdown.entity.IssueRef;

/**
 * A chat message as stored: its markdown {@code text} and the {@code html} rendered from it on
 * write, with the references found. Ids are ObjectIds, so id order is send order; {@code v} counts
 * changes; {@code readBy} is how many people have read it.
 */
public record ChatMessage(
    String id,
    String toTroupeId,
    String fromUserId,
    String parentId,
    String text,
    String html,
    boolean status,
    int threadMessageCount,
    List<String> urls,
    List<Mention> mentions,
    List<IssueRef> issues,
    boolean pub,
    long sent,
    Long editedAt,
    long v,
    int readBy) {

  public static final int MAX_LENGTH = 4096;
  public static final long EDIT_WINDOW_MILLIS = 600_000;

  public boolean isThreadReply() {
    return parentId != null;
  }

  public boolean editableAt(long now) {
    return now - sent <= EDIT_WINDOW_MILLIS;
  }

  public ChatMessage edited(
      String newText,
      String newHtml,
      List<String> newUrls,
      List<Mention> newMentions,
      List<IssueRef> newIssues,
      long now) {
    return new ChatMessage(
        id,
        toTroupeId,
        fromUserId,
        parentId,
        newText,
        newHtml,
        status,
        threadMessageCount,
        newUrls,
        newMentions,
        newIssues,
        pub,
        sent,
        now,
        v + 1,
        readBy);
  }

  /** A thread parent with replies is blanked rather than removed, keeping the thread. */
  public ChatMessage blanked(long now) {
    return new ChatMessage(
        id,
        toTroupeId,
        fromUserId,
        parentId,
        "",
        "",
        status,
        threadMessageCount,
        List.of(),
        List.of(),
        List.of(),
        pub,
        sent,
        now,
        v + 1,
        readBy);
  }
}
