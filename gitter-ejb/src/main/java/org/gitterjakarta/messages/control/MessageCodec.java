package org.gitterjakarta.messages.control;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.gitterjakarta.markdown.entity.IssueRef;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.Reaction;
import org.gitterjakarta.search.entity.SearchTokens;

/** ChatMessage ⇄ BSON, with Gitter's field names; absent fields are not written. */
final class MessageCodec {

  private MessageCodec() {}

  static Document toDocument(ChatMessage m) {
    var doc =
        new Document("_id", m.id())
            .append("toTroupeId", m.toTroupeId())
            .append("fromUserId", m.fromUserId())
            .append("text", m.text())
            .append("html", m.html())
            .append("status", m.status())
            .append("threadMessageCount", m.threadMessageCount())
            .append("urls", m.urls())
            .append("mentions", m.mentions().stream().map(MessageCodec::mention).toList())
            .append(
                "issues",
                m.issues().stream()
                    .map(i -> new Document("repo", i.repo()).append("number", i.number()))
                    .toList())
            .append("pub", m.pub())
            .append("sent", m.sent())
            .append("_tv", m.v())
            .append("_st", SearchTokens.of(m.text()));
    if (m.parentId() != null) {
      doc.append("parentId", m.parentId());
    }
    if (m.editedAt() != null) {
      doc.append("editedAt", m.editedAt());
    }
    return doc;
  }

  private static Document mention(Mention m) {
    return new Document("screenName", m.screenName())
        .append("userId", m.userId())
        .append("userIds", m.userIds())
        .append("group", m.group())
        .append("announcement", m.announcement());
  }

  static ChatMessage fromDocument(Document d) {
    List<Mention> mentions =
        d.getList("mentions", Document.class, List.of()).stream()
            .map(
                m ->
                    new Mention(
                        m.getString("screenName"),
                        m.getString("userId"),
                        m.getList("userIds", String.class, List.of()),
                        m.getBoolean("group", false),
                        m.getBoolean("announcement", false)))
            .toList();
    List<IssueRef> issues =
        d.getList("issues", Document.class, List.of()).stream()
            .map(i -> new IssueRef(i.getString("repo"), i.getString("number")))
            .toList();
    Number editedAt = d.get("editedAt", Number.class);
    return new ChatMessage(
        d.getString("_id"),
        d.getString("toTroupeId"),
        d.getString("fromUserId"),
        d.getString("parentId"),
        d.getString("text"),
        d.getString("html"),
        d.getBoolean("status", false),
        d.get("threadMessageCount", Number.class).intValue(),
        d.getList("urls", String.class, List.of()),
        mentions,
        issues,
        d.getBoolean("pub", false),
        d.get("sent", Number.class).longValue(),
        editedAt == null ? null : editedAt.longValue(),
        d.get("_tv", Number.class).longValue(),
        d.getList("readBy", String.class, List.of()).size(),
        reactions(d.get("reactions", Document.class)));
  }

  /**
   * {@code reactions: {name: [userId, ...]}}; a name whose last person took it back is left out.
   */
  static List<Reaction> reactions(Document stored) {
    if (stored == null) {
      return List.of();
    }
    List<Reaction> found = new ArrayList<>();
    stored.forEach(
        (name, ids) -> {
          if (ids instanceof List<?> list && !list.isEmpty()) {
            List<String> userIds = list.stream().map(String::valueOf).toList();
            found.add(new Reaction(name, ReactionNames.character(name), userIds));
          }
        });
    return found;
  }
}
