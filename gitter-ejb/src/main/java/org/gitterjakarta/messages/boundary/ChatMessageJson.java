package org.gitterjakarta.messages.boundary;

import java.util.List;
import org.gitterjakarta.markdown.entity.IssueRef;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.Reaction;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.wire.IsoDates;

/** Gitter's chat message shape; the realtime copy is the same JSON. */
public record ChatMessageJson(
    String id,
    String text,
    String html,
    Boolean status,
    String sent,
    String editedAt,
    Object fromUser,
    String parentId,
    Integer threadMessageCount,
    List<UrlJson> urls,
    List<MentionJson> mentions,
    List<IssueJson> issues,
    List<Object> meta,
    Boolean initial,
    Boolean unread,
    Integer readBy,
    Long v,
    List<ReactionJson> reactions) {

  public record UrlJson(String url) {}

  /**
   * An emoji on the message ({@code name}: its shortcode, the key of the reaction routes) and who
   * chose it; every viewer gets the same list and finds themselves in {@code userIds}.
   */
  public record ReactionJson(String name, String emoji, int count, List<String> userIds) {

    static ReactionJson of(Reaction r) {
      return new ReactionJson(r.name(), r.emoji(), r.userIds().size(), r.userIds());
    }

    public static List<ReactionJson> of(List<Reaction> reactions) {
      return reactions.stream().map(ReactionJson::of).toList();
    }
  }

  public record MentionJson(
      String screenName, String userId, List<String> userIds, Boolean group, Boolean announcement) {

    static MentionJson of(Mention m) {
      return new MentionJson(
          m.screenName(),
          m.userId(),
          m.userIds().isEmpty() ? null : m.userIds(),
          m.group() ? true : null,
          m.announcement() ? true : null);
    }
  }

  public record IssueJson(String number, String repo) {

    static IssueJson of(IssueRef ref) {
      return new IssueJson(ref.number(), ref.repo());
    }
  }

  public static ChatMessageJson of(ChatMessage m, UserJson fromUser) {
    return new ChatMessageJson(
        m.id(),
        m.text(),
        m.html(),
        m.status() ? true : null,
        IsoDates.format(m.sent()),
        IsoDates.format(m.editedAt()),
        fromUser,
        m.parentId(),
        m.threadMessageCount() > 0 ? m.threadMessageCount() : null,
        m.urls().stream().map(UrlJson::new).toList(),
        m.mentions().stream().map(MentionJson::of).toList(),
        m.issues().stream().map(IssueJson::of).toList(),
        List.of(),
        null,
        null,
        m.readBy(),
        m.v(),
        ReactionJson.of(m.reactions()));
  }

  /** Gitter's {@code lookups=user} form: the sender by id, the user objects listed once. */
  public ChatMessageJson withSenderId(String senderId) {
    return copy(senderId, urls, mentions, issues, meta, initial, unread, readBy, reactions);
  }

  /** Gitter's {@code lean=true} form: empty lists left out, the sender as a lean user. */
  public ChatMessageJson lean() {
    return copy(
        fromUser instanceof UserJson sender ? sender.lean() : fromUser,
        nullIfEmpty(urls),
        nullIfEmpty(mentions),
        nullIfEmpty(issues),
        null,
        initial,
        unread,
        readBy,
        nullIfEmpty(reactions));
  }

  /** Without the number of readers, which pages write next to the rest ({@link PageText}). */
  public ChatMessageJson withoutReadBy() {
    return copy(fromUser, urls, mentions, issues, meta, initial, unread, null, reactions);
  }

  /** The anchor of an {@code aroundId} page. */
  public ChatMessageJson asInitial() {
    return copy(fromUser, urls, mentions, issues, meta, true, unread, readBy, reactions);
  }

  /** Whether the viewer has still to read it. */
  public ChatMessageJson withUnread(boolean isUnread) {
    return copy(fromUser, urls, mentions, issues, meta, initial, isUnread, readBy, reactions);
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  /** The same message with the per-view fields replaced. */
  private ChatMessageJson copy(
      Object sender,
      List<UrlJson> urlList,
      List<MentionJson> mentionList,
      List<IssueJson> issueList,
      List<Object> metaList,
      Boolean isInitial,
      Boolean isUnread,
      Integer readers,
      List<ReactionJson> reactionList) {
    return new ChatMessageJson(
        id,
        text,
        html,
        status,
        sent,
        editedAt,
        sender,
        parentId,
        threadMessageCount,
        urlList,
        mentionList,
        issueList,
        metaList,
        isInitial,
        isUnread,
        readers,
        v,
        reactionList);
  }
}
