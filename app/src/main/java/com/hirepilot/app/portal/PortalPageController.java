package com.hirepilot.app.portal;

import com.hirepilot.app.auth.PortalSignIn;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.TooManyRequestsException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.workflows.submission.Decision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The portal's server-rendered pages for a signed-in client. */
@Controller
class PortalPageController {

  private static final int MAX_NOTE = 5_000;

  private final ClientWorkspace workspace;
  private final PortalSignIn signIn;

  PortalPageController(ClientWorkspace workspace, PortalSignIn signIn) {
    this.workspace = workspace;
    this.signIn = signIn;
  }

  @GetMapping("/portal")
  String home(Model model) {
    ClientWorkspace.HomePage page = workspace.homePage();
    model.addAttribute("me", page.session());
    model.addAttribute("jobs", page.jobs());
    return "portal/home";
  }

  @GetMapping("/portal/jobs/{jobId}")
  String job(@PathVariable String jobId, Model model) {
    ClientWorkspace.JobPage page = workspace.jobPage(jobId);
    model.addAttribute("me", page.session());
    model.addAttribute("job", page.job());
    model.addAttribute("submissions", page.submissions());
    model.addAttribute("activity", page.activity());
    return "portal/job";
  }

  @GetMapping("/portal/submissions/{submissionId}")
  String submission(@PathVariable String submissionId) {
    return "redirect:/portal/jobs/"
        + workspace.jobIdOf(submissionId)
        + "#submission-"
        + submissionId;
  }

  @PostMapping("/portal/submissions/{submissionId}/decision")
  String decide(
      @PathVariable String submissionId,
      @RequestParam String decision,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String availability,
      RedirectAttributes redirect) {
    String jobId = workspace.jobIdOf(submissionId);
    Decision chosen;
    try {
      chosen = Decision.valueOf(decision);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", "Choose approve, reject or request an interview.");
      return "redirect:/portal/jobs/" + jobId + "#submission-" + submissionId;
    }
    try {
      reason = UserText.clean("reason", reason);
      availability = UserText.clean("availability", availability);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/portal/jobs/" + jobId + "#submission-" + submissionId;
    }
    if ((reason != null && reason.length() > MAX_NOTE)
        || (availability != null && availability.length() > MAX_NOTE)) {
      redirect.addFlashAttribute("error", "Your note is too long (at most 5,000 characters).");
      return "redirect:/portal/jobs/" + jobId + "#submission-" + submissionId;
    }
    try {
      var result =
          workspace.decide(
              submissionId,
              chosen,
              blankToNull(reason),
              chosen == Decision.REQUEST_INTERVIEW ? blankToNull(availability) : null);
      redirect.addFlashAttribute(
          "notice", "Thank you. The candidate is now " + label(result.status()) + ".");
    } catch (ConflictException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/portal/jobs/" + jobId + "#submission-" + submissionId;
  }

  @PostMapping("/portal/submissions/{submissionId}/comments")
  String comment(
      @PathVariable String submissionId,
      @RequestParam(required = false) String body,
      RedirectAttributes redirect) {
    String jobId = workspace.jobIdOf(submissionId);
    String back = "redirect:/portal/jobs/" + jobId + "#submission-" + submissionId;
    if (body == null || body.isBlank()) {
      redirect.addFlashAttribute("error", "Write a comment first.");
      return back;
    }
    try {
      body = UserText.clean("comment", body);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return back;
    }
    if (body.length() > MAX_NOTE) {
      redirect.addFlashAttribute("error", "Your comment is too long (at most 5,000 characters).");
      return back;
    }
    try {
      workspace.comment(submissionId, body.strip());
    } catch (TooManyRequestsException e) {
      redirect.addFlashAttribute(
          "error",
          "You have posted many comments in a short time. Your comment was not sent; try again in "
              + wait(e)
              + ".");
      return back;
    }
    redirect.addFlashAttribute("notice", "Your comment was sent to your recruiter.");
    return back;
  }

  private static String wait(TooManyRequestsException e) {
    long seconds = e.retryAfterSeconds();
    return seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
  }

  @ExceptionHandler(PortalSessionEnded.class)
  String sessionEnded(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
    return "redirect:/portal/access?ended";
  }

  static String label(com.hirepilot.workflows.submission.SubmissionStatus status) {
    return switch (status) {
      case SENDING, AWAITING_FEEDBACK -> "awaiting your feedback";
      case INTERVIEW_REQUESTED -> "awaiting an interview";
      case APPROVED -> "approved";
      case REJECTED -> "rejected";
      case WITHDRAWN -> "withdrawn";
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
