package com.hirepilot.app.console;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.AttachmentDownloads;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.candidate.CandidateImport;
import com.hirepilot.app.candidate.CandidateProfile;
import com.hirepilot.app.candidate.CandidateProfiles;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's candidates: search and list, create (with a first resume), CSV import, and each
 * candidate's profile, files, internal notes and submissions. Everything goes through the services
 * the recruiter API uses.
 */
@Controller
class ConsoleCandidatesController {

  static final int PAGE_SIZE = 50;

  /** What the import form shows as the expected header and offers as an example file. */
  static final String EXAMPLE_CSV =
      String.join(",", CandidateImport.COLUMNS)
          + "\n"
          + "Jordan Lee,Staff Engineer,Northwind,Java;Kotlin;PostgreSQL,"
          + "\"Led the payments platform, 8 years of backend work.\",jordan@example.com,"
          + "+1 555 0100,Prefers remote\n"
          + "Sam Rivera,Data Scientist,Contoso,Python;SQL,,sam@example.com,,\n";

  private final CandidateDirectory candidates;
  private final CandidateProfiles candidateProfiles;
  private final CandidateFiles candidateFiles;
  private final CandidateImport imports;
  private final AttachmentDownloads downloads;
  private final SubmissionOverview submissions;

  ConsoleCandidatesController(
      CandidateDirectory candidates,
      CandidateProfiles candidateProfiles,
      CandidateFiles candidateFiles,
      CandidateImport imports,
      AttachmentDownloads downloads,
      SubmissionOverview submissions) {
    this.candidates = candidates;
    this.candidateProfiles = candidateProfiles;
    this.candidateFiles = candidateFiles;
    this.imports = imports;
    this.downloads = downloads;
    this.submissions = submissions;
  }

  /** The create and edit forms' fields, as typed, to show them again when something is wrong. */
  record ProfileForm(
      String name,
      String title,
      String currentCompany,
      String skills,
      String summary,
      String email,
      String phone,
      String internalNotes) {

    static ProfileForm of(Candidate c) {
      return new ProfileForm(
          c.name(),
          c.title(),
          c.currentCompany(),
          String.join(", ", c.skillNames()),
          c.summary(),
          c.email(),
          c.phone(),
          c.internalNotes());
    }

    /** The profile as the services take it: cleaned text, blank fields as none. */
    CandidateProfile profile() {
      String skillText = text("skills", skills);
      return new CandidateProfile(
          text("name", name) == null ? "" : text("name", name),
          text("title", title),
          text("currentCompany", currentCompany),
          skillText == null
              ? List.of()
              : Arrays.stream(skillText.split("[,;\\n]"))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList(),
          text("summary", summary),
          text("email", email),
          text("phone", phone),
          text("internalNotes", internalNotes));
    }

    private static String text(String field, String value) {
      String clean = UserText.clean(field, value);
      return clean == null || clean.isBlank() ? null : clean.strip();
    }
  }

