package com.hirepilot.rex.brain;

import com.hirepilot.rex.tools.Findings.AddressFlag;
import com.hirepilot.rex.tools.Findings.CollaboratorAccess;
import com.hirepilot.rex.tools.Findings.Delivery;
import com.hirepilot.rex.tools.Findings.EmailDeliveries;
import com.hirepilot.rex.tools.Findings.Membership;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the delivery log of one address says about an email that did not arrive: which delivery
 * decides, what its status means, whether sending again can help, and what support does instead. A
 * flagged address decides before any status: mail to it is held, and a resend would only bounce
 * again and hurt the sender's reputation, so the fix is to confirm or correct the address.
 */
final class DeliveryReading {

  /** The answer's gist, one per way an email can go missing. */
  enum Verdict {
    /** No email was ever recorded to the address. */
    NOTHING_SENT(null, false),
    /** The address is flagged (bounced, dropped or reported spam): confirm or correct it. */
    ADDRESS_FLAGGED("email-delivery#flagged-addresses", false),
    /** The provider refused it once, but the flag has been cleared since. */
    REFUSED_THEN_CONFIRMED("email-delivery#flagged-addresses", true),
    /** Not handed to the relay yet, or the relay is failing and Temporal tries again. */
    NOT_SENT_YET("email-delivery#not-sent-yet", false),
    /** Temporal gave up: fix the cause, then resend. */
    FAILED("email-delivery#failed", true),
    /** No longer wanted before it left. */
    CANCELLED("email-delivery#failed", false),
    /** The receiving server is slow; SendGrid keeps trying for up to 72 hours. */
    DEFERRED("email-delivery#deferred", false),
    /** The receiving server took it: spam, junk, quarantine or a filter. */
    DELIVERED("email-delivery#spam-and-filters", true),
    /** The relay took it and the provider has not said more. */
    SENT("email-delivery#spam-and-filters", true);

    private final String section;
    private final boolean resendHelps;

    Verdict(String section, boolean resendHelps) {
      this.section = section;
      this.resendHelps = resendHelps;
    }

    /** The email-delivery section with the fix for this verdict, or null. */
    String section() {
      return section;
    }
  }

  private static final Set<String> REFUSED = Set.of("BOUNCED", "DROPPED", "SPAM_REPORT");
  private static final Set<String> SUBMISSION_KINDS = Set.of("SUBMISSION", "REMINDER");

  private final EmailDeliveries log;
  private final Delivery deciding;
  private final Verdict verdict;

  private DeliveryReading(EmailDeliveries log) {
    this.log = log;
    List<Delivery> all = deliveries(log);
    Delivery newest = all.isEmpty() ? null : all.get(0);
    if (log.flag() != null) {
      // The delivery the provider refused, when the log still holds it; else the newest.
      this.deciding =
          all.stream().filter(d -> REFUSED.contains(d.status())).findFirst().orElse(newest);
      this.verdict = Verdict.ADDRESS_FLAGGED;
    } else if (newest == null) {
      this.deciding = null;
      this.verdict = Verdict.NOTHING_SENT;
    } else {
      this.deciding = newest;
      this.verdict =
          switch (newest.status()) {
            case "BOUNCED", "DROPPED", "SPAM_REPORT" -> Verdict.REFUSED_THEN_CONFIRMED;
            case "QUEUED", "RETRYING" -> Verdict.NOT_SENT_YET;
            case "FAILED" -> Verdict.FAILED;
            case "CANCELLED" -> Verdict.CANCELLED;
            case "DEFERRED" -> Verdict.DEFERRED;
            case "DELIVERED" -> Verdict.DELIVERED;
            default -> Verdict.SENT;
          };
    }
  }

  static DeliveryReading of(EmailDeliveries log) {
    return new DeliveryReading(log);
  }

  Verdict verdict() {
    return verdict;
  }

  /** Whether sending the email again is the fix (never for a flagged address). */
  boolean resendHelps() {
    return verdict.resendHelps;
  }

  /** The submission of the newest submission email to the address, or null. */
  String latestSubmission() {
    for (Delivery d : deliveries(log)) {
      if (d.submissionId() != null
          && !d.submissionId().isBlank()
          && SUBMISSION_KINDS.contains(d.kind())) {
        return d.submissionId();
      }
    }
    return null;
  }

  /** The log as lines for "What I found": the flag, the newest emails, the deciding history. */
  List<String> findings() {
    return DeliveryLines.of(log, deciding);
  }

