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
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
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

  /**
   * A resend's message, as typed: the resend form's ({@code resendForm}) and the resend-with-resume
   * form's ({@code resumeForm}), so a refused one comes back as typed in its own panel.
   */
  record ResendForm(String message) {

    ResendForm {
      message = FieldValues.text(message);
    }
  }

  /** The collaborator chosen to get a fresh sign-in link. */
  record AccessLinkForm(String collaboratorId) {

    AccessLinkForm {
      collaboratorId = FieldValues.text(collaboratorId);
    }
  }

  /** The recruiter's reply to the client, as typed. */
  record ReplyForm(String body) {

    ReplyForm {
      body = FieldValues.text(body);
    }
  }

  @InitBinder({"resendForm", "resumeForm"})
  void checkResendForms(WebDataBinder binder) {
    binder.setValidator(new ResendFormValidator());
  }

  @InitBinder("accessLinkForm")
  void checkAccessLinkForms(WebDataBinder binder) {
    binder.setValidator(new AccessLinkFormValidator());
  }

  @InitBinder("replyForm")
  void checkReplyForms(WebDataBinder binder) {
    binder.setValidator(new ReplyFormValidator());
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
    if (!model.containsAttribute("resendForm")) {
      model.addAttribute("resendForm", new ResendForm(""));
    }
    if (!model.containsAttribute("resumeForm")) {
      model.addAttribute("resumeForm", new ResendForm(""));
    }
    if (!model.containsAttribute("replyForm")) {
      model.addAttribute("replyForm", new ReplyForm(""));
    }
    return "console/submission";
  }

  @PostMapping("/console/submissions/{submissionId}/resend")
  String resend(
      @PathVariable String submissionId,
      @Valid @ModelAttribute("resendForm") ResendForm form,
      BindingResult result,
      @RequestParam(defaultValue = "submission") String back,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return invalid(submissionId, result, "resend", model, response);
    }
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    String text = DeskForms.optional("message", "message", form.message(), DeskForms.LONG_MAX);
    RecruiterActions.Resent resent;
    try {
      resent = actions.resend(recruiter, submissionId, null, text);
    } catch (InvalidInputException | FlaggedAddressesException e) {
      // The service's refusal (a job with no one to send to, a flagged address): shown where the
      // recruiter can act on it, with the typed message kept.
      return refused(submissionId, e, "resend", model, response);
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
      @Valid @ModelAttribute("resumeForm") ResendForm form,
      BindingResult result,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return invalid(submissionId, result, "resend-resume", model, response);
    }
    String text = DeskForms.optional("message", "message", form.message(), DeskForms.LONG_MAX);
    RecruiterActions.Resent resent;
    try {
      resent = actions.resendWithNewResume(CurrentRecruiter.get(), submissionId, file, text);
    } catch (InvalidInputException | FlaggedAddressesException e) {
      // The service's refusal, such as no file or a file it does not accept: nothing was sent.
      return refused(submissionId, e, "resend-resume", model, response);
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
      @Valid @ModelAttribute("accessLinkForm") AccessLinkForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    SubmissionSummary summary = overview.of(recruiter.workspaceId(), submissionId).summary();
    if (result.hasErrors()) {
      return invalid(submissionId, result, "access-link", model, response);
    }
    Collaborator sent;
    try {
      sent =
          accessLinks.send(
              recruiter.workspaceId(),
              summary.jobId(),
              form.collaboratorId(),
              recruiter.name(),
              Ids.next());
    } catch (FlaggedAddressesException e) {
      return refused(submissionId, e, "access-link", model, response);
    }
    redirect.addFlashAttribute(
        "notice", "Sent " + sent.displayName() + " a fresh sign-in link at " + sent.email() + ".");
    return "redirect:/console/submissions/" + submissionId;
  }

  @PostMapping("/console/submissions/{submissionId}/reply")
  String reply(
      @PathVariable String submissionId,
      @Valid @ModelAttribute("replyForm") ReplyForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return invalid(submissionId, result, "reply", model, response);
    }
    String text = DeskForms.required("body", "reply", form.body(), DeskForms.COMMENT_MAX);
    actions.comment(CurrentRecruiter.get(), submissionId, text);
    redirect.addFlashAttribute("notice", "Reply posted: the client sees it in the portal now.");
    return "redirect:/console/submissions/" + submissionId;
  }

  @GetMapping("/console/attention")
  String attention(Model model) {
    model.addAttribute("page", reads.attentionPage(CurrentRecruiter.get().workspaceId()));
    return "console/attention";
  }

  /**
   * The submission page again as 422, with the first problem the form's validator found and the
   * form as typed (it is already in the model, under its binding's name).
   */
  private String invalid(
      String submissionId,
      BindingResult result,
      String openPanel,
      Model model,
      HttpServletResponse response) {
    DeskForms.showRefused(result, openPanel, model, response);
    return submission(submissionId, model);
  }

  /**
   * The submission page again with the service's refusal and the form as typed (in the model under
   * its binding's name): 422 for bad input, 409 for a flagged address.
   */
  private String refused(
      String submissionId,
      RuntimeException e,
      String openPanel,
      Model model,
      HttpServletResponse response) {
    response.setStatus(
        e instanceof FlaggedAddressesException
            ? HttpStatus.CONFLICT.value()
            : HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", e);
    model.addAttribute("openPanel", openPanel);
    return submission(submissionId, model);
  }
}
