package com.hirepilot.app.portal;

import com.hirepilot.app.auth.PortalClient;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.system.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a signed-in client can reach, checked against the database on every call: the session
 * names a collaborator, the collaborator must still be active, and a job is visible only while the
 * same person is an active collaborator on it. Every portal read and action starts here.
 *
 * <p>The checks open no transaction of their own: they run inside the read that calls them, so a
 * portal page under load never holds one pooled connection while asking for another.
 */
@Component
class ClientAccess {

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final ClientVisibleSubmissions submissions;

  ClientAccess(
      JobService jobs, JobCollaborators collaborators, ClientVisibleSubmissions submissions) {
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.submissions = submissions;
  }

  /** Who is signed in, as the JSON API answers it. */
  @Transactional(readOnly = true)
  public PortalViews.Session session() {
    return session(signedIn());
  }

  Collaborator signedIn() {
    return PortalClient.collaboratorId()
        .flatMap(collaborators::find)
        .filter(Collaborator::isActive)
        .orElseThrow(PortalSessionEnded::new);
  }

  /**
   * The collaborator an open event stream was opened for, checked as a request would be.
   *
   * @throws PortalSessionEnded once they are removed or no longer active
   */
  Collaborator stillActive(String collaboratorId) {
    return collaborators
        .find(collaboratorId)
        .filter(Collaborator::isActive)
        .orElseThrow(PortalSessionEnded::new);
  }

  Job visibleJob(Collaborator me, String jobId) {
    return jobs.jobOpenTo(me, jobId).orElseThrow(() -> new NotFoundException("Job"));
  }

  /** The job is derived from the submission on the server, never taken from the request. */
  ClientVisibleSubmissions.Shown visibleSubmission(Collaborator me, String submissionId) {
    ClientVisibleSubmissions.Shown shown =
        submissions.one(submissionId).orElseThrow(() -> new NotFoundException("Submission"));
    if (jobs.jobOpenTo(me, shown.jobId()).isEmpty()) {
      throw new NotFoundException("Submission");
    }
    return shown;
  }

  static PortalViews.Session session(Collaborator me) {
    return new PortalViews.Session(new PortalViews.Person(me.displayName(), me.email()));
  }
}
