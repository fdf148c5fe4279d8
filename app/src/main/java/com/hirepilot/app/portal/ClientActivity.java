package com.hirepilot.app.portal;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivity;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A job's activity as its client sees it: the client-visible lines, newest first, each with its
 * candidate's status now, for the JSON API, the pages and the live event stream.
 *
 * <p>Each read is one read-only transaction with a fixed number of statements, however long the log
 * is; an event stream's push is one such read too, and holds no connection between pushes.
 */
@Service
class ClientActivity {

  private final ClientAccess access;
  private final ClientVisibleSubmissions submissions;
  private final JobActivityLog activityLog;

  ClientActivity(
      ClientAccess access, ClientVisibleSubmissions submissions, JobActivityLog activityLog) {
    this.access = access;
    this.submissions = submissions;
    this.activityLog = activityLog;
  }

  @Transactional(readOnly = true)
  public List<PortalViews.ActivityView> activity(String jobId) {
    Job job = access.visibleJob(access.signedIn(), jobId);
    return activityOf(job, submissions.ofJob(job.id()));
  }

  /**
   * Where an event stream opens: who watches, and the place in the job's log the page has seen up
   * to.
   *
   * @param seenUpTo when the last line the page has was written, if it names a line of the job
   */
  record Watch(String collaboratorId, Optional<Instant> seenUpTo) {}

  /**
   * Checks the signed-in client may watch the job's events.
   *
   * @param after the last line the page has, or null
   */
  @Transactional(readOnly = true)
  public Watch watch(String jobId, String after) {
    Collaborator me = access.signedIn();
    Job job = access.visibleJob(me, jobId);
    return new Watch(
        me.id(),
        after == null ? Optional.empty() : activityLog.clientVisibleLineAt(job.id(), after));
  }

  /**
   * The job's client-visible activity for an open event stream, checked as a request would be: the
   * collaborator must still be active and still on the job.
   *
   * @throws PortalSessionEnded or {@link NotFoundException} once they may no longer see it
   */
  @Transactional(readOnly = true)
  public List<PortalViews.ActivityView> activityFor(String collaboratorId, String jobId) {
    Collaborator me = access.stillActive(collaboratorId);
    Job job = access.visibleJob(me, jobId);
    return activityOf(job, submissions.ofJob(job.id()));
  }

  /** Newest first, each line with its candidate's status now. */
  List<PortalViews.ActivityView> activityOf(Job job, List<ClientVisibleSubmissions.Shown> shown) {
    // A withdrawn candidate disappears from the portal, their history included.
    Set<String> withdrawn = submissions.withdrawnOf(job.id());
    Map<String, SubmissionStatus> statuses =
        shown.stream()
            .collect(
                Collectors.toMap(
                    ClientVisibleSubmissions.Shown::id,
                    ClientVisibleSubmissions.Shown::status,
                    (a, b) -> a));
    List<JobActivity> lines = new ArrayList<>(activityLog.clientVisibleForJob(job.id()));
    Collections.reverse(lines);
    return lines.stream()
        .filter(a -> a.submissionId() == null || !withdrawn.contains(a.submissionId()))
        .map(
            a -> {
              SubmissionStatus status =
                  a.submissionId() == null ? null : statuses.get(a.submissionId());
              return activityView(a, status);
            })
        .toList();
  }

  /** Newest first, the lines of one candidate the client can see. */
  List<PortalViews.ActivityView> activityOfCandidate(
      Job job, ClientVisibleSubmissions.Shown shown) {
    // Only this candidate's lines: they are visible, so no withdrawn ones to leave out.
    List<JobActivity> lines = new ArrayList<>(activityLog.clientVisibleForJob(job.id()));
    Collections.reverse(lines);
    return lines.stream()
        .filter(a -> shown.id().equals(a.submissionId()))
        .map(a -> activityView(a, shown.status()))
        .toList();
  }

  private static PortalViews.ActivityView activityView(JobActivity a, SubmissionStatus status) {
    return new PortalViews.ActivityView(
        a.id(),
        a.at(),
        a.type().name(),
        a.actor(),
        a.detail(),
        a.submissionId(),
        status,
        status == null ? null : PortalLabels.status(status));
  }
}
