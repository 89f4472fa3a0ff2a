package org.gitterjakarta.integrations.entity;

import static org.gitterjakarta.integrations.entity.HookPayloads.array;
import static org.gitterjakarta.integrations.entity.HookPayloads.link;
import static org.gitterjakarta.integrations.entity.HookPayloads.meta;
import static org.gitterjakarta.integrations.entity.HookPayloads.number;
import static org.gitterjakarta.integrations.entity.HookPayloads.object;
import static org.gitterjakarta.integrations.entity.HookPayloads.optionalObject;
import static org.gitterjakarta.integrations.entity.HookPayloads.plain;
import static org.gitterjakarta.integrations.entity.HookPayloads.requiredString;
import static org.gitterjakarta.integrations.entity.HookPayloads.string;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.problems.Problem;

/**
 * GitHub's webhook payloads (push, issues, pull_request) as one line of markdown each, the way
 * Gitter's activity panel showed them: who, what, where, with links to GitHub.
 */
final class GitHubPayloads {

  private GitHubPayloads() {}

  static Activity push(JsonObject body) {
    JsonObject repository = object(body, "repository");
    String repo = requiredString(repository, "full_name");
    String ref = requiredString(body, "ref").replaceFirst("^refs/(heads|tags)/", "");
    String who =
        optionalObject(body, "pusher")
            .map(p -> string(p, "name"))
            .or(() -> optionalObject(body, "sender").map(s -> string(s, "login")))
            .orElse("someone");
    JsonArray commits = array(body, "commits");
    StringBuilder text = new StringBuilder("**").append(plain(who)).append("** ");
    String where = link(plain(repo), string(repository, "html_url"));
    String branch = "`" + ref.replace("`", "") + "`";
    if (body.get("deleted") == JsonValue.TRUE) {
      text.append("deleted ").append(branch).append(" in ").append(where);
    } else if (commits.isEmpty() && body.get("created") == JsonValue.TRUE) {
      text.append("created ").append(branch).append(" in ").append(where);
    } else {
      int count = commits.size();
      text.append(
              link(
                  "pushed " + count + (count == 1 ? " commit" : " commits"),
                  string(body, "compare")))
          .append(" to ")
          .append(where)
          .append(' ')
          .append(branch);
      commits.stream().limit(HookPayloads.SHOWN_COMMITS).forEach(c -> commit(text, c));
      if (count > HookPayloads.SHOWN_COMMITS) {
        text.append("\n- … and ").append(count - HookPayloads.SHOWN_COMMITS).append(" more");
      }
    }
    Map<String, String> meta = meta("github", "push");
    meta.put("repo", repo);
    meta.put("ref", ref);
    return new Activity(text.toString(), meta);
  }

  private static void commit(StringBuilder text, JsonValue value) {
    if (!(value instanceof JsonObject commit)) {
      throw Problem.invalid("commits must be objects");
    }
    String id = requiredString(commit, "id");
    String message = Optional.ofNullable(string(commit, "message")).orElse("");
    String firstLine = message.lines().findFirst().orElse("");
    String shortId = id.length() > 7 ? id.substring(0, 7) : id;
    text.append("\n- ")
        .append(link("`" + shortId.replace("`", "") + "`", string(commit, "url")))
        .append(' ')
        .append(plain(firstLine));
  }

  /** issues and pull_request: {action, <item>: {number, title, html_url}, repository, sender}. */
  static Activity issue(JsonObject body, String event, String field, String noun) {
    String action = requiredString(body, "action");
    JsonObject item = object(body, field);
    long number = number(item, "number");
    String title = Optional.ofNullable(string(item, "title")).orElse("");
    String repo = requiredString(object(body, "repository"), "full_name");
    String who = optionalObject(body, "sender").map(s -> string(s, "login")).orElse("someone");
    String did =
        "closed".equals(action) && item.get("merged") == JsonValue.TRUE
            ? "merged"
            : action.replace('_', ' ');
    String text =
        "**"
            + plain(who)
            + "** "
            + plain(did)
            + " "
            + noun
            + " "
            + link("#" + number, string(item, "html_url"))
            + " in "
            + plain(repo)
            + (title.isBlank() ? "" : ": " + plain(title));
    Map<String, String> meta = meta("github", event);
    meta.put("repo", repo);
    meta.put("action", did);
    return new Activity(text, meta);
  }
}
