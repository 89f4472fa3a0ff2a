package org.gitterjakarta.markdown.control;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/** The allow-list every rendered message passes through before it is stored. */
final class HtmlPolicy {

  private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#-]{1,40}");
  private static final Pattern SPAN_CLASS = Pattern.compile("mention|groupmention|issue");
  private static final Pattern ALIGN = Pattern.compile("left|center|right");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./-]{1,120}");

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "strong",
              "em",
              "del",
              "s",
              "code",
              "pre",
              "blockquote",
              "ul",
              "ol",
              "li",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "hr",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a",
              "img",
              "span")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .allowAttributes("target")
          .matching(Pattern.compile("_blank"))
          .onElements("a")
          .allowAttributes("src", "alt", "title")
          .onElements("img")
          .allowAttributes("title")
          .onElements("a")
          .allowAttributes("start")
          .matching(Pattern.compile("\\d{1,9}"))
          .onElements("ol")
          .allowAttributes("class")
          .matching(LANGUAGE_CLASS)
          .onElements("code")
          .allowAttributes("align")
          .matching(ALIGN)
          .onElements("th", "td")
          .allowAttributes("class")
          .matching(SPAN_CLASS)
          .onElements("span")
          .allowAttributes("data-link-type")
          .matching(SPAN_CLASS)
          .onElements("span")
          .allowAttributes("data-screen-name", "data-group-name", "data-issue", "data-issue-repo")
          .matching(NAME)
          .onElements("span")
          .toFactory();

  private HtmlPolicy() {}
}