  /** What the log means, for "What it means". */
  String diagnosis() {
    Delivery d = deciding;
    return switch (verdict) {
      case NOTHING_SENT ->
          "nothing was ever sent to this address: check that it is the address on the job.";
      case ADDRESS_FLAGGED -> flagged(log.flag());
      case REFUSED_THEN_CONFIRMED ->
          "the latest email was refused ("
              + reasonOf(d)
              + "), and the address has been confirmed since, so a resend can go out now.";
      case NOT_SENT_YET -> notSentYet(d);
      case FAILED ->
          "the email never left: "
              + (d.error() == null ? "the mail relay refused it" : "\u201c" + d.error() + "\u201d")
              + ". Fix the cause first (an address the relay refuses, or the relay's settings), then"
              + " resend: that is the fix.";
      case CANCELLED ->
          "the email was cancelled before it left, because it was no longer needed (for instance"
              + " the client had already answered). Nothing is missing.";
      case DEFERRED ->
          "the client's mail server is slow to accept it"
              + (d.providerReason() == null ? "" : " (\u201c" + d.providerReason() + "\u201d)")
              + ". SendGrid keeps trying for up to 72 hours, so it should arrive on its own; no"
              + " resend is needed yet.";
      case DELIVERED ->
          "the client's mail server accepted it at "
              + d.at()
              + ", so it reached their mailbox. It is most likely in the spam or junk folder, in"
              + " quarantine, or moved by a filter or rule: ask the client to look there and to"
              + " allow our sender, then resend if they still cannot find it.";
      case SENT ->
          "our side sent it. It is most likely in spam or quarantine: ask the client to check"
              + " there and allow our sender, then resend.";
    };
  }

  private static String notSentYet(Delivery d) {
    if ("QUEUED".equals(d.status())) {
      return "the email is queued and has not left yet; it goes out on its own within moments."
          + " No resend is needed.";
    }
    return "our mail relay is failing, so the email has not left yet"
        + (d.error() == null
            ? ""
            : " (attempt " + d.attempts() + ": \u201c" + d.error() + "\u201d)")
        + ". The next attempt is at "
        + (d.nextAttemptAt() == null ? "the next retry" : d.nextAttemptAt())
        + ", and it will arrive once the relay is back. No resend is needed: a resend would"
        + " only queue behind it. If many emails are retrying, the relay is down for everyone:"
        + " escalate it.";
  }

  private static String flagged(AddressFlag flag) {
    String reason =
        flag.reason() == null || flag.reason().isBlank()
            ? ""
            : ": \u201c" + flag.reason() + "\u201d";
    return switch (flag.status()) {
      case "SPAM_REPORT" ->
          "the client marked our email as spam"
              + reason
              + ", so SendGrid sends them nothing more and the address is flagged. Do not"
              + " resend. Ask the client whether that was a mistake; if they want our emails,"
              + " they should mark our sender as safe, and then the address can be confirmed.";
      case "DROPPED" ->
          "SendGrid would not send to this address"
              + reason
              + " (it drops mail to addresses that bounced or reported spam before), so the"
              + " address is flagged. Do not resend: it would be dropped again.";
      default ->
          "the client's mail server refused the email for good"
              + reason
              + ", so the address is flagged. Do not resend: it would bounce again and hurt"
              + " our sender reputation.";
    };
  }

  /**
   * What to do instead of a resend when the address is flagged, with the job's and collaborator's
   * IDs filled in when the address is on one job; null when it is not flagged. REX cannot clear a
   * flag itself: a person checks the address first.
   */
  String nextStep(CollaboratorAccess access) {
    return verdict == Verdict.ADDRESS_FLAGGED ? confirmOrCorrect(access) : null;
  }

  private static String confirmOrCorrect(CollaboratorAccess access) {
    Membership m = null;
    int active = 0;
    if (access != null && access.memberships() != null) {
      for (Membership candidate : access.memberships()) {
        if ("ACTIVE".equals(candidate.status())) {
          active++;
          m = candidate;
        }
      }
    }
    String path =
        active == 1
            ? "/api/jobs/" + m.jobId() + "/collaborators/" + m.collaboratorId()
            : "/api/jobs/{jobId}/collaborators/{collaboratorId}";
    return "What I propose instead of a resend: check the address with the client (by phone, or"
        + " another address you know). If it is right, confirm it with POST "
        + path
        + "/address-confirmation, which clears the flag. If it is wrong, correct it with PATCH "
        + path
        + " {\"email\": \"…\"}. Only then can email go to it again.";
  }

  private static String reasonOf(Delivery d) {
    String reason = d.providerReason() != null ? d.providerReason() : d.error();
    return reason == null ? words(d.status()) : words(d.status()) + ": \u201c" + reason + "\u201d";
  }

  private static List<Delivery> deliveries(EmailDeliveries log) {
    return log.deliveries() == null ? List.of() : log.deliveries();
  }

  static String words(String status) {
    return switch (status) {
      case "SPAM_REPORT" -> "reported as spam";
      default -> status.toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
