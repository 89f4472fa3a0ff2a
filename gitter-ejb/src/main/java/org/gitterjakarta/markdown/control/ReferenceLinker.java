package org.gitterjakarta.markdown.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.gitterjakarta.markdown.entity.IssueRef;

/**
 * Turns {@code @name}, {@code @/all}, {@code #123} and {@code owner/repo#123} in plain text into
 * Gitter's spans, and remembers them. Code and link texts are left alone, as in Gitter.
 */
final class ReferenceLinker extends AbstractVisitor {

  static final Pattern REFERENCE =
      Pattern.compile(
          "(?<![\\w@/])@(/all|[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}(?<!\\.))"
              + "|(?<![\\w#/])(?:([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+))?#(\\d{1,9})\\b");

  final Set<String> mentions = new LinkedHashSet<>();
  boolean mentionsAll;
  final List<IssueRef> issues = new ArrayList<>();

  @Override
  public void visit(Link link) {
    // a link's own text is not scanned for references
  }

  @Override
  public void visit(Text text) {
    String literal = text.getLiteral();
    Matcher matcher = REFERENCE.matcher(literal);
    int last = 0;
    Node anchor = text;
    while (matcher.find()) {
      anchor = insertAfter(anchor, new Text(literal.substring(last, matcher.start())));
      anchor = insertAfter(anchor, html(span(matcher)));
      last = matcher.end();
    }
    if (last > 0) {
      insertAfter(anchor, new Text(literal.substring(last)));
      text.unlink();
    }
  }

  private String span(Matcher matcher) {
    if (matcher.group(1) != null) {
      String name = matcher.group(1);
      if (name.equals("/all")) {
        mentionsAll = true;
        return "<span data-link-type=\"groupmention\" data-group-name=\"all\" "
            + "class=\"groupmention\">@/all</span>";
      }
      mentions.add(name);
      return "<span data-link-type=\"mention\" data-screen-name=\""
          + name
          + "\" class=\"mention\">@"
          + name
          + "</span>";
    }
    String repo = matcher.group(2);
    String number = matcher.group(3);
    issues.add(new IssueRef(repo, number));
    String label = (repo == null ? "" : repo) + "#" + number;
    return "<span data-link-type=\"issue\" data-issue=\""
        + number
        + "\""
        + (repo == null ? "" : " data-issue-repo=\"" + repo + "\"")
        + " class=\"issue\">"
        + label
        + "</span>";
  }

  private static HtmlInline html(String literal) {
    var html = new HtmlInline();
    html.setLiteral(literal);
    return html;
  }

  private static Node insertAfter(Node anchor, Node node) {
    if (node instanceof Text t && t.getLiteral().isEmpty()) {
      return anchor;
    }
    anchor.insertAfter(node);
    return node;
  }
}
