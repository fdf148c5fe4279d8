package com.hirepilot.app.portal;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The jobs a signed-in client collaborates on, as the client sees them: the job's client-visible
 * fields and how many candidates it shows them, by status.
 *
 * <p>Each read is one read-only transaction with a fixed number of statements, however many jobs
 * the client has.
 */
@Service
class ClientJobs {

  private final ClientAccess access;
  private final JobService jobs;
  private final ClientVisibleSubmissions submissions;

  ClientJobs(ClientAccess access, JobService jobs, ClientVisibleSubmissions submissions) {
    this.access = access;
    this.jobs = jobs;
    this.submissions = submissions;
  }

  /** The client's jobs with how many candidates each shows them. */
  @Transactional(readOnly = true)
  public List<PortalViews.JobSummary> jobs() {
    return jobsOf(access.signedIn());
  }

  @Transactional(readOnly = true)
  public PortalViews.JobView job(String jobId) {
    return view(access.visibleJob(access.signedIn(), jobId));
  }

  List<PortalViews.JobSummary> jobsOf(Collaborator me) {
    List<Job> open = jobs.jobsOpenTo(me);
    Map<String, ClientVisibleSubmissions.Counts> counts =
        submissions.countsByJob(open.stream().map(Job::id).toList());
    return open.stream()
        .map(
            job ->
                summary(job, counts.getOrDefault(job.id(), ClientVisibleSubmissions.Counts.NONE)))
        .toList();
  }

  static PortalViews.JobSummary summary(Job job, ClientVisibleSubmissions.Counts c) {
    return new PortalViews.JobSummary(
        job.id(),
        job.title(),
        job.clientCompany(),
        c.total(),
        c.waiting(),
        c.interview(),
        c.approved(),
        c.rejected());
  }

  /** The description only when the agency chose to show it to clients. */
  static PortalViews.JobView view(Job job) {
    return new PortalViews.JobView(
        job.id(),
        job.title(),
        job.showDescriptionToClients() ? job.description() : null,
        job.requirements(),
        job.location(),
        job.clientCompany());
  }
}
