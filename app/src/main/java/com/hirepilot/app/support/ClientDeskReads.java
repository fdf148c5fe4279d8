package com.hirepilot.app.support;

import static com.hirepilot.app.support.DeskFindings.at;

import com.hirepilot.app.auth.LoginLinks;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.system.HealthSignals;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What REX looks up for a client: their own access, their jobs with the candidates the portal shows
 * them, whether the portal has a wide problem, and the internal texts REX must never repeat to
 * them. Kept apart from the recruiter's reads so that everything here is visibly bounded by what
 * the portal shows that one collaborator. Each database read runs in one read-only transaction.
 */
@Service
class ClientDeskReads {

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final LoginLinks links;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final ClientVisibleSubmissions visible;
  private final HealthSignals health;
  private final Clock clock;

  ClientDeskReads(
      JobService jobs,
      JobCollaborators collaborators,
      LoginLinks links,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      ClientVisibleSubmissions visible,
      HealthSignals health,
      Clock clock) {
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.links = links;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.visible = visible;
    this.health = health;
    this.clock = clock;
  }

  private Collaborator me(Caller client) {
    return collaborators
        .find(client.userId())
        .filter(Collaborator::isActive)
        .filter(c -> c.workspaceId().equals(client.workspaceId()))
        .orElseThrow(() -> new NotFoundException("Collaborator"));
  }

  @Transactional(readOnly = true)
  public Findings.MyAccess myAccess(Caller client) {
    Collaborator me = me(client);
    List<Job> mine = jobs.jobsOpenTo(me);
    Map<String, LoginLinks.History> history =
        links.historyOf(
            collaborators.byEmail(me.workspaceId(), me.email()).stream()
                .filter(Collaborator::isActive)
                .map(Collaborator::id)
                .toList());
    Optional<LoginLinks.History> latest =
        history.values().stream().max(Comparator.comparing(LoginLinks.History::lastSentAt));
    return new Findings.MyAccess(
        me.email(),
        me.displayName(),
        mine.stream().map(j -> new Findings.MyJob(j.id(), j.title(), j.clientCompany())).toList(),
        latest.map(h -> at(h.lastSentAt())).orElse(null),
        latest.map(h -> h.lastLinkState(clock.instant())).orElse("NONE"));
  }

  @Transactional(readOnly = true)
  public Findings.MyJobs myJobs(Caller client) {
    // Five statements however many jobs and candidates: the client's jobs, their visible
    // submissions with files, the candidates' names, the public files.
    List<Job> mine = jobs.jobsOpenTo(me(client));
    List<ClientVisibleSubmissions.Shown> shown =
        visible.ofJobs(mine.stream().map(Job::id).toList());
    Map<String, String> names =
        candidates.names(shown.stream().map(ClientVisibleSubmissions.Shown::candidateId).toList());
    Map<String, Attachment> files =
        candidateFiles
            .publicFiles(shown.stream().flatMap(s -> s.attachmentIds().stream()).toList())
            .stream()
            .collect(java.util.stream.Collectors.toMap(Attachment::id, a -> a));
    List<Findings.MyJobWithCandidates> out = new ArrayList<>();
    for (Job job : mine) {
      List<Findings.VisibleSubmission> subs = new ArrayList<>();
      for (ClientVisibleSubmissions.Shown s : shown) {
        if (!s.jobId().equals(job.id())) {
          continue;
        }
        List<Findings.VisibleFile> theirs =
            s.attachmentIds().stream()
                .map(files::get)
                .filter(java.util.Objects::nonNull)
                .map(
                    a ->
                        new Findings.VisibleFile(
                            a.filename(), a.kind().name().toLowerCase().replace('_', ' '), true))
                .toList();
        subs.add(
            new Findings.VisibleSubmission(
                s.id(), names.get(s.candidateId()), clientWords(s.status()), theirs));
      }
      out.add(new Findings.MyJobWithCandidates(job.id(), job.title(), subs));
    }
    return new Findings.MyJobs(out);
  }

  private static String clientWords(SubmissionStatus status) {
    return switch (status) {
      case SENDING, AWAITING_FEEDBACK -> "waiting for your feedback";
      case INTERVIEW_REQUESTED -> "you asked for an interview";
      case APPROVED -> "you approved";
      case REJECTED -> "you declined";
      case WITHDRAWN -> "withdrawn by the recruiter";
    };
  }

  public Findings.PortalStatus portalStatus(Caller client) {
    boolean wide = health.readings().stream().anyMatch(HealthSignals.Reading::systemWide);
    return new Findings.PortalStatus(
        wide,
        wide
            ? "The portal has a problem affecting many clients right now; the support team is"
                + " being told."
            : "No known portal-wide problem right now.");
  }

  @Transactional(readOnly = true)
  public List<String> internalTextsFor(Caller client) {
    List<String> jobIds = jobs.jobsOpenTo(me(client)).stream().map(Job::id).toList();
    List<String> candidateIds =
        visible.ofJobs(jobIds).stream().map(ClientVisibleSubmissions.Shown::candidateId).toList();
    List<String> out = new ArrayList<>();
    for (String text : candidates.internalTexts(candidateIds)) {
      out.add(text);
      // Each line of a note too, so that a quoted line is caught as well as the whole note.
      out.addAll(List.of(text.split("\\R")));
    }
    out.removeIf(t -> t.strip().length() < 4);
    return out;
  }
}
