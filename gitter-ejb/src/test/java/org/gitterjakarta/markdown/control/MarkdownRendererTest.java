package org.gitterjakarta.markdown.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.gitterjakarta.markdown.entity.IssueRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

  final MarkdownRenderer cut = new MarkdownRenderer();

  /**
   * Plain lines skip the parser: for every line the shortcut accepts, the full path must give the
   * same result, including the lines built to trip it (lists, autolinks, spacing).
   */
  @Test
  void plainLinesRenderAsTheFullPathWould() {
    var random = new java.util.Random(18);
    String[] pieces = {
      "a",
      "Zed",
      "7",
      "1.",
      "1)",
      " ",
      "  ",
      ",",
      ".",
      "!",
      "?",
      "www",
      "www.",
      "WwW.",
      "x.org",
      "ok",
      "I",
      "-",
      "*",
      "#",
      ":",
      "@",
      "'",
      "<b>",
      "&",
      "\"",
      "1. ",
      "www.x.com",
      "e.g."
    };
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      var text = new StringBuilder();
      for (int k = random.nextInt(6) + 1; k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String line = text.toString();
      if (PlainText.is(line)) {
        accepted++;
        assertThat(cut.render(line)).as(line).isEqualTo(cut.parsed(line));
      }
    }
    assertThat(accepted).isGreaterThan(1_000);
    assertThat(PlainText.is("bench 12 34567")).isTrue();
    assertThat(PlainText.is("see www.example.org")).isFalse();
    assertThat(PlainText.is("1. first")).isFalse();
    assertThat(PlainText.is(" indented")).isFalse();
    assertThat(PlainText.is("two\nlines")).isFalse();
  }

  @Test
  void rendersASingleParagraphInline() {
    assertThat(cut.render("hello **world**").html()).isEqualTo("hello <strong>world</strong>");
  }

  @Test
  void rendersEmojiShortcodesOutsideCode() {
    assertThat(cut.render("shipped :tada: :+1: :not_an_emoji: `:tada:`").html())
        // the sanitizer writes characters beyond the BMP as character references
        .isEqualTo("shipped &#x1f389; &#x1f44d; :not_an_emoji: <code>:tada:</code>");
    assertThat(cut.render("```\n:smile:\n```").html()).contains(":smile:");
    assertThat(cut.render("at 10:30:00 sharp").html()).isEqualTo("at 10:30:00 sharp");
  }

  @Test
  void keepsParagraphsAndLineBreaksOfLongerMessages() {
    String html = cut.render("one\ntwo\n\nthree").html();

    assertThat(html).contains("<p>one<br />").contains("two</p>").contains("<p>three</p>");
  }

  @Test
  void rendersGithubFlavouredTablesStrikethroughAndFencedCode() {
    String html =
        cut.render("| a | b |\n|---|:-:|\n| 1 | 2 |\n\n~~old~~\n\n```java\nint x;\n```").html();

    assertThat(html)
        .contains("<table>")
        .contains("<td align=\"center\">2</td>")
        .contains("<del>old</del>")
        .contains("<pre><code class=\"language-java\">int x;\n</code></pre>");
  }

  @Test
  void linksUrlsSafelyAndCollectsThem() {
    var rendered = cut.render("see https://example.org/x and [docs](https://docs.example.org)");

    assertThat(rendered.html())
        .contains("href=\"https://example.org/x\"")
        .containsPattern("rel=\"[a-z ]*nofollow[a-z ]*\"")
        .containsPattern("rel=\"[a-z ]*noopener[a-z ]*\"")
        .containsPattern("rel=\"[a-z ]*noreferrer[a-z ]*\"")
        .contains("target=\"_blank\"");
    assertThat(rendered.urls())
        .containsExactly("https://example.org/x", "https://docs.example.org");
  }

  @Test
  void neutralisesScriptsRawHtmlAndDangerousUrls() {
    var rendered =
        cut.render(
            "<script>alert(1)</script> <img src=x onerror=alert(1)> "
                + "[click](javascript:alert(1)) [data](data:text/html;base64,xx)");

    assertThat(rendered.html())
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("href=\"javascript")
        .doesNotContain("href=\"data")
        .doesNotContain("<b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void escapesHtmlBlocks() {
    String html = cut.render("<div onclick=\"x()\">hi</div>").html();

    assertThat(html).doesNotContain("<div").contains("&lt;div");
  }

  @Test
  void turnsMentionsIntoSpansAndCollectsThem() {
    var rendered = cut.render("hi @jane and @bob.smith, @/all listen; mail a@b.org");

    assertThat(rendered.mentionedNames()).containsExactly("jane", "bob.smith");
    assertThat(rendered.mentionsAll()).isTrue();
    assertThat(rendered.html())
        .contains(
            "<span data-link-type=\"mention\" data-screen-name=\"jane\" class=\"mention\">&#64;jane</span>")
        .contains("data-link-type=\"groupmention\"");
  }

  @Test
  void leavesMentionsInCodeAlone() {
    var rendered = cut.render("`@jane` and\n\n```\n@bob #1\n```");

    assertThat(rendered.mentionedNames()).isEmpty();
    assertThat(rendered.issues()).isEmpty();
  }

  @Test
  void findsIssueReferences() {
    var rendered = cut.render("fixes #12 and gitterHQ/gitter#345");

    assertThat(rendered.issues())
        .containsExactly(new IssueRef(null, "12"), new IssueRef("gitterHQ/gitter", "345"));
    assertThat(rendered.html()).contains("data-issue=\"345\" data-issue-repo=\"gitterHQ/gitter\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"- ", "1. ", ">", "* > ", "[", "*"})
  void rendersDeeplyNestedMarkdownWithinBoundsAndKeepsItsText(String level) {
    int times = 4000 / level.length();
    String html = cut.render(level.repeat(times) + "x tail").html();

    assertThat(html).contains("x tail");
    assertThat(depthOf(html)).isLessThanOrEqualTo(2 * MarkdownRenderer.MAX_DEPTH);
  }

  @Test
  void keepsModestNestingAsMarkdown() {
    String html = cut.render("> - > quoted list\n>   - deeper").html();

    assertThat(html).contains("<blockquote>").contains("<ul>").contains("deeper");
  }

  private static int depthOf(String html) {
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < html.length(); i++) {
      if (html.startsWith("</", i)) {
        depth--;
      } else if (html.charAt(i) == '<' && !html.startsWith("<br", i)) {
        deepest = Math.max(deepest, ++depth);
      }
    }
    return deepest;
  }
}
