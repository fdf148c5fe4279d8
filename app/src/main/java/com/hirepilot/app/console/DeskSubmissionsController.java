package com.hirepilot.app.console;

import com.hirepilot.app.auth.AccessLinkResends;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.notification.FlaggedAddressesException;
import com.hirepilot.app.submission.LiveSubmissionState;
import com.hirepilot.app.submission.RecruiterActions;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.submission.SubmissionState;
import com.hirepilot.app.submission.SubmissionSummary;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.TemporalProperties;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's submission page (where one submission's workflow stands, what the client did, and the
 * recruiter's actions on it) and the attention list (the open submissions someone should act on).
 * The actions are {@link RecruiterActions}' and {@link AccessLinkResends}', as in the recruiter
 * API.
 */
@Controller
class DeskSubmissionsController {

  private final DeskReads reads;
  private final LiveSubmissionState liveState;
  private final RecruiterActions actions;
  private final AccessLinkResends accessLinks;
  private final SubmissionOverview overview;
  private final TemporalProperties temporal;

  DeskSubmissionsController(
      DeskReads reads,
      LiveSubmissionState liveState,
      RecruiterActions actions,
      AccessLinkResends accessLinks,
      SubmissionOverview overview,
      TemporalProperties temporal) {
    this.temporal = temporal;
    this.reads = reads;
    this.liveState = liveState;
    this.actions = actions;
    this.accessLinks = accessLinks;
    this.overview = overview;
  }

  /** What the submission page's forms hold, so a refused one comes back as typed. */
  record ActionForm(String resendMessage, String resumeMessage, String reply) {
    static final ActionForm EMPTY = new ActionForm("", "", "");
  }

  @GetMapping("/console/submissions/{submissionId}")
  String submission(@PathVariable String submissionId, Model model) {
    DeskReads.SubmissionPage page =
        reads.submissionPage(CurrentRecruiter.get().workspaceId(), submissionId);
    // Asked after the read transaction has ended, so a slow workflow never holds a connection.
    SubmissionSummary summary = page.record().summary();
    SubmissionState state = SubmissionState.of(summary, liveState.shared(summary));
    // The workflow itself, for a recruiter who wants its history (temporal.ui-url set).
    String workflowUiLink = temporal.workflowUiLink(summary.workflowId()).orElse(null);
    model.addAttribute("view", SubmissionView.of(page, state, workflowUiLink));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ActionForm.EMPTY);
    }
    return "console/submission";
  }

  @PostMapping("/console/submissions/{submissionId}/resend")
  String resend(
      @PathVariable String submissionId,
      @RequestParam(defaultValue = "") String message,
      @RequestParam(defaultValue = "submission") String back,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    RecruiterActions.Resent resent;
    try {
      String text = DeskForms.optional("message", "message", message, DeskForms.LONG_MAX);
      resent = actions.resend(recruiter, submissionId, null, text);
    } catch (InvalidInputException e) {
      return refused(submissionId, e, new ActionForm(message, "", ""), "resend", model, response);
    } catch (FlaggedAddressesException e) {
      // Shown where the recruiter can act on it, with the typed message kept.
      return refused(submissionId, e, new ActionForm(message, "", ""), "resend", model, response);
    }
    redirect.addFlashAttribute(
        "notice", "Resent: round " + resent.round() + " is on its way to the job's clients.");
    return "attention".equals(back)
        ? "redirect:/console/attention"
        : "redirect:/console/submissions/" + submissionId;
  }

  @PostMapping("/console/submissions/{submissionId}/resend-with-resume")
  String resendWithNewResume(
      @PathVariable String submissionId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "") String message,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    RecruiterActions.Resent resent;
    try {
      String text = DeskForms.optional("message", "message", message, DeskForms.LONG_MAX);
      resent = actions.resendWithNewResume(CurrentRecruiter.get(), submissionId, file, text);
    } catch (InvalidInputException | FlaggedAddressesException e) {
      return refused(
          submissionId, e, new ActionForm("", message, ""), "resend-resume", model, response);
    }
    redirect.addFlashAttribute(
        "notice",
        "New resume uploaded and sent: round "
            + resent.round()
            + " is on its way to the job's clients.");
    return "redirect:/console/submissions/" + submissionId;
  }

  @PostMapping("/console/submissions/{submissionId}/withdraw")
  String withdraw(@PathVariable String submissionId, RedirectAttributes redirect) {
    actions.withdraw(CurrentRecruiter.get(), submissionId);
    redirect.addFlashAttribute(
        "notice", "Withdrawn: the client no longer sees the candidate, and reminders stopped.");
    return "redirect:/console/submissions/" + submissionId;
  }

  @PostMapping("/console/submissions/{submissionId}/access-link")
  String sendAccessLink(
      @PathVariable String submissionId,
      @RequestParam(defaultValue = "") String collaboratorId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    SubmissionSummary summary = overview.of(recruiter.workspaceId(), submissionId).summary();
    if (collaboratorId.isBlank()) {
      return refused(
          submissionId,
          new InvalidInputException("collaboratorId", "choose who gets the sign-in link"),
          ActionForm.EMPTY,
          "access-link",
          model,
          response);
    }
    Collaborator sent;
    try {
      sent =
          accessLinks.send(
              recruiter.workspaceId(),
              summary.jobId(),
              collaboratorId,
              recruiter.name(),
              Ids.next());
    } catch (FlaggedAddressesException e) {
      return refused(submissionId, e, ActionForm.EMPTY, "access-link", model, response);
    }
    redirect.addFlashAttribute(
        "notice", "Sent " + sent.displayName() + " a fresh sign-in link at " + sent.email() + ".");
    return "redirect:/console/submissions/" + submissionId;
  }

  @PostMapping("/console/submissions/{submissionId}/reply")
  String reply(
      @PathVariable String submissionId,
      @RequestParam(defaultValue = "") String body,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      String text = DeskForms.required("body", "reply", body, DeskForms.COMMENT_MAX);
      actions.comment(CurrentRecruiter.get(), submissionId, text);
    } catch (InvalidInputException e) {
      return refused(submissionId, e, new ActionForm("", "", body), "reply", model, response);
    }
    redirect.addFlashAttribute("notice", "Reply posted: the client sees it in the portal now.");
    return "redirect:/console/submissions/" + submissionId;
  }

  @GetMapping("/console/attention")
  String attention(Model model) {
    model.addAttribute("page", reads.attentionPage(CurrentRecruiter.get().workspaceId()));
    return "console/attention";
  }

  /**
   * The submission page again, with the message and what was typed in the refused form: 422 for bad
   * input, 409 for a flagged address.
   */
  private String refused(
      String submissionId,
      RuntimeException e,
      ActionForm form,
      String openPanel,
      Model model,
      HttpServletResponse response) {
    response.setStatus(
        e instanceof FlaggedAddressesException
            ? HttpStatus.CONFLICT.value()
            : HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", e);
    model.addAttribute("form", form);
    model.addAttribute("openPanel", openPanel);
    return submission(submissionId, model);
  }
}
