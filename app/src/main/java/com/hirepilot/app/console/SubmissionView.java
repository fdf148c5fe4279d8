package com.hirepilot.app.console;

import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.job.CollaboratorStanding;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.notification.EmailDelivery;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionState;
import com.hirepilot.app.submission.SubmissionSummary;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The submission page, worked out once in the controller. It is the console's busiest page (it must
 * hold 200 requests a second), so every lookup and label is made here, once per row, and the
 * template only prints: no flag lookups, list filters or name formatting while it renders.
 *
 * @param clients the job's active collaborators, each with the flag on their address (or null)
 * @param holdingUp whether an active collaborator's address is flagged: new mail waits for it
 * @param settled whether the client's decision (or a withdrawal) is final
 */
record SubmissionView(
    SubmissionSummary summary,
    SubmissionState state,
    SubmissionDetails record,
    CandidateCard candidate,
    String title,
    String stage,
    String decision,
    String skills,
    List<FileLine> files,
    List<ClientLine> clients,
    boolean holdingUp,
    List<EmailRow> emails,
    List<TimelineLine> timeline,
    boolean settled,
    boolean withdrawn,
    String workflowUiLink) {

  /** A file the client is shown: its name and the note beside it, "(resume v1)". */
  record FileLine(String filename, String note) {}

  /** An active collaborator, the flag on their address (or null) and the access-link option. */
  record ClientLine(CollaboratorStanding collaborator, AddressFlags.Flag flag, String option) {}

  /**
   * One email delivery with its labels.
   *
   * @param since when its status was reached, else when it was sent, else when it was recorded
   * @param attempts "Attempt 2 failed" while retrying, "Gave up after 5 attempts" once failed
   * @param providerReason the provider's reason where the page shows it: a deferral or a flag
   * @param steps "3 steps", or null when there is no history
   */
  record EmailRow(
      EmailDelivery email,
      String kind,
      Instant since,
      String attempts,
      String providerReason,
      String steps) {}

  record TimelineLine(TimelineEntry entry, String type) {}

  static SubmissionView of(DeskReads.SubmissionPage page, SubmissionState state, String uiLink) {
    SubmissionDetails record = page.record();
    SubmissionSummary summary = record.summary();
    CandidateCard candidate = page.candidate();
    List<ClientLine> clients = new ArrayList<>();
    boolean holdingUp = false;
    for (CollaboratorStanding c : page.activeCollaborators()) {
      AddressFlags.Flag flag = page.flags().of(c);
      holdingUp |= flag != null;
      clients.add(new ClientLine(c, flag, c.displayName() + " <" + c.email() + ">"));
    }
    return new SubmissionView(
        summary,
        state,
        record,
        candidate,
        summary.candidateName() + " for " + summary.jobTitle(),
        state.stage() != null ? ConsoleWords.label(state.stage().name()) : "—",
        record.clientDecision() == null
            ? null
            : ConsoleWords.label(record.clientDecision().decision().name()),
        candidate == null || candidate.skills().isEmpty()
            ? "—"
            : String.join(", ", candidate.skills()),
        page.attachments().stream()
            .map(
                a ->
                    new FileLine(
                        a.filename(),
                        "("
                            + DeskFiles.kind(a)
                            + (a.isPublic() ? "" : ", private: the client cannot open it")
                            + ")"))
            .toList(),
        clients,
        holdingUp,
        record.emails().stream().map(SubmissionView::row).toList(),
        record.timeline().stream()
            .map(t -> new TimelineLine(t, ConsoleWords.label(t.type().name())))
            .toList(),
        state.status().isFinal(),
        state.status() == SubmissionStatus.WITHDRAWN,
        uiLink);
  }

  private static EmailRow row(EmailDelivery e) {
    String attempts =
        switch (e.status()) {
          case RETRYING -> "Attempt " + e.attempts() + " failed";
          case FAILED ->
              "Gave up after " + e.attempts() + (e.attempts() == 1 ? " attempt" : " attempts");
          default -> null;
        };
    boolean showReason = e.status() == EmailDelivery.Status.DEFERRED || e.status().flagsAddress();
    int steps = e.history().size();
    return new EmailRow(
        e,
        ConsoleWords.label(e.kind().name()),
        e.statusAt() != null ? e.statusAt() : (e.sentAt() != null ? e.sentAt() : e.createdAt()),
        attempts,
        showReason ? e.providerReason() : null,
        steps == 0 ? null : steps + (steps == 1 ? " step" : " steps"));
  }
}
