package org.gitterjakarta.messages.entity;

import java.util.List;
import org.gitterjakarta.markdown.entity.IssueRef;

/**
 * A chat message as stored: its markdown {@code text} and the {@code html} rendered from it on
 * write, with the references found. Ids are ObjectIds, so id order is send order; {@code v} counts
 * changes; {@code readBy} is how many people have read it; {@code reactions} are in the order they
 * were first chosen.
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
    int readBy,
    List<Reaction> reactions) {

  public static final int MAX_LENGTH = 4096;
  public static final long EDIT_WINDOW_MILLIS = 600_000;

  /** What the author gave: where, as whom, in reply to which message, the text, a /me status. */
  public record Authored(
      String roomId, String senderId, String parentId, String text, boolean status) {}

  /**
   * A message just written: the first version, no replies yet, read by nobody, never edited. The
   * {@code html} and the references come from rendering the author's text.
   */
  public static ChatMessage written(
      String id,
      Authored by,
      String html,
      List<String> urls,
      List<Mention> mentions,
      List<IssueRef> issues,
      boolean publicRoom,
      long sent) {
    return new ChatMessage(
        id,
        by.roomId(),
        by.senderId(),
        by.parentId(),
        by.text(),
        html,
        by.status(),
        0,
        urls,
        mentions,
        issues,
        publicRoom,
        sent,
        null,
        1,
        0,
        List.of());
  }

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
        readBy,
        reactions);
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
        readBy,
        reactions);
  }
}
