package com.hirepilot.app.console;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.AttachmentDownloads;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A candidate's files in the console: uploading one (a resume is a new version), making one public
 * or private, and downloading any file of the workspace. The files are {@link CandidateFiles}' and
 * {@link AttachmentDownloads}', as in the recruiter API.
 */
@Controller
class ConsoleCandidateFilesController {

  private final ConsoleCandidatePages pages;
  private final CandidateDirectory candidates;
  private final CandidateFiles candidateFiles;
  private final AttachmentDownloads downloads;

  ConsoleCandidateFilesController(
      ConsoleCandidatePages pages,
      CandidateDirectory candidates,
      CandidateFiles candidateFiles,
      AttachmentDownloads downloads) {
    this.pages = pages;
    this.candidates = candidates;
    this.candidateFiles = candidateFiles;
    this.downloads = downloads;
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
    Optional<Attachment.Kind> attachmentKind =
        Arrays.stream(Attachment.Kind.values()).filter(k -> k.name().equals(kind)).findFirst();
    if (attachmentKind.isEmpty()) {
      return uploadAgain(
          candidateId, "kind must be RESUME, COVER_LETTER or OTHER", model, response);
    }
    if (file == null || file.isEmpty()) {
      return uploadAgain(candidateId, "choose a file to upload", model, response);
    }
    Attachment stored;
    try {
      stored =
          candidateFiles.attach(workspaceId, candidateId, file, attachmentKind.get(), isPublic);
    } catch (InvalidInputException e) {
      // The file's type and size are checked as it is stored.
      return uploadAgain(candidateId, e.getMessage(), model, response);
    }
    redirect.addFlashAttribute(
        "notice",
        "Uploaded "
            + stored.filename()
            + (stored.kind() == Attachment.Kind.RESUME
                ? " as resume version " + stored.attachmentVersion()
                : "")
            + (stored.isPublic() ? " (public)." : " (private)."));
    return "redirect:/console/candidates/" + candidateId;
  }

  /** The candidate's page again with the upload form open and why the file was refused. */
  private String uploadAgain(
      String candidateId, String problem, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", problem);
    model.addAttribute("uploadOpen", true);
    return pages.candidate(candidateId, model);
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

  /** A file of the workspace for its recruiters (private ones too), hardened as the portal's. */
  // Not one transaction: the file's row is checked in one, then the bytes come from the store
  // (S3, or a short read of the database) with no connection held while it answers.
  @GetMapping("/console/attachments/{attachmentId}")
  ResponseEntity<Resource> download(@PathVariable String attachmentId) {
    return downloads.forRecruiter(CurrentRecruiter.get().workspaceId(), attachmentId);
  }
}
