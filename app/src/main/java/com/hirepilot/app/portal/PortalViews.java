package com.hirepilot.app.portal;

import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Instant;
import java.util.List;

/**
 * What clients may see, and nothing else. Portal controllers return only these records, never
 * domain types (an architecture test holds them to it).
 */
final class PortalViews {

  private PortalViews() {}

  record Session(Person collaborator) {}

  record Person(String name, String email) {}

  /**
   * The agency as its client sees it: the name on every page, the accent colour, and the links to
   * its stylesheet and logo (null without one).
   */
  record Brand(String name, String colour, String themePath, String logoPath) {}

  /**
   * @param submissionCount every candidate the client sees on the job
   * @param waiting candidates waiting for the client's feedback
   * @param interview candidates the client asked to interview
   */
  record JobSummary(
      String id,
      String title,
      String clientCompany,
      int submissionCount,
      int waiting,
      int interview,
      int approved,
      int rejected) {}

  /**
   * @param description null unless the recruiter chose to show it to clients
   */
  record JobView(
      String id,
      String title,
      String description,
      String requirements,
      String location,
      String clientCompany) {}

  record CandidateCard(
      String name, String title, String currentCompany, List<String> skills, String summary) {}

  /**
   * @param kind {@code RESUME}, {@code COVER_LETTER} or {@code OTHER}; {@code kindLabel} says it in
   *     words
   * @param preview how the page can show the file inline: {@code pdf}, {@code image} or {@code
   *     none}
   */
  record AttachmentView(
      String id,
      String filename,
      String kind,
      String kindLabel,
      String contentType,
      long size,
      String preview) {}

  /**
   * @param message the recruiter's latest message
   * @param statusLabel the status in words, as the pages say it
   */
  record SubmissionView(
      String id,
      CandidateCard candidate,
      String message,
      Instant submittedAt,
      SubmissionStatus status,
      String statusLabel,
      List<AttachmentView> attachments) {}

  /**
   * One line of a submission's thread.
   *
   * @param fromAgency whether the agency wrote it (the submission, its updates, replies)
   */
  record ThreadEntry(Instant at, String type, String author, String body, boolean fromAgency) {}

  record SubmissionDetail(
      String id,
      String jobId,
      CandidateCard candidate,
      String message,
      Instant submittedAt,
      SubmissionStatus status,
      String statusLabel,
      List<AttachmentView> attachments,
      List<ThreadEntry> thread) {}

  record DecisionResult(SubmissionStatus status) {}

  record CommentView(String id, Instant at, String author, String body) {}

  /**
   * @param submissionId the candidate it is about, or null for the job as a whole
   * @param status that candidate's status now, for the live page to update its badge
   */
  record ActivityView(
      String id,
      Instant at,
      String type,
      String actor,
      String detail,
      String submissionId,
      SubmissionStatus status,
      String statusLabel) {}

  /** A file a client may open, located on the server: never a path the client chose. */
  record FileToSend(String filename, String contentType, long size, String storageName) {}
}
