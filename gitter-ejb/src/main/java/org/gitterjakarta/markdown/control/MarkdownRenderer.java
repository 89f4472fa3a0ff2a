package org.gitterjakarta.markdown.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.gitterjakarta.markdown.entity.Rendered;

/**
 * Renders a message's markdown to the HTML stored with it. Raw HTML typed by people is shown as
 * text, never interpreted; the sanitizer then enforces the allow-list on what remains.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

  /** Deeper than any message people write; deep enough that rendering cannot run out of stack. */
  static final int MAX_DEPTH = 16;

  // the bound runs first: the extensions' own post-processors walk the tree recursively
  private static final Parser PARSER =
      Parser.builder()
          .postProcessor(document -> NestingBound.apply(document, MAX_DEPTH))
          .extensions(EXTENSIONS)
          .build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .softbreak("<br />\n")
          .attributeProviderFactory(
              context -> (node, tag, attributes) -> linkAttributes(node, attributes))
          .build();

  public Rendered render(String markdown) {
    if (PlainText.is(markdown)) {
      return new Rendered(markdown, List.of(), false, List.of(), List.of());
    }
    return parsed(markdown);
  }

  /** The full path: parse, rewrite, render, sanitize. */
  Rendered parsed(String markdown) {
    Node document = PARSER.parse(markdown);
    document.accept(new RawHtmlAsText());
    document.accept(new EmojiShortcodes());
    var references = new ReferenceLinker();
    document.accept(references);
    var urls = new ArrayList<String>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            urls.add(link.getDestination());
            visitChildren(link);
          }
        });
    String html =
        HtmlPolicy.POLICY.sanitize(unwrapSingleParagraph(document, RENDERER.render(document)));
    return new Rendered(
        html,
        List.copyOf(references.mentions),
        references.mentionsAll,
        List.copyOf(references.issues),
        List.copyOf(urls));
  }

  private static void linkAttributes(Node node, Map<String, String> attributes) {
    if (node instanceof Link) {
      attributes.put("rel", "nofollow noopener noreferrer");
      attributes.put("target", "_blank");
    }
  }

  /** Gitter shows a one-paragraph message inline, without the {@code <p>} wrapper. */
  private static String unwrapSingleParagraph(Node document, String html) {
    Node first = document.getFirstChild();
    String trimmed = html.strip();
    if (first instanceof Paragraph
        && first.getNext() == null
        && trimmed.startsWith("<p>")
        && trimmed.endsWith("</p>")) {
      return trimmed.substring(3, trimmed.length() - 4);
    }
    return trimmed;
  }

  /** People's raw HTML becomes literal text, rendered escaped. */
  private static final class RawHtmlAsText extends AbstractVisitor {
    @Override
    public void visit(HtmlInline html) {
      html.insertAfter(new Text(html.getLiteral()));
      html.unlink();
    }

    @Override
    public void visit(HtmlBlock html) {
      var paragraph = new Paragraph();
      paragraph.appendChild(new Text(html.getLiteral().strip()));
      html.insertAfter(paragraph);
      html.unlink();
    }
  }
}
