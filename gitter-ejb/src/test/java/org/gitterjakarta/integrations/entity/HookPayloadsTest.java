package org.gitterjakarta.integrations.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.gitterjakarta.problems.Problem;
import org.junit.jupiter.api.Test;

class HookPayloadsTest {

  static JsonValue json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  static Activity read(String event, String body) {
    return HookPayloads.read(event, json(body)).orElseThrow();
  }

  @Test
  void readsTheGenericShape() {
    var activity =
        read(null, "{\"message\":\"Build **passed**\",\"icon\":\"check\",\"level\":\"error\"}");

    assertThat(activity.text()).isEqualTo("Build **passed**");
    assertThat(activity.meta())
        .containsEntry("service", "custom")
        .containsEntry("icon", "check")
        .containsEntry("level", "error");
  }

  @Test
  void refusesWhatItCannotRead() {
    for (String body :
        new String[] {
          "[]",
          "\"text\"",
          "{}",
          "{\"message\":5}",
          "{\"message\":\"  \"}",
          "{\"message\":\"x\",\"level\":\"panic\"}",
          "{\"message\":\"x\",\"icon\":\"<b>\"}",
          "{\"text\":\"hello\"}"
        }) {
      assertThatThrownBy(() -> HookPayloads.read(null, json(body)))
          .as(body)
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID));
    }
    assertThatThrownBy(() -> HookPayloads.read("star", json("{\"action\":\"created\"}")))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("star");
    assertThatThrownBy(() -> HookPayloads.read("push", json("{\"ref\":1,\"repository\":{}}")))
        .isInstanceOf(Problem.class);
    assertThatThrownBy(
            () ->
                HookPayloads.read(
                    "issues",
                    json(
                        "{\"action\":\"opened\",\"issue\":{\"number\":\"7\"},"
                            + "\"repository\":{\"full_name\":\"a/b\"}}")))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("number");
  }

  @Test
  void githubPingIsKnownButShowsNothing() {
    assertThat(HookPayloads.read("ping", json("{\"zen\":\"Keep it logically awesome.\"}")))
        .isEmpty();
  }

  @Test
  void describesAPush() {
    var activity =
        read(
            "push",
            "{\"ref\":\"refs/heads/main\",\"compare\":\"https://github.com/a/b/compare/1...2\","
                + "\"repository\":{\"full_name\":\"a/b\",\"html_url\":\"https://github.com/a/b\"},"
                + "\"pusher\":{\"name\":\"ann\"},\"commits\":[{\"id\":\"0123456789abcdef\","
                + "\"message\":\"Fix [it](javascript:x)\\n\\nbody\",\"url\":\"https://github.com/a/b/commit/0123456\"}]}");

    assertThat(activity.text())
        .startsWith(
            "**ann** [pushed 1 commit](https://github.com/a/b/compare/1...2) to"
                + " [a/b](https://github.com/a/b) `main`")
        .contains(
            "[`0123456`](https://github.com/a/b/commit/0123456) Fix \\[it\\]\\(javascript\\:x\\)")
        .doesNotContain("body");
    assertThat(activity.meta()).containsEntry("service", "github").containsEntry("repo", "a/b");
  }

  @Test
  void describesIssuesAndMergedPullRequests() {
    var issue =
        read(
            "issues",
            "{\"action\":\"opened\",\"issue\":{\"number\":12,\"title\":\"Crash @all\","
                + "\"html_url\":\"https://github.com/a/b/issues/12\"},"
                + "\"repository\":{\"full_name\":\"a/b\"},\"sender\":{\"login\":\"bob\"}}");
    var pull =
        read(
            "pull_request",
            "{\"action\":\"closed\",\"pull_request\":{\"number\":3,\"title\":\"Faster\","
                + "\"merged\":true,\"html_url\":\"javascript:alert(1)\"},"
                + "\"repository\":{\"full_name\":\"a/b\"},\"sender\":{\"login\":\"eve\"}}");

    assertThat(issue.text())
        .isEqualTo(
            "**bob** opened issue [#12](https://github.com/a/b/issues/12) in a/b: Crash \\@all");
    assertThat(pull.text()).isEqualTo("**eve** merged pull request #3 in a/b: Faster");
    assertThat(pull.meta())
        .containsEntry("event", "pull_request")
        .containsEntry("action", "merged");
  }
}
