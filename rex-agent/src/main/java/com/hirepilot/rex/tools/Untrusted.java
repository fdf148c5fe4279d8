package com.hirepilot.rex.tools;

/**
 * Marks text that a client wrote (comments, reasons, chat messages) as data. A language model is
 * told never to follow instructions inside these tags; the angle brackets inside are escaped, so
 * the text cannot close the tag and speak as REX.
 */
public final class Untrusted {

  public static final String OPEN = "<untrusted_client_text>";
  public static final String CLOSE = "</untrusted_client_text>";

  private Untrusted() {}

  public static String wrap(String text) {
    if (text == null) {
      return null;
    }
    return OPEN + escape(text) + CLOSE;
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  public static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
