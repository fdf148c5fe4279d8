package com.hirepilot.rex.tools;

import java.util.List;

/**
 * What the read tools return. Plain records, so that LangChain4j hands them to the model as JSON
 * and the offline brain reads the same JSON. Free text written by clients arrives wrapped by {@link
 * Untrusted}.
 */
public final class Findings {

  private Findings() {}

  public record Email(
      String to, String kind, String subject, String status, String at, String error) {}

  public record Step(String at, String type, String actor, String detail) {}

  public record SubmissionState(
      boolean found,
      String submissionId,
      String jobId,
      String jobTitle,
      String candidateId,
      String candidateName,
      String status,
      String stage,
      String decision,
      int remindersSent,
      String nextReminderAt,
      boolean workflowAnswered,
      String workflowStatus,
      List<Email> emails,
      List<Step> recentTimeline) {

    public static SubmissionState notFound(String submissionId) {
      return new SubmissionState(
          false,
          submissionId,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          null,
          false,
          null,
          List.of(),
          List.of());
    }
  }

  /**
   * One job the address is (or was) a collaborator on, and its latest sign-in link.
   *
   * @param lastLinkState {@code VALID}, {@code USED}, {@code EXPIRED}, {@code REVOKED} (the
   *     collaborator was removed) or {@code NONE} (no link was ever sent)
   */
  public record Membership(
      String jobId,
      String jobTitle,
      String collaboratorId,
      String status,
      String addedAt,
      String lastLinkSentAt,
      String lastLinkPurpose,
      String lastLinkState,
      String lastLinkExpiresAt,
      String lastSignInAt) {}

  public record CollaboratorAccess(String email, List<Membership> memberships) {

    public boolean activeAnywhere() {
      return memberships.stream().anyMatch(m -> "ACTIVE".equals(m.status()));
    }
  }

  public record SubmittedCandidate(
      String submissionId,
      String candidateId,
      String candidateName,
      String status,
      boolean visibleToClients) {}

  public record JobSubmissions(
      boolean found,
      String jobId,
      String jobTitle,
      int activeCollaborators,
      List<SubmittedCandidate> submissions) {}

  /** One of a candidate's submissions, with the job it went to. */
  public record CandidateSubmission(
      String submissionId,
      String jobId,
      String jobTitle,
      String status,
      boolean visibleToClients) {}

  /** A candidate of the caller's workspace and every submission of them, newest first. */
  public record CandidateSubmissions(
      boolean found,
      String candidateId,
      String candidateName,
      List<CandidateSubmission> submissions) {

    public static CandidateSubmissions notFound(String candidateId) {
      return new CandidateSubmissions(false, candidateId, null, List.of());
    }
  }

  /** One step of a delivery's history: a status, when it was reached, and what was said. */
  public record DeliveryStep(String status, String at, String detail) {}

  /**
   * One email to the address, as the delivery log records it.
   *
   * @param status {@code QUEUED}, {@code RETRYING}, {@code SENT}, {@code FAILED}, {@code
   *     CANCELLED}, {@code DEFERRED}, {@code DELIVERED}, {@code BOUNCED}, {@code DROPPED} or {@code
   *     SPAM_REPORT}
   * @param at when the current status was reached
   * @param error the last attempt's error while {@code RETRYING}, or why it {@code FAILED}
   * @param attempts how many times it was handed to the mail relay so far
   * @param nextAttemptAt when the next attempt runs, while {@code RETRYING}
   * @param providerReason the receiving side's words on a bounce, drop or deferral, such as "550
   *     5.1.1 mailbox does not exist"
   * @param history every status change, oldest first
   */
  public record Delivery(
      String kind,
      String subject,
      String status,
      String at,
      String error,
      String submissionId,
      int attempts,
      String nextAttemptAt,
      String providerReason,
      List<DeliveryStep> history) {}

  /**
   * Why mail to an address is held: it bounced, was dropped or reported our mail as spam. It stays
   * until a recruiter confirms or corrects the address.
   *
   * @param status {@code BOUNCED}, {@code DROPPED} or {@code SPAM_REPORT}
   * @param reason the provider's words
   */
  public record AddressFlag(String status, String reason, String flaggedAt) {}

