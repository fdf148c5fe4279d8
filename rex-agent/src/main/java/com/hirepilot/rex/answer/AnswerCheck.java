package com.hirepilot.rex.answer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last look at every answer before it leaves REX, whichever brain wrote it: links go only to
 * the portal's own origin, and a client's answer carries none of the internal text the app names
 * (notes, candidates' contact details) nor any other person's address.
 */
public final class AnswerCheck {

  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'\\])]+");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+\\d[\\d ().-]{7,}\\d");

  private final String origin;

  public AnswerCheck(String portalBaseUrl) {
    String base = portalBaseUrl == null ? "" : portalBaseUrl.trim();
    this.origin = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Removes every link that does not point into the portal's origin. */
  public String links(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = LINK.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String link = m.group();
      boolean ours =
          !origin.isEmpty()
              && (link.equals(origin)
                  || link.startsWith(origin + "/")
                  || link.startsWith(origin + "?"));
      m.appendReplacement(out, Matcher.quoteReplacement(ours ? link : "[link removed]"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Removes from text meant for a client every internal text and every address but their own.
   *
   * @param internal text the client must not read (each at least four characters long)
   */
  public String forClient(String text, String ownEmail, List<String> internal) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : internal) {
      if (secret != null && secret.strip().length() >= 4) {
        out =
            Pattern.compile(Pattern.quote(secret.strip()), Pattern.CASE_INSENSITIVE)
                .matcher(out)
                .replaceAll("[removed]");
      }
    }
    String own = ownEmail == null ? "" : ownEmail.toLowerCase(Locale.ROOT);
    Matcher m = EMAIL.matcher(out);
    StringBuilder cleaned = new StringBuilder();
    while (m.find()) {
      String email = m.group();
      m.appendReplacement(
          cleaned,
          Matcher.quoteReplacement(
              email.toLowerCase(Locale.ROOT).equals(own) ? email : "[address removed]"));
    }
    m.appendTail(cleaned);
    return INTERNATIONAL_PHONE.matcher(cleaned.toString()).replaceAll("[removed]");
  }
}
