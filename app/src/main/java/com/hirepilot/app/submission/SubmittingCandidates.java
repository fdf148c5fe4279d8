package com.hirepilot.app.submission;

import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateService;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobActivityLog;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.WorkspaceSettings;
import com.hirepilot.workflows.submission.PipelineStage;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A recruiter puts a candidate in front of a job's clients. */
@Service
public class SubmittingCandidates {

  private static final Set<SubmissionStatus> OPEN =
      EnumSet.of(
          SubmissionStatus.SENDING,
          SubmissionStatus.AWAITING_FEEDBACK,
          SubmissionStatus.INTERVIEW_REQUESTED);

  private final JobService jobs;
  private final CandidateService candidates;
  private final WorkspaceSettings settings;
  private final Submissions submissions;
  private final SubmissionTimeline timeline;
  private final PipelineStages pipeline;
  private final JobActivityLog activityLog;
  private final SubmissionWorkflows workflows;
  private final Clock clock;

  SubmittingCandidates(
      JobService jobs,
      CandidateService candidates,
      WorkspaceSettings settings,
      Submissions submissions,
      SubmissionTimeline timeline,
      PipelineStages pipeline,
      JobActivityLog activityLog,
      SubmissionWorkflows workflows,
      Clock clock) {
    this.jobs = jobs;
    this.candidates = candidates;
    this.settings = settings;
    this.submissions = submissions;
    this.timeline = timeline;
    this.pipeline = pipeline;
    this.activityLog = activityLog;
    this.workflows = workflows;
    this.clock = clock;
  }

  /**
   * Records the submission and starts its workflow in one transaction: if the workflow cannot be
   * started, nothing is written. Everything is checked before anything is: the job (404), the
   * candidate and the files (422), a collaborator to send to (422), no open submission of the
   * candidate for the job already (409).
   */
  @Transactional
  public Submission submit(
      CurrentRecruiter recruiter,
      String jobId,
      String candidateId,
      String message,
      List<String> attachmentIds) {
    Job job = jobs.get(recruiter.workspaceId(), jobId);
    Candidate candidate =
        candidates
            .find(candidateId)
            .filter(c -> c.workspaceId().equals(recruiter.workspaceId()))
            .orElseThrow(() -> new InvalidInputException("candidateId", "no such candidate"));
    List<String> shown = candidates.filesOf(recruiter.workspaceId(), candidate.id(), attachmentIds);
    if (jobs.activeCollaboratorsOf(job.id()).isEmpty()) {
      throw new InvalidInputException(
          "jobId", "the job has no active collaborators to send the submission to; add one first");
    }
    if (submissions.existsByJobIdAndCandidateIdAndStatusIn(job.id(), candidate.id(), OPEN)) {
      throw new ConflictException(
          "This candidate already has an open submission for this job; resend it instead");
    }
    Instant now = clock.instant();
    Submission submission =
        submissions.save(
            Submission.submitted(
                Ids.next(),
                recruiter,
                job.id(),
                candidate.id(),
                message,
                shown,
                settings.reminderSchedule(recruiter.workspaceId()),
                now));
    timeline.append(
        StepKey.submitted(submission.id()),
        submission.id(),
        SubmissionEventType.SUBMITTED,
        recruiter.name(),
        null,
        now);
    pipeline.move(job.id(), candidate.id(), PipelineStage.SUBMITTED, now);
    activityLog.append(
        StepKey.submittedActivity(submission.id()).value(),
        job.id(),
        submission.id(),
        SubmissionEventType.SUBMITTED,
        recruiter.name(),
        true,
        candidate.name() + " was submitted",
        now);
    workflows.start(submission);
    return submission;
  }
}
