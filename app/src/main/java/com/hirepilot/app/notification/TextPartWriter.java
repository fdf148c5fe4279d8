package com.hirepilot.app.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Lays out the plain-text part of an email as {@link MailText} reads its HTML: words, lines, the
 * blank lines between paragraphs, and the prefixes quotes ("> ") and list items ("- ", then an
 * indent) put in front of every line. It knows nothing of HTML; what each element means is {@link
 * MailText}'s.
 */
final class TextPartWriter {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

  private final StringBuilder out = new StringBuilder();

  /** What each line starts with inside quotes and list items ("> ", " "), innermost first. */
  private final Deque<String> prefixes = new ArrayDeque<>();

  /** Line breaks owed before the next text: 0, 1 (a new line) or 2 (a blank line). */
  private int breaks;

  /** The next line starts a list item: "- " in place of its own indent. */
  private boolean bullet;

  private boolean atLineStart = true;
  private boolean space;

  /** A list item opens: its first line starts with the bullet, its further lines are indented. */
  void openItem() {
    bullet = true;
    prefixes.push("  ");
  }

  void closeItem() {
    prefixes.pop();
    bullet = false;
  }

  void openQuote() {
    flushBreaks(); // the blank line before the quote is not part of it
    prefixes.push("> ");
  }

  void closeQuote() {
    prefixes.pop();
  }

  /**
   * Where a link's label will start: the line breaks and prefix owed before it are written first,
   * so the label is all that follows.
   */
  int labelStart() {
    flushBreaks();
    if (atLineStart) {
      startLine();
    }
    return out.length();
  }

  /** What was written since {@code start} (a link's label, from {@link #labelStart()}). */
  String since(int start) {
    return out.substring(Math.min(start, out.length()));
  }

  /** A link's address after its label: after a colon, or on the next line when asked. */
  void addressAfterLabel(String address, boolean onTheNextLine) {
    out.append(':');
    if (onTheNextLine) {
      lineBreak();
    } else {
      space = true;
    }
    writeWord(address);
  }

  /** Text as a browser shows it: a run of whitespace is one space, and none starts a line. */
  void write(String text) {
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

  void writeWord(String word) {
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
  void writePreformatted(String text) {
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

  void lineBreak() {
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
  void block(int count) {
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

  /** The text, ending with one line break (empty when there was none). */
  String finish() {
    // A break after a block shows as one more empty line in a browser; one is enough in text.
    String text = out.toString().replaceAll("\n{3,}", "\n\n").strip();
    return text.isEmpty() ? "" : text + "\n";
  }
}
