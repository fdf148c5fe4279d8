package com.hirepilot.app.portal;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.AgencyBrand;
import com.hirepilot.app.workspace.AgencyBrands;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each server-rendered portal page shows, read at once: the page frame (who is signed in, in
 * their agency's brand) and the page's jobs, candidates and activity.
 *
 * <p>Each page is one read-only transaction with a fixed number of statements, however many
 * candidates the job has: a portal page under load never holds one pooled connection while asking
 * for another.
 */
@Service
class ClientPages {

  private final ClientAccess access;
  private final ClientJobs clientJobs;
  private final ClientCandidates clientCandidates;
  private final ClientActivity clientActivity;
  private final JobService jobs;
  private final ClientVisibleSubmissions submissions;
  private final AgencyBrands brands;

  ClientPages(
      ClientAccess access,
      ClientJobs clientJobs,
      ClientCandidates clientCandidates,
      ClientActivity clientActivity,
      JobService jobs,
      ClientVisibleSubmissions submissions,
      AgencyBrands brands) {
    this.access = access;
    this.clientJobs = clientJobs;
    this.clientCandidates = clientCandidates;
    this.clientActivity = clientActivity;
    this.jobs = jobs;
    this.submissions = submissions;
    this.brands = brands;
  }

  /** What the portal's home page shows: who is signed in, their agency, and their jobs. */
  record HomePage(
      PortalViews.Session session, PortalViews.Brand brand, List<PortalViews.JobSummary> jobs) {}

  /** Everything the job page shows, read at once. */
  record JobPage(
      PortalViews.Session session,
      PortalViews.Brand brand,
      PortalViews.JobView job,
      PortalViews.JobSummary counts,
      List<PortalViews.SubmissionView> submissions,
      List<PortalViews.ActivityView> activity) {}

  /** Everything the candidate page shows, read at once. */
  record CandidatePage(
      PortalViews.Session session,
      PortalViews.Brand brand,
      PortalViews.JobView job,
      PortalViews.SubmissionDetail submission,
      List<PortalViews.ActivityView> activity) {}

  /** The page frame of pages that show no job: who is signed in, and their agency. */
  record Frame(PortalViews.Session session, PortalViews.Brand brand) {}

  @Transactional(readOnly = true)
  public Frame frame() {
    Collaborator me = access.signedIn();
    return new Frame(ClientAccess.session(me), brand(me));
  }

  @Transactional(readOnly = true)
  public HomePage homePage() {
    Collaborator me = access.signedIn();
    return new HomePage(ClientAccess.session(me), brand(me), clientJobs.jobsOf(me));
  }

  @Transactional(readOnly = true)
  public JobPage jobPage(String jobId) {
    Collaborator me = access.signedIn();
    Job job = access.visibleJob(me, jobId);
    List<ClientVisibleSubmissions.Shown> shown = submissions.ofJob(job.id());
    List<PortalViews.SubmissionView> cards = new ArrayList<>(clientCandidates.views(shown));
    // The candidates waiting for the client come first: they are the reason to open the page.
    cards.sort(Comparator.comparingInt(s -> ClientVisibleSubmissions.Counts.slotOf(s.status())));
    return new JobPage(
        ClientAccess.session(me),
        brand(me),
        ClientJobs.view(job),
        ClientJobs.summary(
            job,
            ClientVisibleSubmissions.Counts.of(
                cards.stream().map(PortalViews.SubmissionView::status).toList())),
        cards,
        clientActivity.activityOf(job, shown));
  }

  @Transactional(readOnly = true)
  public CandidatePage candidatePage(String submissionId) {
    Collaborator me = access.signedIn();
    ClientVisibleSubmissions.Shown shown =
        submissions.one(submissionId).orElseThrow(() -> new NotFoundException("Submission"));
    Job job =
        jobs.jobOpenTo(me, shown.jobId()).orElseThrow(() -> new NotFoundException("Submission"));
    PortalViews.SubmissionDetail detail = clientCandidates.details(List.of(shown)).get(0);
    List<PortalViews.ActivityView> activity = clientActivity.activityOfCandidate(job, shown);
    return new CandidatePage(
        ClientAccess.session(me), brand(me), ClientJobs.view(job), detail, activity);
  }

  /**
   * The job of a candidate the agency withdrew, if the client may see that job: the page then
   * explains why the candidate is gone instead of a bare "not found".
   */
  @Transactional(readOnly = true)
  public Optional<PortalViews.JobView> jobOfWithdrawn(String submissionId) {
    Collaborator me = access.signedIn();
    return submissions
        .withdrawnJobOf(submissionId)
        .flatMap(jobId -> jobs.jobOpenTo(me, jobId))
        .map(ClientJobs::view);
  }

  private PortalViews.Brand brand(Collaborator me) {
    AgencyBrand brand = brands.of(me.workspaceId());
    return new PortalViews.Brand(brand.name(), brand.colour(), brand.themePath(), brand.logoPath());
  }
}
