package com.hirepilot.app.portal;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateCard;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidates a job shows its client, as the client sees them: the card, the public files, and
 * the thread of messages, decisions and comments.
 *
 * <p>Each read is one read-only transaction with a fixed number of statements, however many
 * candidates the job has.
 */
@Service
class ClientCandidates {

  private final ClientAccess access;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final ClientVisibleSubmissions submissions;

  ClientCandidates(
      ClientAccess access,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      ClientVisibleSubmissions submissions) {
    this.access = access;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.submissions = submissions;
  }

  @Transactional(readOnly = true)
  public List<PortalViews.SubmissionView> submissionsOf(String jobId) {
    Job job = access.visibleJob(access.signedIn(), jobId);
    return views(submissions.ofJob(job.id()));
  }

  @Transactional(readOnly = true)
  public PortalViews.SubmissionDetail submission(String submissionId) {
    return details(List.of(access.visibleSubmission(access.signedIn(), submissionId))).get(0);
  }

  /** The cards, with their public files, of these submissions: three statements for any number. */
  List<PortalViews.SubmissionView> views(List<ClientVisibleSubmissions.Shown> shown) {
    Map<String, CandidateCard> cards =
        candidates.cards(shown.stream().map(ClientVisibleSubmissions.Shown::candidateId).toList());
    Map<String, Attachment> files =
        candidateFiles
            .publicFiles(shown.stream().flatMap(s -> s.attachmentIds().stream()).toList())
            .stream()
            .collect(Collectors.toMap(Attachment::id, Function.identity(), (a, b) -> a));
    return shown.stream()
        .map(
            s -> {
              CandidateCard c = cards.get(s.candidateId());
              return new PortalViews.SubmissionView(
                  s.id(),
                  new PortalViews.CandidateCard(
                      c.name(), c.title(), c.currentCompany(), c.skills(), c.summary()),
                  s.message(),
                  s.submittedAt(),
                  s.status(),
                  PortalLabels.status(s.status()),
                  s.attachmentIds().stream()
                      .map(files::get)
                      .filter(Objects::nonNull)
                      .map(ClientCandidates::attachment)
                      .toList());
            })
        .toList();
  }

  private static PortalViews.AttachmentView attachment(Attachment a) {
    return new PortalViews.AttachmentView(
        a.id(),
        a.filename(),
        a.kind().name(),
        PortalLabels.kind(a.kind()),
        a.contentType(),
        a.size(),
        PortalLabels.preview(a.contentType()));
  }

  List<PortalViews.SubmissionDetail> details(List<ClientVisibleSubmissions.Shown> shown) {
    Map<String, ClientVisibleSubmissions.Thread> threads =
        submissions.threads(shown.stream().map(ClientVisibleSubmissions.Shown::id).toList());
    Map<String, ClientVisibleSubmissions.Shown> byId =
        shown.stream()
            .collect(Collectors.toMap(ClientVisibleSubmissions.Shown::id, s -> s, (a, b) -> a));
    return views(shown).stream()
        .map(
            view -> {
              ClientVisibleSubmissions.Shown s = byId.get(view.id());
              return new PortalViews.SubmissionDetail(
                  view.id(),
                  s.jobId(),
                  view.candidate(),
                  view.message(),
                  view.submittedAt(),
                  view.status(),
                  view.statusLabel(),
                  view.attachments(),
                  thread(s, threads.get(view.id())));
            })
        .toList();
  }

  /**
   * The recruiter's first message and each update, the client's decisions and both sides' comments,
   * oldest first.
   */
  private static List<PortalViews.ThreadEntry> thread(
      ClientVisibleSubmissions.Shown shown, ClientVisibleSubmissions.Thread thread) {
    List<PortalViews.ThreadEntry> entries = new ArrayList<>();
    entries.add(
        new PortalViews.ThreadEntry(
            shown.submittedAt(), "SUBMITTED", "Your recruiter", shown.firstMessage(), true));
    thread.updates().stream()
        .map(
            u ->
                new PortalViews.ThreadEntry(
                    u.at(),
                    "UPDATED",
                    u.actor(),
                    u.message() != null
                        ? u.message()
                        : u.filesChanged()
                            ? "The candidate's files were updated."
                            : "The submission was sent again.",
                    true))
        .forEach(entries::add);
    thread.events().stream()
        .map(
            t -> new PortalViews.ThreadEntry(t.at(), t.type().name(), t.actor(), t.detail(), false))
        .forEach(entries::add);
    thread.comments().stream()
        .map(
            c ->
                new PortalViews.ThreadEntry(
                    c.at(),
                    c.fromRecruiter() ? "REPLIED" : "COMMENTED",
                    c.author(),
                    c.body(),
                    c.fromRecruiter()))
        .forEach(entries::add);
    entries.sort(Comparator.comparing(PortalViews.ThreadEntry::at));
    return entries;
  }
}
