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

  record JobSummary(String id, String title, String clientCompany, int submissionCount) {}

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

  record AttachmentView(String id, String filename, String kind, String contentType, long size) {}

  record SubmissionView(
      String id,
      CandidateCard candidate,
      String message,
      Instant submittedAt,
      SubmissionStatus status,
      List<AttachmentView> attachments) {}

  record ThreadEntry(Instant at, String type, String author, String body) {}

  record SubmissionDetail(
      String id,
      CandidateCard candidate,
      String message,
      Instant submittedAt,
      SubmissionStatus status,
      List<AttachmentView> attachments,
      List<ThreadEntry> thread) {}

  record DecisionResult(SubmissionStatus status) {}

  record CommentView(String id, Instant at, String author, String body) {}

  record ActivityView(Instant at, String type, String actor, String detail) {}
}
