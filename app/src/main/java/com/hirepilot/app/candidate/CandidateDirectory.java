package com.hirepilot.app.candidate;

import com.hirepilot.app.system.NotFoundException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds candidates for the other features: one at a time, or many at once in a constant number of
 * statements. Reads only; creating and editing them is {@link CandidateProfiles}' work.
 */
@Service
public class CandidateDirectory {

  private final Candidates candidates;
  private final CandidateReads reads;

  CandidateDirectory(Candidates candidates, CandidateReads reads) {
    this.candidates = candidates;
    this.reads = reads;
  }

  public Candidate get(String workspaceId, String candidateId) {
    return candidates
        .findByIdAndWorkspaceId(candidateId, workspaceId)
        .orElseThrow(() -> new NotFoundException("Candidate"));
  }

  /** The candidate, whatever workspace it is in: for work already scoped, such as a workflow's. */
  public Optional<Candidate> find(String candidateId) {
    return candidates.findById(candidateId);
  }

  /** What clients may see of each candidate, by ID, in two statements whatever their number. */
  public Map<String, CandidateCard> cards(Collection<String> candidateIds) {
    return reads.cards(candidateIds);
  }

  /**
   * The email, phone and internal notes of these candidates, in one statement: the text REX checks
   * every answer to a client against.
   */
  public List<String> internalTexts(Collection<String> candidateIds) {
    return reads.internalTexts(candidateIds);
  }

  /** Each candidate's name by ID, in one statement. */
  public Map<String, String> names(Collection<String> candidateIds) {
    return reads.names(candidateIds);
  }

  /** Which of these IDs name candidates of the workspace, in one statement. */
  public Set<String> existingIn(String workspaceId, Collection<String> candidateIds) {
    return reads.inWorkspace(workspaceId, candidateIds);
  }

  @Transactional(readOnly = true)
  CandidateReads.Page search(String workspaceId, String q, int limit, int offset) {
    return reads.search(workspaceId, q, limit, offset);
  }

  /** A candidate as the console's list shows them. */
  public record Listed(
      String id,
      String name,
      String title,
      String currentCompany,
      List<String> skills,
      int resumeVersions,
      Instant createdAt) {}

  /** One page of a search, and how many candidates match in all. */
  public record Listing(int total, List<Listed> candidates) {}

  /**
   * The workspace's candidates whose name, title, company or a skill contains {@code q}, newest
   * first, with their resume version counts: four statements whatever the page size.
   */
  @Transactional(readOnly = true)
  public Listing list(String workspaceId, String q, int limit, int offset) {
    CandidateReads.Page page = reads.search(workspaceId, q, limit, offset);
    Map<String, Integer> resumes =
        reads.resumeCounts(page.candidates().stream().map(CandidateReads.Found::id).toList());
    return new Listing(
        page.total(),
        page.candidates().stream()
            .map(
                f ->
                    new Listed(
                        f.id(),
                        f.name(),
                        f.title(),
                        f.currentCompany(),
                        f.skills(),
                        resumes.getOrDefault(f.id(), 0),
                        f.createdAt()))
            .toList());
  }

  /** A candidate a recruiter can pick to submit, with the files a client could be shown. */
  public record Choice(
      String id, String name, String title, String currentCompany, List<Attachment> publicFiles) {}

  /**
   * The workspace's newest candidates (at most {@code limit}) with their public files, newest
   * first: four statements whatever their number.
   */
  @Transactional(readOnly = true)
  public List<Choice> choices(String workspaceId, int limit) {
    List<CandidateReads.Found> found = reads.search(workspaceId, null, limit, 0).candidates();
    Map<String, List<Attachment>> files =
        reads.publicFilesOf(found.stream().map(CandidateReads.Found::id).toList()).stream()
            .collect(Collectors.groupingBy(Attachment::candidateId));
    return found.stream()
        .map(
            c ->
                new Choice(
                    c.id(),
                    c.name(),
                    c.title(),
                    c.currentCompany(),
                    files.getOrDefault(c.id(), List.of())))
        .toList();
  }
}
