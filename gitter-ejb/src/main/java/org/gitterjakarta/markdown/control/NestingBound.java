package org.gitterjakarta.markdown.control;

import java.util.ArrayDeque;
import java.util.Deque;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Keeps a parsed message shallow enough for the recursive visitors, renderer and sanitizer that
 * follow: a node at the depth limit is replaced by its text, as a paragraph (blocks) or plain text
 * (inlines). A few lines of {@code - - - -} or {@code > > >} would otherwise nest thousands of
 * levels and end rendering in a {@code StackOverflowError}. Both walks here use explicit stacks.
 */
final class NestingBound {

  private NestingBound() {}

  static Node apply(Node document, int maxDepth) {
    Deque<Node> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(document);
    depths.push(0);
    while (!nodes.isEmpty()) {
      Node node = nodes.pop();
      int depth = depths.pop();
      if (depth >= maxDepth && node.getFirstChild() != null) {
        flatten(node);
        continue;
      }
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    return document;
  }

  private static void flatten(Node node) {
    Text text = new Text(textOf(node));
    Node replacement = text;
    if (node instanceof Block) {
      replacement = new Paragraph();
      replacement.appendChild(text);
    }
    node.insertAfter(replacement);
    node.unlink();
  }

  /** The words of a subtree in document order, lines joined by spaces. */
  static String textOf(Node root) {
    var out = new StringBuilder();
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof Text text) {
        out.append(text.getLiteral());
      } else if (node instanceof Code code) {
        out.append(code.getLiteral());
      } else if (node instanceof SoftLineBreak
          || node instanceof HardLineBreak
          || node instanceof Block && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      Deque<Node> children = new ArrayDeque<>();
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        children.push(child);
      }
      children.forEach(pending::push);
    }
    return out.toString().strip();
  }
}