  /**
   * The delivery log of one address, newest first.
   *
   * @param flag why mail to the address is held, or null when it is not
   */
  public record EmailDeliveries(String email, AddressFlag flag, List<Delivery> deliveries) {}

  /**
   * A file of the submitted candidate.
   *
   * @param shared whether the submission shows it to the client now
   * @param latest whether it is the newest version of its kind
   */
  public record FileInfo(
      String attachmentId,
      String filename,
      String kind,
      int version,
      boolean latest,
      boolean isPublic,
      long sizeBytes,
      String contentType,
      boolean shared) {}

  /**
   * @param newerResumeNotShared a newer public resume exists than the one the client sees
   * @param newerPublicFileNotShared for some shared file (of any kind) a public file of the same
   *     kind, newer or public where the shared one is private, is not shared yet
   */
  public record SubmissionAttachments(
      boolean found,
      String submissionId,
      String candidateName,
      List<FileInfo> files,
      boolean newerResumeNotShared,
      boolean newerPublicFileNotShared) {}

  public record ActivityEntry(
      String at, String type, String actor, boolean clientVisible, String detail) {}

  public record JobActivity(
      boolean found, String jobId, String jobTitle, List<ActivityEntry> entries) {}

  /**
   * One health signal over the recent window.
   *
   * @param systemWide whether it crosses the line where support must escalate at once
   */
  public record Signal(String name, long failures, long attempts, boolean systemWide) {}

  public record SystemHealth(int windowMinutes, List<Signal> signals, boolean systemWide) {}

  /**
   * One action of an automation run, as the run log records it.
   *
   * @param type {@code MOVE_STAGE}, {@code EMAIL}, {@code WEBHOOK}, {@code SLACK}, {@code
   *     UPDATE_DEAL} or {@code CREATE_TASK}
   * @param outcome {@code PENDING}, {@code SUCCEEDED}, {@code FAILED} or {@code SKIPPED}
   * @param error what went wrong: for a webhook or Slack action, the receiver's origin and what it
   *     answered, such as "http://hooks.example answered 500: boom"
   */
  public record AutomationActionRun(
      int index, String type, String outcome, int attempts, String error, String lastAttemptAt) {}

  /**
   * One run of a rule: the event it fired on and what each action did.
   *
   * @param event the trigger that fired it, such as {@code APPROVED}
   * @param outcome {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
   */
  public record AutomationRun(
      String runId,
      String at,
      String event,
      String jobId,
      String submissionId,
      String outcome,
      int attempts,
      String error,
      List<AutomationActionRun> actions) {}

  /**
   * A rule of the workspace with its latest runs, newest first.
   *
   * @param conditions each condition in words; empty when the rule fires on every event of its
   *     trigger
   * @param actionTypes the rule's actions in order, by type only (never their settings)
   */
  public record AutomationRuleRuns(
      String ruleId,
      String name,
      String trigger,
      boolean paused,
      List<String> conditions,
      List<String> actionTypes,
      List<AutomationRun> runs) {}

  /** The workspace's matching rules and their latest runs (of one submission, when asked). */
  public record AutomationRuns(
      String ruleNameOrId, String submissionId, List<AutomationRuleRuns> rules) {}

  // --- the client tool set: only what the portal itself would show the client ---

  public record MyJob(String jobId, String jobTitle, String clientCompany) {}

  public record MyAccess(
      String email, String name, List<MyJob> jobs, String lastLinkSentAt, String lastLinkState) {}

  public record VisibleFile(String filename, String kind, boolean downloadable) {}

  public record VisibleSubmission(
      String submissionId, String candidateName, String status, List<VisibleFile> files) {}

  public record MyJobWithCandidates(
      String jobId, String jobTitle, List<VisibleSubmission> submissions) {}

  public record MyJobs(List<MyJobWithCandidates> jobs) {}

  public record PortalStatus(boolean systemWideProblem, String summary) {}

  // --- what action tools return ---

  /** A proposed action waiting for a person to confirm it, or why none could be proposed. */
  public record Proposal(
      boolean proposed, String actionId, String kind, String summary, String reason) {

    public static Proposal refused(String kind, String reason) {
      return new Proposal(false, null, kind, null, reason);
    }
  }

  public record Escalation(boolean opened, String ticketId, String reason) {}
}
