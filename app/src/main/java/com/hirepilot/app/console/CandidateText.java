package com.hirepilot.app.console;

/** How the candidate page writes a profile's optional text: a dash where there is none. */
final class CandidateText {

  private CandidateText() {}

  static String orDash(String text) {
    return text == null || text.isEmpty() ? "—" : text;
  }
}
