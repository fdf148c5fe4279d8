package com.hirepilot.app.demo;

/**
 * The text logged at start-up: a headline, numbered steps (each with indented detail lines), then
 * plain notes. The numbers follow the steps actually added, so a step that does not apply (the
 * mailbox, when mail goes to a real relay) leaves no gap.
 */
final class StartBanner {

  private final StringBuilder text = new StringBuilder("\n\n  ");
  private int steps;

  StartBanner(String headline) {
    text.append(headline).append("\n\n");
  }

  StartBanner step(String line, String... details) {
    text.append("  ").append(++steps).append(". ").append(line).append('\n');
    for (String detail : details) {
      text.append("     ").append(detail).append('\n');
    }
    return this;
  }

  StartBanner note(String line) {
    text.append("  ").append(line).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
