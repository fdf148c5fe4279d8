package com.hirepilot.app.candidate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Recruiter API for candidates and their attachments. */
@RestController
@RequestMapping("/api/candidates")
class CandidateController {

  private final CandidateDirectory directory;
  private final CandidateProfiles profiles;
  private final CandidateFiles files;

  CandidateController(
      CandidateDirectory directory, CandidateProfiles profiles, CandidateFiles files) {
    this.directory = directory;
    this.profiles = profiles;
    this.files = files;
  }

  /** A partial edit: fields left out (or null) stay as they are; {@code skills} replaces all. */
  record CandidatePatch(
      @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String name,
      @Size(max = 200) String title,
      @Size(max = 200) String currentCompany,
      @Size(max = 50) List<@NotBlank @Size(max = 100) String> skills,
      @Size(max = 20_000) String summary,
      @Email @Size(max = 320) String email,
      @Size(max = 50) String phone,
      @Size(max = 50_000) String internalNotes) {}

  record CandidateListItem(
      String id,
      String name,
      String title,
      String currentCompany,
      List<String> skills,
      Instant createdAt) {}

  record CandidatePage(int total, int limit, int offset, List<CandidateListItem> candidates) {}

  record AttachmentPatch(@NotNull @JsonProperty("public") Boolean isPublic) {}

  record NewNote(@NotBlank @Size(max = 20_000) String body) {}

  record Note(String id, Instant at, String author, String body) {

    static Note of(CandidateNote n) {
      return new Note(n.id(), n.createdAt(), n.author(), n.body());
    }
  }

  /** The recruiter's view of a candidate: it includes what clients never see. */
  record CandidateDetails(
      String id,
      String name,
      String title,
      String currentCompany,
      List<String> skills,
      String summary,
      String email,
      String phone,
      String internalNotes,
      List<AttachmentDetails> attachments) {}

  record AttachmentDetails(
      String id,
      String kind,
      int version,
      String filename,
      String contentType,
      long size,
      boolean isPublic,
      Instant createdAt) {

    static AttachmentDetails of(Attachment a) {
      return new AttachmentDetails(
          a.id(),
          a.kind().name(),
          a.attachmentVersion(),
          a.filename(),
          a.contentType(),
          a.size(),
          a.isPublic(),
          a.createdAt());
    }

    // The contract names this field "public", a Java keyword.
    @com.fasterxml.jackson.annotation.JsonProperty("public")
    public boolean isPublic() {
      return isPublic;
    }
  }

  @GetMapping
  @Operation(
      summary = "Search the workspace's candidates",
      description = "By name, title, current company or skill (contains, any case); newest first.")
  CandidatePage search(
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
    CandidateReads.Page page =
        directory.search(
            CurrentRecruiter.get().workspaceId(),
            q == null ? null : UserText.clean("q", q),
            limit,
            offset);
    return new CandidatePage(
        page.total(),
        limit,
        offset,
        page.candidates().stream()
            .map(
                f ->
                    new CandidateListItem(
                        f.id(), f.name(), f.title(), f.currentCompany(), f.skills(), f.createdAt()))
            .toList());
  }

  @PostMapping
  @Operation(summary = "Create a candidate")
  ResponseEntity<CandidateDetails> create(@Valid @RequestBody CandidateProfile body) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    Candidate candidate = profiles.create(recruiter.workspaceId(), body);
    return ResponseEntity.created(URI.create("/api/candidates/" + candidate.id()))
        .body(details(candidate));
  }

  @GetMapping("/{candidateId}")
  @Transactional(readOnly = true)
  @Operation(summary = "The candidate, with everything the agency knows and their files")
  CandidateDetails get(@PathVariable @ResourceId String candidateId) {
    return details(directory.get(CurrentRecruiter.get().workspaceId(), candidateId));
  }

  @PatchMapping("/{candidateId}")
  @Transactional
  @Operation(summary = "Change some of a candidate's fields")
  CandidateDetails update(
      @PathVariable @ResourceId String candidateId, @Valid @RequestBody CandidatePatch body) {
    return details(
        profiles.update(
            CurrentRecruiter.get().workspaceId(),
            candidateId,
            new CandidateProfile(
                body.name(),
                body.title(),
                body.currentCompany(),
                body.skills(),
                body.summary(),
                body.email(),
                body.phone(),
                body.internalNotes())));
  }

  @GetMapping("/{candidateId}/attachments")
  @Operation(summary = "Every file of the candidate, every resume version, newest first")
  List<AttachmentDetails> attachments(@PathVariable @ResourceId String candidateId) {
    return files.filesNewestFirst(CurrentRecruiter.get().workspaceId(), candidateId).stream()
        .map(AttachmentDetails::of)
        .toList();
  }

  @PatchMapping("/{candidateId}/attachments/{attachmentId}")
  @Operation(summary = "Make a file public (downloadable by clients once submitted) or private")
  AttachmentDetails updateAttachment(
      @PathVariable @ResourceId String candidateId,
      @PathVariable @ResourceId String attachmentId,
      @Valid @RequestBody AttachmentPatch body) {
    return AttachmentDetails.of(
        files.setPublic(
            CurrentRecruiter.get().workspaceId(), candidateId, attachmentId, body.isPublic()));
  }

  @GetMapping("/{candidateId}/notes")
  @Operation(summary = "The candidate's internal notes, newest first (never shown to clients)")
  List<Note> notes(@PathVariable @ResourceId String candidateId) {
    return profiles.notesOf(CurrentRecruiter.get().workspaceId(), candidateId).stream()
        .map(Note::of)
        .toList();
  }

  @PostMapping("/{candidateId}/notes")
  @Operation(summary = "Add an internal note (never shown to clients)")
  ResponseEntity<Note> addNote(
      @PathVariable @ResourceId String candidateId, @Valid @RequestBody NewNote body) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    CandidateNote note =
        profiles.addNote(
            recruiter.workspaceId(),
            candidateId,
            recruiter.recruiterId(),
            recruiter.name(),
            body.body().strip());
    return ResponseEntity.created(
            URI.create("/api/candidates/" + candidateId + "/notes/" + note.id()))
        .body(Note.of(note));
  }

  @PostMapping(path = "/{candidateId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload a file; a new RESUME is a new version")
  ResponseEntity<AttachmentDetails> upload(
      @PathVariable @ResourceId String candidateId,
      @RequestParam("file") MultipartFile file,
      @RequestParam("kind") String kind,
      @RequestParam(name = "public", defaultValue = "false") boolean isPublic) {
    Attachment.Kind attachmentKind;
    try {
      attachmentKind = Attachment.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "kind must be RESUME, COVER_LETTER or OTHER");
    }
    if (file.isEmpty()) {
      throw new InvalidInputException("file", "the file is empty");
    }
    Attachment attachment =
        files.attach(
            CurrentRecruiter.get().workspaceId(), candidateId, file, attachmentKind, isPublic);
    return ResponseEntity.created(URI.create("/api/attachments/" + attachment.id()))
        .body(AttachmentDetails.of(attachment));
  }

  private CandidateDetails details(Candidate c) {
    return new CandidateDetails(
        c.id(),
        c.name(),
        c.title(),
        c.currentCompany(),
        c.skillNames(),
        c.summary(),
        c.email(),
        c.phone(),
        c.internalNotes(),
        files.attachmentsOf(c.id()).stream().map(AttachmentDetails::of).toList());
  }
}
