package com.hirepilot.app.console;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.candidate.CandidateProfile;
import com.hirepilot.app.candidate.CandidateProfiles;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's candidates and what the agency knows of them: search and list, create (with a first
 * resume), each candidate's page, its profile and its internal notes. Files are {@link
 * ConsoleCandidateFilesController}'s, CSV import {@link ConsoleCandidateImportController}'s.
 * Everything goes through the services the recruiter API uses.
 */
@Controller
class ConsoleCandidatesController {

  private final ConsoleCandidatePages pages;
  private final CandidateDirectory candidates;
  private final CandidateProfiles candidateProfiles;

  ConsoleCandidatesController(
      ConsoleCandidatePages pages,
      CandidateDirectory candidates,
      CandidateProfiles candidateProfiles) {
    this.pages = pages;
    this.candidates = candidates;
    this.candidateProfiles = candidateProfiles;
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

    static final ProfileForm EMPTY =
        new ProfileForm(null, null, null, null, null, null, null, null);

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

    /**
     * The profile as the services take it: cleaned text, blank fields as none. Only for a form
     * {@link ProfileFormValidator} passed the text of.
     */
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

  @InitBinder("form")
  void checkProfileForms(WebDataBinder binder) {
    binder.setValidator(new ProfileFormValidator(candidateProfiles));
  }

  @GetMapping("/console/candidates")
  @Transactional(readOnly = true)
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    return pages.list(q, page, model);
  }

  @PostMapping("/console/candidates")
  String create(
      @Valid @ModelAttribute("form") ProfileForm form,
      BindingResult result,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return newCandidateAgain(result, model, response);
    }
    Candidate created;
    try {
      created =
          candidateProfiles.createWithFile(
              CurrentRecruiter.get().workspaceId(),
              form.profile(),
              file,
              Attachment.Kind.RESUME,
              isPublic);
    } catch (InvalidInputException e) {
      // The resume is checked as it is stored; refusing it rolled the new candidate back.
      result.reject("refused", e.getMessage());
      return newCandidateAgain(result, model, response);
    }
    boolean withResume = file != null && !file.isEmpty();
    redirect.addFlashAttribute(
        "notice", "Added " + created.name() + (withResume ? " with their resume." : "."));
    return "redirect:/console/candidates/" + created.id();
  }

  /** The list again with the create form open, as typed (it is the model's "form"). */
  private String newCandidateAgain(
      BindingResult result, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", DeskForms.firstProblem(result));
    model.addAttribute("createOpen", true);
    return pages.list(null, 0, model);
  }

  @GetMapping("/console/candidates/{candidateId}")
  @Transactional(readOnly = true)
  String candidate(@PathVariable String candidateId, Model model) {
    return pages.candidate(candidateId, model);
  }

  @PostMapping("/console/candidates/{candidateId}")
  String update(
      @PathVariable String candidateId,
      @Valid @ModelAttribute("form") ProfileForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    candidates.get(workspaceId, candidateId);
    if (result.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", DeskForms.firstProblem(result));
      model.addAttribute("editOpen", true);
      return pages.candidate(candidateId, model);
    }
    CandidateProfile edit = form.profile();
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
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
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
    Optional<String> problem = DeskForms.textProblem("body", body);
    if (problem.isPresent()) {
      return noteAgain(candidateId, body, problem.get(), model, response);
    }
    String text = UserText.clean("body", body).strip();
    if (text.isEmpty() || text.length() > 20_000) {
      return noteAgain(
          candidateId, body, "write the note (at most 20,000 characters)", model, response);
    }
    candidateProfiles.addNote(me.workspaceId(), candidateId, me.recruiterId(), me.name(), text);
    redirect.addFlashAttribute("notice", "Note added. Only your agency sees it.");
    return "redirect:/console/candidates/" + candidateId + "#notes";
  }

  /** The candidate's page again with the refused note as typed. */
  private String noteAgain(
      String candidateId, String body, String problem, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", problem);
    model.addAttribute("noteDraft", body);
    return pages.candidate(candidateId, model);
  }
}
