package com.hirepilot.app.candidate;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
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

  private final CandidateService candidates;

  CandidateController(CandidateService candidates) {
    this.candidates = candidates;
  }

  record NewCandidate(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String title,
      @Size(max = 200) String currentCompany,
      @Size(max = 50) List<@NotBlank @Size(max = 100) String> skills,
      @Size(max = 20_000) String summary,
      @Size(max = 320) String email,
      @Size(max = 50) String phone,
      @Size(max = 50_000) String internalNotes) {}

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
      boolean isPublic) {

    static AttachmentDetails of(Attachment a) {
      return new AttachmentDetails(
          a.id(),
          a.kind().name(),
          a.attachmentVersion(),
          a.filename(),
          a.contentType(),
          a.size(),
          a.isPublic());
    }

    // The contract names this field "public", a Java keyword.
    @com.fasterxml.jackson.annotation.JsonProperty("public")
    public boolean isPublic() {
      return isPublic;
    }
  }

  @PostMapping
  ResponseEntity<CandidateDetails> create(@Valid @RequestBody NewCandidate body) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    Candidate candidate =
        candidates.create(
            recruiter.workspaceId(),
            body.name(),
            body.title(),
            body.currentCompany(),
            body.skills() == null ? List.of() : body.skills(),
            body.summary(),
            body.email(),
            body.phone(),
            body.internalNotes());
    return ResponseEntity.created(URI.create("/api/candidates/" + candidate.id()))
        .body(details(candidate));
  }

  @GetMapping("/{candidateId}")
  @Transactional(readOnly = true)
  CandidateDetails get(@PathVariable String candidateId) {
    return details(candidates.get(CurrentRecruiter.get().workspaceId(), candidateId));
  }

  @PostMapping(path = "/{candidateId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AttachmentDetails> upload(
      @PathVariable String candidateId,
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
        candidates.attach(
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
        candidates.attachmentsOf(c.id()).stream().map(AttachmentDetails::of).toList());
  }
}
