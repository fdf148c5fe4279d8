package com.hirepilot.app.candidate;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Creates candidates and edits what the agency knows of them: their profile and internal notes. */
@Service
public class CandidateProfiles {

  private final Candidates candidates;
  private final CandidateDirectory directory;
  private final CandidateFiles files;
  private final CandidateNotes notes;
  private final Validator validator;
  private final Clock clock;

  CandidateProfiles(
      Candidates candidates,
      CandidateDirectory directory,
      CandidateFiles files,
      CandidateNotes notes,
      Validator validator,
      Clock clock) {
    this.candidates = candidates;
    this.directory = directory;
    this.files = files;
    this.notes = notes;
    this.validator = validator;
    this.clock = clock;
  }

  /** A field of a profile that breaks one of {@link CandidateProfile}'s rules, and why. */
  public record FieldProblem(String field, String message) {}

  /**
   * What is wrong with a profile under the rules the API applies to a new candidate's JSON, in
   * field order (the CSV import's column order), so the first is the one a person is shown.
   */
  public List<FieldProblem> problems(CandidateProfile p) {
    return validator.validate(p).stream()
        .map(
            v -> {
              String field = column(v.getPropertyPath().toString());
              return new FieldProblem(field, field + " " + v.getMessage());
            })
        .sorted(
            Comparator.comparingInt(problem -> CandidateImport.COLUMNS.indexOf(problem.field())))
        .toList();
  }

  /**
   * Checks a profile typed into a form with the rules the API applies to a new candidate's JSON.
   *
   * @throws InvalidInputException naming the first field in error (in field order)
   */
  public void check(CandidateProfile p) {
    List<FieldProblem> problems = problems(p);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.get(0).field(), problems.get(0).message());
    }
  }

  /** The field a violation is about: a skill's violation ("skills[2]") is the skills field. */
  private static String column(String propertyPath) {
    int bracket = propertyPath.indexOf('[');
    return bracket < 0 ? propertyPath : propertyPath.substring(0, bracket);
  }

  /**
   * Creates a candidate and, if a file is given, stores it as their first file, in one transaction:
   * a refused file leaves no candidate behind.
   */
  @Transactional
  public Candidate createWithFile(
      String workspaceId,
      CandidateProfile p,
      MultipartFile file,
      Attachment.Kind kind,
      boolean isPublic) {
    check(p);
    Candidate created = create(workspaceId, p);
    if (file != null && !file.isEmpty()) {
      files.attach(workspaceId, created.id(), file, kind, isPublic);
    }
    return created;
  }

  /** Creates all of these candidates, or none: one transaction. */
  @Transactional
  public List<Candidate> createAll(String workspaceId, List<CandidateProfile> profiles) {
    return profiles.stream().map(p -> create(workspaceId, p)).toList();
  }

  /** Changes the fields given; null leaves a field as it is. */
  @Transactional
  public Candidate update(String workspaceId, String candidateId, CandidateProfile edit) {
    Candidate c = directory.get(workspaceId, candidateId);
    return candidates.save(
        new Candidate(
            c.id(),
            c.workspaceId(),
            edit.name() == null ? c.name() : edit.name().trim(),
            edit.title() == null ? c.title() : edit.title(),
            edit.currentCompany() == null ? c.currentCompany() : edit.currentCompany(),
            edit.skills() == null
                ? c.skills()
                : edit.skills().stream().map(String::trim).map(Candidate.Skill::new).toList(),
            edit.summary() == null ? c.summary() : edit.summary(),
            edit.email() == null ? c.email() : edit.email(),
            edit.phone() == null ? c.phone() : edit.phone(),
            edit.internalNotes() == null ? c.internalNotes() : edit.internalNotes(),
            c.version(),
            c.createdAt()));
  }

  /** The candidate's internal notes, newest first (never shown to clients). */
  @Transactional(readOnly = true)
  public List<CandidateNote> notesOf(String workspaceId, String candidateId) {
    directory.get(workspaceId, candidateId);
    return notes.findByCandidateIdOrderByCreatedAtDescIdDesc(candidateId);
  }

  /** Adds an internal note (never shown to clients). */
  @Transactional
  public CandidateNote addNote(
      String workspaceId, String candidateId, String recruiterId, String author, String body) {
    Candidate c = directory.get(workspaceId, candidateId);
    return notes.save(
        new CandidateNote(
            Ids.next(), workspaceId, c.id(), recruiterId, author, body, null, clock.instant()));
  }

  Candidate create(String workspaceId, CandidateProfile p) {
    return create(
        workspaceId,
        p.name(),
        p.title(),
        p.currentCompany(),
        p.skillsOrNone(),
        p.summary(),
        p.email(),
        p.phone(),
        p.internalNotes());
  }

  public Candidate create(
      String workspaceId,
      String name,
      String title,
      String currentCompany,
      List<String> skills,
      String summary,
      String email,
      String phone,
      String internalNotes) {
    return candidates.save(
        new Candidate(
            Ids.next(),
            workspaceId,
            name.trim(),
            title,
            currentCompany,
            skills.stream().map(String::trim).map(Candidate.Skill::new).toList(),
            summary,
            email,
            phone,
            internalNotes,
            null,
            clock.instant()));
  }
}
