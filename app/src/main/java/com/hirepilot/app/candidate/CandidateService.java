package com.hirepilot.app.candidate;

import com.hirepilot.app.files.FileStore;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/** Creates candidates and stores their files. */
@Service
public class CandidateService {

  private static final Tika TIKA = new Tika();

  private final Candidates candidates;
  private final CandidateReads reads;
  private final Attachments attachments;
  private final FileStore files;
  private final CandidateNotes notes;
  private final Validator validator;
  private final Clock clock;

  CandidateService(
      Candidates candidates,
      CandidateReads reads,
      Attachments attachments,
      FileStore files,
      CandidateNotes notes,
      Validator validator,
      Clock clock) {
    this.candidates = candidates;
    this.reads = reads;
    this.attachments = attachments;
    this.files = files;
    this.notes = notes;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Checks a profile typed into a form with the rules the API applies to a new candidate's JSON.
   *
   * @throws InvalidInputException naming the first field in error (in field order)
   */
  public void check(Profile p) {
    CandidateController.NewCandidate candidate =
        new CandidateController.NewCandidate(
            p.name(),
            p.title(),
            p.currentCompany(),
            p.skills(),
            p.summary(),
            p.email(),
            p.phone(),
            p.internalNotes());
    validator.validate(candidate).stream()
        .min(
            java.util.Comparator.comparingInt(
                v -> CandidateImport.COLUMNS.indexOf(column(v.getPropertyPath().toString()))))
        .ifPresent(
            v -> {
              String field = column(v.getPropertyPath().toString());
              throw new InvalidInputException(field, field + " " + v.getMessage());
            });
  }

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
      String workspaceId, Profile p, MultipartFile file, Attachment.Kind kind, boolean isPublic) {
    check(p);
    Candidate created =
        create(
            workspaceId,
            p.name(),
            p.title(),
            p.currentCompany(),
            p.skills() == null ? List.of() : p.skills(),
            p.summary(),
            p.email(),
            p.phone(),
            p.internalNotes());
    if (file != null && !file.isEmpty()) {
      attach(workspaceId, created.id(), file, kind, isPublic);
    }
    return created;
  }

  /** The fields of a candidate as a recruiter types them, for creating or editing one. */
  public record Profile(
      String name,
      String title,
      String currentCompany,
      List<String> skills,
      String summary,
      String email,
      String phone,
      String internalNotes) {}

  /** Creates all of these candidates, or none: one transaction. */
  @Transactional
  public List<Candidate> createAll(String workspaceId, List<Profile> profiles) {
    return profiles.stream()
        .map(
            p ->
                create(
                    workspaceId,
                    p.name(),
                    p.title(),
                    p.currentCompany(),
                    p.skills() == null ? List.of() : p.skills(),
                    p.summary(),
                    p.email(),
                    p.phone(),
                    p.internalNotes()))
        .toList();
  }