  @GetMapping("/console/candidates")
  @Transactional(readOnly = true)
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
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
      model.addAttribute("form", new ProfileForm(null, null, null, null, null, null, null, null));
    }
    return "console/candidates";
  }

  @PostMapping("/console/candidates")
  String create(
      ProfileForm form,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Candidate created =
          candidateProfiles.createWithFile(
              CurrentRecruiter.get().workspaceId(),
              form.profile(),
              file,
              Attachment.Kind.RESUME,
              isPublic);
      boolean withResume = file != null && !file.isEmpty();
      redirect.addFlashAttribute(
          "notice", "Added " + created.name() + (withResume ? " with their resume." : "."));
      return "redirect:/console/candidates/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("form", form);
      model.addAttribute("createOpen", true);
      return list(null, 0, model);
    }
  }

  @GetMapping("/console/candidates/import-example.csv")
  ResponseEntity<String> importExample() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("candidates-example.csv").build().toString())
        .body(EXAMPLE_CSV);
  }

  @PostMapping("/console/candidates/import")
  String importCsv(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInputException("file", "choose a CSV file to import");
      }
      if (file.getSize() > CandidateImport.MAX_BYTES) {
        throw new InvalidInputException(
            "file",
            "the file is larger than " + CandidateImport.MAX_BYTES / 1024 + " KB; split it up");
      }
      List<CandidateImport.Imported> imported =
          imports.importCsv(CurrentRecruiter.get().workspaceId(), bytes(file));
      redirect.addFlashAttribute(
          "notice",
          "Imported " + imported.size() + (imported.size() == 1 ? " candidate." : " candidates."));
      return "redirect:/console/candidates";
    } catch (CandidateImport.Refused e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute(
          "importErrors", e.errors().stream().map(CandidateImportProblem::of).toList());
      model.addAttribute("importOpen", true);
      return list(null, 0, model);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("importOpen", true);
      return list(null, 0, model);
    }
  }

  @GetMapping("/console/candidates/{candidateId}")
  @Transactional(readOnly = true)
  String candidate(@PathVariable String candidateId, Model model) {
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

  @PostMapping("/console/candidates/{candidateId}")
  String update(
      @PathVariable String candidateId,
      ProfileForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    candidates.get(workspaceId, candidateId);
    try {
      CandidateProfile edit = form.profile();
      candidateProfiles.check(edit);
      // A form sends every field: one left empty is cleared, not kept.
      Candidate saved =
          candidateProfiles.update(
              workspaceId,
              candidateId,
              new CandidateProfile(
                  edit.name(),
                  orEmpty(edit.title()),
                  orEmpty(edit.currentCompany()),
                  edit.skills(),
                  orEmpty(edit.summary()),
                  orEmpty(edit.email()),
                  orEmpty(edit.phone()),
                  orEmpty(edit.internalNotes())));
      redirect.addFlashAttribute("notice", "Saved " + saved.name() + "’s profile.");
      return "redirect:/console/candidates/" + candidateId;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("form", form);
      model.addAttribute("editOpen", true);
      return candidate(candidateId, model);
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  @PostMapping("/console/candidates/{candidateId}/attachments")
  String upload(
      @PathVariable String candidateId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "kind", defaultValue = "RESUME") String kind,
      @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    candidates.get(workspaceId, candidateId);
    try {
      Attachment.Kind attachmentKind;
      try {
        attachmentKind = Attachment.Kind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("kind", "kind must be RESUME, COVER_LETTER or OTHER");
      }
      if (file == null || file.isEmpty()) {
        throw new InvalidInputException("file", "choose a file to upload");
      }
      Attachment stored =
          candidateFiles.attach(workspaceId, candidateId, file, attachmentKind, isPublic);
      redirect.addFlashAttribute(
          "notice",
          "Uploaded "
              + stored.filename()
              + (stored.kind() == Attachment.Kind.RESUME
                  ? " as resume version " + stored.attachmentVersion()
                  : "")
              + (stored.isPublic() ? " (public)." : " (private)."));
      return "redirect:/console/candidates/" + candidateId;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("uploadOpen", true);
      return candidate(candidateId, model);
    }
  }

  @PostMapping("/console/candidates/{candidateId}/attachments/{attachmentId}/public")
  String makePublic(
      @PathVariable String candidateId,
      @PathVariable String attachmentId,
      @RequestParam(name = "public") boolean isPublic,
      RedirectAttributes redirect) {
    Attachment changed =
        candidateFiles.setPublic(
            CurrentRecruiter.get().workspaceId(), candidateId, attachmentId, isPublic);
    redirect.addFlashAttribute(
        "notice",
        changed.filename()
            + (isPublic
                ? " is public: clients can download it from the submissions that show it."
                : " is private: clients can no longer download it."));
    return "redirect:/console/candidates/" + candidateId;
  }

  @PostMapping("/console/candidates/{candidateId}/notes")
  String addNote(
      @PathVariable String candidateId,
      @RequestParam(defaultValue = "") String body,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter me = CurrentRecruiter.get();
    candidates.get(me.workspaceId(), candidateId);
    try {
      String text = UserText.clean("body", body).strip();
      if (text.isEmpty() || text.length() > 20_000) {
        throw new InvalidInputException("body", "write the note (at most 20,000 characters)");
      }
      candidateProfiles.addNote(me.workspaceId(), candidateId, me.recruiterId(), me.name(), text);
      redirect.addFlashAttribute("notice", "Note added. Only your agency sees it.");
      return "redirect:/console/candidates/" + candidateId + "#notes";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("noteDraft", body);
      return candidate(candidateId, model);
    }
  }

  /** A file of the workspace for its recruiters (private ones too), hardened as the portal's. */
  // Not one transaction: the file's row is checked in one, then the bytes come from the store
  // (S3, or a short read of the database) with no connection held while it answers.
  @GetMapping("/console/attachments/{attachmentId}")
  ResponseEntity<Resource> download(@PathVariable String attachmentId) {
    return downloads.forRecruiter(CurrentRecruiter.get().workspaceId(), attachmentId);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
