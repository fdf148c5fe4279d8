package com.hirepilot.app.console;

import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.candidate.CandidateImport;
import com.hirepilot.app.candidate.CandidateProfiles;
import com.hirepilot.app.console.ConsoleCandidatesController.ProfileForm;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The two candidate pages as the console's candidate controllers show them: the list and one
 * candidate's page, each shown on its own or again with a refused form's message and values.
 */
// Not transactional on purpose: a page shown by a GET handler reads in that handler's transaction,
// one shown again after a refused form reads as the refusing handler does, without one.
@Component
class ConsoleCandidatePages {

  static final int PAGE_SIZE = 50;

  private final CandidateDirectory candidates;
  private final CandidateProfiles candidateProfiles;
  private final CandidateFiles candidateFiles;
  private final SubmissionOverview submissions;

  ConsoleCandidatePages(
      CandidateDirectory candidates,
      CandidateProfiles candidateProfiles,
      CandidateFiles candidateFiles,
      SubmissionOverview submissions) {
    this.candidates = candidates;
    this.candidateProfiles = candidateProfiles;
    this.candidateFiles = candidateFiles;
    this.submissions = submissions;
  }

  /** The list of candidates, searched and paged, with the create and import forms. */
  String list(String q, int page, Model model) {
    String search = q == null ? null : UserText.clean("q", q).strip();
    if (search != null && search.length() > 200) {
      search = search.substring(0, 200);
    }
    int current = Math.max(0, Math.min(page, 20_000));
    String workspaceId = CurrentRecruiter.get().workspaceId();
    CandidateDirectory.Listing listing =
        candidates.list(workspaceId, search, PAGE_SIZE, current * PAGE_SIZE);
    Map<String, Integer> submittedTo =
        submissions.jobCountsOf(
            workspaceId, listing.candidates().stream().map(CandidateDirectory.Listed::id).toList());
    model.addAttribute("q", search);
    model.addAttribute("page", current);
    model.addAttribute("pageSize", PAGE_SIZE);
    model.addAttribute("listing", listing);
    model.addAttribute("submittedTo", submittedTo);
    model.addAttribute("columns", String.join(",", CandidateImport.COLUMNS));
    model.addAttribute("maxImportKb", CandidateImport.MAX_BYTES / 1024);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ProfileForm.EMPTY);
    }
    return "console/candidates";
  }

  /** One candidate: profile, files, internal notes and submissions, with their forms. */
  String candidate(String candidateId, Model model) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    Candidate candidate = candidates.get(workspaceId, candidateId);
    model.addAttribute("candidate", candidate);
    model.addAttribute("files", candidateFiles.filesNewestFirst(workspaceId, candidateId));
    model.addAttribute("notes", candidateProfiles.notesOf(workspaceId, candidateId));
    model.addAttribute("submissions", submissions.ofCandidate(workspaceId, candidateId));
    model.addAttribute("sizes", FileSizes.INSTANCE);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ProfileForm.of(candidate));
    }
    return "console/candidate";
  }
}