  /** Changes the fields given; null leaves a field as it is. */
  @Transactional
  public Candidate update(String workspaceId, String candidateId, Profile edit) {
    Candidate c = get(workspaceId, candidateId);
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

  @Transactional(readOnly = true)
  CandidateReads.Page search(String workspaceId, String q, int limit, int offset) {
    return reads.search(workspaceId, q, limit, offset);
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

  /** Every file of the workspace's candidate, every resume version, newest first. */
  @Transactional(readOnly = true)
  public List<Attachment> filesNewestFirst(String workspaceId, String candidateId) {
    get(workspaceId, candidateId);
    return attachments.findByCandidateIdOrderByCreatedAtDescAttachmentVersionDesc(candidateId);
  }

  /** Shows a file to clients (once it is part of a submission) or hides it. */
  @Transactional
  public Attachment setPublic(
      String workspaceId, String candidateId, String attachmentId, boolean isPublic) {
    get(workspaceId, candidateId);
    Attachment a =
        attachments
            .findByIdAndWorkspaceId(attachmentId, workspaceId)
            .filter(found -> found.candidateId().equals(candidateId))
            .orElseThrow(() -> new NotFoundException("Attachment"));
    return attachments.save(
        new Attachment(
            a.id(),
            a.workspaceId(),
            a.candidateId(),
            a.kind(),
            a.filename(),
            a.contentType(),
            a.size(),
            isPublic,
            a.attachmentVersion(),
            a.storageName(),
            a.version(),
            a.createdAt()));
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

  /** One of the workspace's files, for a recruiter: private ones too; another's answers 404. */
  @Transactional(readOnly = true)
  public Attachment file(String workspaceId, String attachmentId) {
    return attachments
        .findByIdAndWorkspaceId(attachmentId, workspaceId)
        .orElseThrow(() -> new NotFoundException("Attachment"));
  }

  /** The candidate's internal notes, newest first (never shown to clients). */
  @Transactional(readOnly = true)
  public List<CandidateNote> notesOf(String workspaceId, String candidateId) {
    get(workspaceId, candidateId);
    return notes.findByCandidateIdOrderByCreatedAtDescIdDesc(candidateId);
  }

  /** Adds an internal note (never shown to clients). */
  @Transactional
  public CandidateNote addNote(
      String workspaceId, String candidateId, String recruiterId, String author, String body) {
    Candidate c = get(workspaceId, candidateId);
    return notes.save(
        new CandidateNote(
            Ids.next(), workspaceId, c.id(), recruiterId, author, body, null, clock.instant()));
  }

  /** Which of these IDs name candidates of the workspace, in one statement. */
  public Set<String> existingIn(String workspaceId, Collection<String> candidateIds) {
    return reads.inWorkspace(workspaceId, candidateIds);
  }

  /**
   * Each candidate's newest public resume's ID, in one statement; those without one are left out.
   */
  public Map<String, String> newestPublicResumes(Collection<String> candidateIds) {
    return reads.newestPublicResumes(candidateIds);
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

  public List<Attachment> attachmentsOf(String candidateId) {
    return attachments.findByCandidateIdOrderByCreatedAt(candidateId);
  }

  /**
   * Checks that each ID names one of the candidate's files, so it may be shown with a submission.
   *
   * @return the IDs, each once, in the order given
   * @throws InvalidInputException naming {@code attachmentIds} for a file that is not theirs
   */
  public List<String> filesOf(String workspaceId, String candidateId, List<String> attachmentIds) {
    List<String> wanted = List.copyOf(new LinkedHashSet<>(attachmentIds));
    Set<String> theirs =
        attachments.findAllById(wanted).stream()
            .filter(a -> a.workspaceId().equals(workspaceId))
            .filter(a -> a.candidateId().equals(candidateId))
            .map(Attachment::id)
            .collect(Collectors.toSet());
    for (String attachmentId : wanted) {
      if (!theirs.contains(attachmentId)) {
        throw new InvalidInputException(
            "attachmentIds", "attachment " + attachmentId + " is not this candidate's");
      }
    }
    return wanted;
  }

  /**
   * The public ones among these files, in the order given, in one statement: what a client may see
   * and download.
   */
  public List<Attachment> publicFiles(Collection<String> attachmentIds) {
    Map<String, Attachment> found =
        reads.publicFiles(attachmentIds).stream().collect(Collectors.toMap(Attachment::id, a -> a));
    return attachmentIds.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  @Transactional
  public Attachment attach(
      String workspaceId,
      String candidateId,
      MultipartFile file,
      Attachment.Kind kind,
      boolean isPublic) {
    try (InputStream content = file.getInputStream()) {
      return attach(
          workspaceId,
          candidateId,
          file.getOriginalFilename(),
          content,
          file.getSize(),
          kind,
          isPublic);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores a file for a candidate. Its content type is detected from its bytes; the client's claim
   * is ignored.
   */
  @Transactional
  public Attachment attach(
      String workspaceId,
      String candidateId,
      String originalFilename,
      InputStream content,
      long size,
      Attachment.Kind kind,
      boolean isPublic) {
    get(workspaceId, candidateId);
    String filename = FileNames.sanitize(originalFilename);
    // The upload waits in a temporary file while its type is checked: nothing reaches the store
    // unless it is a type this portal accepts, and the store is written in one go.
    Path upload = null;
    try {
      upload = Files.createTempFile("upload-", ".tmp");
      Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
      // The temporary name says nothing of the type: Tika goes by the bytes alone.
      String byBytes = TIKA.detect(upload);
      String contentType =
          UploadTypes.accepted(byBytes, filename, upload)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "file",
                          filename
                              + " is not a file type this portal accepts (its content is "
                              + byBytes
                              + "). Upload a "
                              + UploadTypes.ACCEPTED
                              + " file."));
      String storageName = Ids.next();
      try (InputStream stored = Files.newInputStream(upload)) {
        files.store(storageName, stored, Files.size(upload), contentType);
      }
      // If the row does not commit, the stored file must not outlive it. (The database store
      // wrote inside this transaction: its row is gone with the rollback, and this finds none.)
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                files.delete(storageName);
              }
            }
          });
      return saveAttachment(
          workspaceId, candidateId, kind, filename, contentType, size, isPublic, storageName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (upload != null) {
        try {
          Files.deleteIfExists(upload);
        } catch (IOException e) {
          // A leftover in the temporary folder is harmless.
        }
      }
    }
  }

  private Attachment saveAttachment(
      String workspaceId,
      String candidateId,
      Attachment.Kind kind,
      String filename,
      String contentType,
      long size,
      boolean isPublic,
      String storageName) {
    int version =
        kind == Attachment.Kind.RESUME
            ? attachments.latestVersion(candidateId, kind.name()) + 1
            : 1;
    Instant now = clock.instant();
    return attachments.save(
        new Attachment(
            Ids.next(),
            workspaceId,
            candidateId,
            kind,
            filename,
            contentType,
            size,
            isPublic,
            version,
            storageName,
            null,
            now));
  }
}
