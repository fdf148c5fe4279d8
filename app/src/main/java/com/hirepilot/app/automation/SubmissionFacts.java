package com.hirepilot.app.automation;

import java.util.Optional;

/**
 * What rules read about a submission, provided by the submission feature (which owns those tables):
 * the port points this way so that automation never depends on submission, which calls it.
 */
public interface SubmissionFacts {

  /**
   * @param decision the client's recorded decision (APPROVE, REJECT, REQUEST_INTERVIEW), or null
   * @param reason the client's reason for it, or null; untrusted text
   * @param stage the candidate's current pipeline stage for the job, or null
   */
  record Facts(
      String workspaceId,
      String jobId,
      String candidateId,
      String decision,
      String reason,
      String stage) {}

  Optional<Facts> of(String submissionId);
}
