package com.hirepilot.rex.brain;

import com.hirepilot.rex.tools.Findings.AddressFlag;
import com.hirepilot.rex.tools.Findings.Delivery;
import com.hirepilot.rex.tools.Findings.DeliveryStep;
import com.hirepilot.rex.tools.Findings.EmailDeliveries;
import java.util.ArrayList;
import java.util.List;

/** An address's delivery log in lines: its flag, its newest emails, the deciding one's history. */
final class DeliveryLines {

  private DeliveryLines() {}

  /** The log as lines for "What I found": the flag, the newest emails, the deciding history. */
  static List<String> of(EmailDeliveries log, Delivery deciding) {
    String email = log.email();
    List<String> lines = new ArrayList<>();
    if (log.flag() != null) {
      lines.add(
          email
              + " is flagged: "
              + describe(log.flag())
              + ". No email goes to it until the"
              + " address is confirmed or corrected.");
    }
    List<Delivery> all = (log.deliveries() == null ? List.<Delivery>of() : log.deliveries());
    if (all.isEmpty()) {
      lines.add("No email has ever been sent to " + email + ".");
      return lines;
    }
    for (Delivery d : all.subList(0, Math.min(5, all.size()))) {
      lines.add(line(email, d));
    }
    if (deciding != null && deciding.history() != null && deciding.history().size() > 1) {
      List<String> steps = new ArrayList<>();
      for (DeliveryStep step : deciding.history()) {
        steps.add(
            DeliveryReading.words(step.status())
                + " "
                + step.at()
                + (step.detail() == null || step.detail().isBlank()
                    ? ""
                    : " (" + step.detail() + ")"));
      }
      lines.add(
          "History of \u201c"
              + deciding.subject()
              + "\u201d: "
              + String.join(" \u2192 ", steps)
              + ".");
    }
    return lines;
  }

  private static String line(String email, Delivery d) {
    StringBuilder out =
        new StringBuilder("\u201c")
            .append(d.subject())
            .append("\u201d to ")
            .append(email)
            .append(": ")
            .append(DeliveryReading.words(d.status()))
            .append(" at ")
            .append(d.at());
    switch (d.status()) {
      case "RETRYING" -> {
        out.append(" (attempt ").append(d.attempts());
        if (d.error() != null) {
          out.append(" failed: ").append(d.error());
        }
        if (d.nextAttemptAt() != null) {
          out.append("; next attempt at ").append(d.nextAttemptAt());
        }
        out.append(')');
      }
      case "FAILED" -> {
        out.append(" after ")
            .append(d.attempts())
            .append(d.attempts() == 1 ? " attempt" : " attempts");
        if (d.error() != null) {
          out.append(" (error: ").append(d.error()).append(')');
        }
      }
      default -> {
        if (d.providerReason() != null && !d.providerReason().isBlank()) {
          out.append(" (the provider said: ").append(d.providerReason()).append(')');
        } else if (d.error() != null) {
          out.append(" (error: ").append(d.error()).append(')');
        }
      }
    }
    return out.toString();
  }

  static String describe(AddressFlag flag) {
    String what =
        switch (flag.status()) {
          case "BOUNCED" -> "it bounced";
          case "DROPPED" -> "SendGrid dropped mail to it";
          case "SPAM_REPORT" -> "the client reported our email as spam";
          default -> DeliveryReading.words(flag.status());
        };
    return what
        + (flag.reason() == null || flag.reason().isBlank() ? "" : " (" + flag.reason() + ")")
        + (flag.flaggedAt() == null ? "" : " on " + flag.flaggedAt());
  }
}
