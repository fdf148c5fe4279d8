package com.hirepilot.app.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The plain-text part of an email, read out of its HTML part: one template gives both, so the two
 * can never tell the client different things.
 *
 * <p>It keeps what a reader needs and drops what only a renderer needs: paragraphs and headings
 * become blocks separated by a blank line, line breaks and rows stay lines, list items start with
 * "- ", quotes with "> ", and a link becomes "label: URL" (the URL alone when it is its own label;
 * on a line of its own under the label when the link is a button, alone on its line). The layout
 * tables emails are built from leave only their line breaks (every cell on lines of its own, every
 * table a paragraph); hidden text (an inbox preheader), images, the head and scripts leave nothing.
 */
public final class MailText {

  /** Elements that start and end a paragraph: a blank line around them. */
  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "ul",
          "ol",
          "dl",
          "pre",
          "hr",
          "table");

  /** Elements that sit on lines of their own, without a blank line around them. */
  private static final Set<String> LINES =
      Set.of(
          "div",
          "tr",
          "td",
          "th",
          "li",
          "dt",
          "dd",
          "section",
          "article",
          "header",
          "footer",
          "main",
          "nav",
          "address",
          "figure",
          "figcaption",
          "center",
          "tbody",
          "thead",
          "tfoot",
          "caption");

  /** Elements whose content is never read: the renderer's, not the reader's. */
  private static final Set<String> UNREAD =
      Set.of("head", "title", "style", "script", "template", "img", "svg", "noscript", "object");

  private static final Pattern DISPLAY_NONE =
      Pattern.compile(
          "(^|;)\\s*(display\\s*:\\s*none|visibility\\s*:\\s*hidden|mso-hide\\s*:\\s*all)");

  private MailText() {}

  /** The text of an email's HTML, ending with one line break. */
  public static String of(String html) {
    Document document = Jsoup.parse(html);
    TextPartWriter text = new TextPartWriter();
    NodeTraversor.filter(new Reader(text), document.body());
    return text.finish();
  }

  /**
   * Reads the nodes it visits for what they mean to a reader, and has the {@link TextPartWriter}
   * lay that out: blocks, line breaks, quotes, list items, links and preformatted text.
   */
  private static final class Reader implements NodeFilter {

    private final TextPartWriter text;

    /** Where each open link's label starts in the text. */
    private final Deque<Integer> links = new ArrayDeque<>();

    private int preformatted;

    Reader(TextPartWriter text) {
      this.text = text;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        if (preformatted > 0) {
          text.writePreformatted(textNode.getWholeText());
        } else {
          text.write(textNode.getWholeText());
        }
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element element)) {
        return FilterResult.SKIP_ENTIRELY; // comments
      }
      String tag = element.normalName();
      if (UNREAD.contains(tag) || hidden(element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      opening(element);
      switch (tag) {
        case "br" -> text.lineBreak();
        case "li" -> text.openItem();
        case "blockquote" -> text.openQuote();
        case "a" -> links.push(text.labelStart());
        case "pre" -> preformatted++;
        default -> {}
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element element)) {
        return FilterResult.CONTINUE;
      }
      String tag = element.normalName();
      switch (tag) {
        case "li" -> text.closeItem();
        case "blockquote" -> text.closeQuote();
        case "a" -> link(element, links.pop());
        case "pre" -> preformatted--;
        default -> {}
      }
      opening(element);
      return FilterResult.CONTINUE;
    }

    /** Blocks start and end with the line breaks they owe; a list in an item is only lines. */
    private void opening(Element element) {
      String tag = element.normalName();
      boolean nestedList = (tag.equals("ul") || tag.equals("ol")) && element.closest("li") != null;
      if (PARAGRAPHS.contains(tag) && !nestedList) {
        text.block(2);
      } else if (LINES.contains(tag) || nestedList) {
        text.block(1);
      }
    }

    /**
     * After a link's label, its address: alone when the label is the address or says nothing, on
     * the next line when the link is alone in its block (a button), else after a colon.
     */
    private void link(Element anchor, int labelStart) {
      String href = anchor.attr("href").strip();
      String scheme = href.toLowerCase(Locale.ROOT);
      if (href.isEmpty() || href.startsWith("#") || scheme.startsWith("javascript:")) {
        return;
      }
      String address = scheme.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
      String label = text.since(labelStart).strip();
      if (label.isEmpty()) {
        text.writeWord(address);
      } else if (!label.equals(address)) {
        text.addressAfterLabel(address, aloneInItsBlock(anchor));
      }
    }

    private static boolean aloneInItsBlock(Element anchor) {
      Element block = anchor.parent();
      while (block != null
          && !PARAGRAPHS.contains(block.normalName())
          && !LINES.contains(block.normalName())
          && !Set.of("td", "th", "body").contains(block.normalName())) {
        block = block.parent();
      }
      return block != null && block.text().strip().equals(anchor.text().strip());
    }

    private static boolean hidden(Element element) {
      if (element.hasAttr("hidden") || "true".equals(element.attr("aria-hidden"))) {
        return true;
      }
      String style = element.attr("style").toLowerCase(Locale.ROOT);
      return !style.isEmpty() && DISPLAY_NONE.matcher(style).find();
    }
  }
}
