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

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

  private MailText() {}

  /** The text of an email's HTML, ending with one line break. */
  public static String of(String html) {
    Document document = Jsoup.parse(html);
    Writer writer = new Writer();
    NodeTraversor.filter(writer, document.body());
    return writer.finish();
  }

  /** Writes the text of the nodes it visits, keeping track of blocks, quotes and lists. */
  private static final class Writer implements NodeFilter {

    private final StringBuilder out = new StringBuilder();

    /** What each line starts with inside quotes and list items ("> ", " "), innermost first. */
    private final Deque<String> prefixes = new ArrayDeque<>();

    /** Where each open link's label starts in {@link #out}. */
    private final Deque<Integer> links = new ArrayDeque<>();

    /** Line breaks owed before the next text: 0, 1 (a new line) or 2 (a blank line). */
    private int breaks;

    /** The next line starts a list item: "- " in place of its own indent. */
    private boolean bullet;

    private boolean atLineStart = true;
    private boolean space;
    private int preformatted;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode text) {
        if (preformatted > 0) {
          writePreformatted(text.getWholeText());
        } else {
          write(text.getWholeText());
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
        case "br" -> lineBreak();
        case "li" -> {
          bullet = true;
          prefixes.push("  ");
        }
        case "blockquote" -> {
          flushBreaks(); // the blank line before the quote is not part of it
          prefixes.push("> ");
        }
        case "a" -> links.push(labelStart());
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
        case "li" -> {
          prefixes.pop();
          bullet = false;
        }
        case "blockquote" -> prefixes.pop();
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
        block(2);
      } else if (LINES.contains(tag) || nestedList) {
        block(1);
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
      String label = out.substring(Math.min(labelStart, out.length())).strip();
      if (label.isEmpty()) {
        writeWord(address);
      } else if (!label.equals(address)) {
        out.append(':');
        if (aloneInItsBlock(anchor)) {
          lineBreak();
        } else {
          space = true;
        }
        writeWord(address);
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

    /**
     * Where a link's label will start: the line breaks and prefix owed before it are written first,
     * so the label is all that follows.
     */
    private int labelStart() {
      flushBreaks();
      if (atLineStart) {
        startLine();
      }
      return out.length();
    }

    /** Text as a browser shows it: a run of whitespace is one space, and none starts a line. */
    private void write(String text) {
      String[] words = WHITESPACE.split(text, -1);
      for (int i = 0; i < words.length; i++) {
        if (i > 0) {
          space = true;
        }
        if (!words[i].isEmpty()) {
          writeWord(words[i]);
        }
      }
    }

    private void writeWord(String word) {
      flushBreaks();
      if (atLineStart) {
        startLine();
      } else if (space) {
        out.append(' ');
      }
      out.append(word);
      space = false;
    }

    /** A {@code <pre>}'s text, its lines as they are. */
    private void writePreformatted(String text) {
      String[] lines = text.replace("\r\n", "\n").split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          lineBreak();
        }
        String line = lines[i].stripTrailing();
        if (!line.isEmpty()) {
          flushBreaks();
          if (atLineStart) {
            startLine();
          }
          out.append(line);
          space = false;
        }
      }
    }

    private void startLine() {
      if (bullet) {
        // The item's own indent is the innermost prefix; its first line has the bullet there.
        Deque<String> outer = new ArrayDeque<>(prefixes);
        outer.pop();
        out.append(prefix(outer)).append("- ");
        bullet = false;
      } else {
        out.append(prefix(prefixes));
      }
      atLineStart = false;
      space = false;
    }

    private void lineBreak() {
      if (bullet) {
        return; // an item that starts with a break starts with its text
      }
      flushBreaks();
      endLine();
      out.append('\n');
      atLineStart = true;
      space = false;
    }

    /** Owes line breaks before the next text; nothing before the first text or a first bullet. */
    private void block(int count) {
      if (bullet) {
        return; // the item's own line break suffices for a block that opens it
      }
      breaks = Math.max(breaks, count);
      space = false;
    }

    private void flushBreaks() {
      if (breaks == 0) {
        return;
      }
      if (out.length() > 0) {
        endLine();
        if (!atLineStart) {
          out.append('\n');
        }
        if (breaks == 2 && !endsWithBlankLine()) {
          out.append(prefix(prefixes).stripTrailing()).append('\n');
        }
        atLineStart = true;
      }
      breaks = 0;
    }

    /** Whether the text so far ends with an empty line (or a quote's empty line). */
    private boolean endsWithBlankLine() {
      int length = out.length();
      if (length < 2) {
        return true;
      }
      int previous = out.lastIndexOf("\n", length - 2);
      String last = out.substring(previous + 1, length - 1);
      return last.replace(">", "").isBlank();
    }

    /** Drops the spaces a line would end with. */
    private void endLine() {
      int end = out.length();
      while (end > 0 && out.charAt(end - 1) == ' ') {
        end--;
      }
      out.setLength(end);
    }

    private static String prefix(Deque<String> prefixes) {
      StringBuilder prefix = new StringBuilder();
      prefixes.descendingIterator().forEachRemaining(prefix::append);
      return prefix.toString();
    }

    String finish() {
      // A break after a block shows as one more empty line in a browser; one is enough in text.
      String text = out.toString().replaceAll("\n{3,}", "\n\n").strip();
      return text.isEmpty() ? "" : text + "\n";
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
