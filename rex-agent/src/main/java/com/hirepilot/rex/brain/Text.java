package com.hirepilot.rex.brain;

import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.tools.Untrusted;
import java.util.List;
import java.util.Locale;

/** The small writing helpers every part of an offline answer shares. */
final class Text {

  private Text() {}

  static String quoted(String text) {
    return "\u201c" + text + "\u201d";
  }

  /** A constant such as {@code AWAITING_FEEDBACK} in words. */
  static String words(String constant) {
    return constant == null ? "" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Client-written text (marked untrusted by the tools) shown between quotation marks. */
  static String plain(String text) {
    return Untrusted.unescape(
        text.replace(Untrusted.OPEN, "\u201c").replace(Untrusted.CLOSE, "\u201d"));
  }

  static String size(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return Math.max(1, bytes / 1024) + " KB";
  }

  static String bullets(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append("- ").append(line).append('\n');
    }
    return out.toString().trim();
  }

  static String joinAnd(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  static String summaryOf(String question) {
    String flat = question.replaceAll("\\s+", " ").trim();
    return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
  }

  /** A how-to section's text, cut at a paragraph near 1,400 characters. */
  static String body(Section section) {
    String text = section.readable();
    if (text.length() <= 1400) {
      return text;
    }
    int cut = text.lastIndexOf("\n\n", 1400);
    return text.substring(0, cut > 200 ? cut : 1400).trim();
  }

  /**
   * A page written for support, shown to a client: the paragraphs and list items that are about the
   * recruiter API are left out; the client has no use for them.
   */
  static String withoutAgencyApi(String text) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.split("\n\\s*\n")) {
      if (!paragraph.contains("/api/")) {
        out.append(paragraph).append("\n\n");
        continue;
      }
      // A list keeps its items that are not about the API.
      StringBuilder kept = new StringBuilder();
      String item = null;
      for (String line : (paragraph + "\n- ").split("\n")) {
        boolean starts = line.matches("^\\s*(- |\\d+\\. ).*");
        if (starts || line.isEmpty()) {
          if (item != null && !item.contains("/api/")) {
            kept.append(item);
          }
          item = line.isEmpty() ? null : line + "\n";
        } else if (item != null) {
          item += line + "\n";
        }
      }
      if (!kept.isEmpty()) {
        out.append(kept.toString().trim()).append("\n\n");
      }
    }
    String result = out.toString().trim();
    return result.isEmpty() ? "Your recruiter can help with this." : result;
  }

  static String signalName(String name) {
    return switch (name) {
      case "MAGIC_LINK_FAILURES" -> "magic-link sign-ins failing";
      case "PORTAL_5XX" -> "portal 5xx answers";
      case "EMAIL_FAILURES" -> "emails failing";
      case "FEEDBACK_ERRORS" -> "feedback errors";
      default -> name.toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
