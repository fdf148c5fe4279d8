package com.hirepilot.app.portal;

import com.hirepilot.app.auth.PortalClient;
import com.hirepilot.app.auth.PortalSignIn;
import com.hirepilot.app.automation.SubmissionViews;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.TooManyRequestsException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's server-rendered pages for a signed-in client. Every form posts, then redirects back
 * to the page it came from with the outcome shown at the form (post/redirect/get), so the result is
 * visible at once and a reload never posts twice. A failed post keeps what the client typed.
 */
@Controller
class PortalPageController {

  private static final int MAX_NOTE = 5_000;
  private static final Set<String> FILTERS = Set.of("waiting", "interview", "approved", "rejected");

  private final ClientPages pages;
  private final ClientReview review;
  private final PortalSignIn signIn;
  private final SubmissionViews views;

  PortalPageController(
      ClientPages pages, ClientReview review, PortalSignIn signIn, SubmissionViews views) {
    this.views = views;
    this.pages = pages;
    this.review = review;
    this.signIn = signIn;
  }

  @GetMapping("/portal")
  String home(Model model) {
    ClientPages.HomePage page = pages.homePage();
    model.addAttribute("me", page.session());
    model.addAttribute("brand", page.brand());
    model.addAttribute("jobs", page.jobs());
    return "portal/home";
  }

  @GetMapping("/portal/jobs/{jobId}")
  String job(
      @PathVariable String jobId, @RequestParam(required = false) String status, Model model) {
    ClientPages.JobPage page = pages.jobPage(jobId);
    String filter = status != null && FILTERS.contains(status) ? status : null;
    List<PortalViews.SubmissionView> shown =
        page.submissions().stream().filter(s -> PortalLabels.matches(filter, s.status())).toList();
    model.addAttribute("me", page.session());
    model.addAttribute("brand", page.brand());
    model.addAttribute("job", page.job());
    model.addAttribute("counts", page.counts());
    model.addAttribute("filter", filter);
    model.addAttribute("submissions", shown);
    model.addAttribute("activity", page.activity());
    model.addAttribute(
        "lastActivityId", page.activity().isEmpty() ? null : page.activity().get(0).id());
    return "portal/job";
  }

  @GetMapping("/portal/submissions/{submissionId}")
  String submission(@PathVariable String submissionId, Model model, HttpServletResponse response) {
    ClientPages.CandidatePage page;
    try {
      page = pages.candidatePage(submissionId);
    } catch (NotFoundException e) {
      var job = pages.jobOfWithdrawn(submissionId).orElseThrow(() -> e);
      ClientPages.Frame frame = pages.frame();
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("me", frame.session());
      model.addAttribute("brand", frame.brand());
      model.addAttribute("job", job);
      return "portal/withdrawn";
    }
    PortalViews.SubmissionDetail s = page.submission();
    PortalClient.collaboratorId().ifPresent(me -> views.viewed(s.id(), me));
    model.addAttribute("me", page.session());
    model.addAttribute("brand", page.brand());
    model.addAttribute("job", page.job());
    model.addAttribute("s", s);
    model.addAttribute("activity", page.activity());
    model.addAttribute(
        "lastActivityId", page.activity().isEmpty() ? null : page.activity().get(0).id());
    model.addAttribute(
        "preview",
        s.attachments().stream().filter(a -> !"none".equals(a.preview())).findFirst().orElse(null));
    model.addAttribute("decided", s.status().isFinal());
    model.addAttribute("interviewRequested", s.status() == SubmissionStatus.INTERVIEW_REQUESTED);
    if (!model.containsAttribute("draft")) {
      model.addAttribute("draft", Map.of());
    }
    return "portal/candidate";
  }

  @PostMapping("/portal/submissions/{submissionId}/decision")
  String decide(
      @PathVariable String submissionId,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String availability,
      RedirectAttributes redirect) {
    review.jobIdOf(submissionId); // 404 before anything else for a submission not theirs
    String back = "redirect:/portal/submissions/" + submissionId;
    Decision chosen = parse(decision);
    String form = chosen == null ? "approve" : formOf(chosen);
    redirect.addFlashAttribute(
        "draft",
        Map.of(
            "form", form,
            "reason", reason == null ? "" : reason,
            "availability", availability == null ? "" : availability));
    if (chosen == null) {
      return failed(redirect, form, "Choose approve, reject or request an interview.", back);
    }
    try {
      reason = UserText.clean("reason", reason);
      availability = UserText.clean("availability", availability);
    } catch (InvalidInputException e) {
      return failed(redirect, form, e.getMessage(), back);
    }
    if ((reason != null && reason.length() > MAX_NOTE)
        || (availability != null && availability.length() > MAX_NOTE)) {
      return failed(redirect, form, "Your note is too long (at most 5,000 characters).", back);
    }
    if (chosen == Decision.REQUEST_INTERVIEW && blankToNull(availability) == null) {
      return failed(
          redirect,
          form,
          "Say when you are available, so your recruiter can arrange the interview.",
          back);
    }
    try {
      var result =
          review.decide(
              submissionId,
              chosen,
              blankToNull(reason),
              chosen == Decision.REQUEST_INTERVIEW ? blankToNull(availability) : null);
      redirect.addFlashAttribute("notice", noticeFor(result.status()));
      redirect.addFlashAttribute("draft", Map.of());
    } catch (ConflictException e) {
      return failed(redirect, form, e.getMessage(), back);
    }
    return back;
  }

  @PostMapping("/portal/submissions/{submissionId}/comments")
  String comment(
      @PathVariable String submissionId,
      @RequestParam(required = false) String body,
      RedirectAttributes redirect) {
    review.jobIdOf(submissionId);
    String back = "redirect:/portal/submissions/" + submissionId + "#thread";
    redirect.addFlashAttribute(
        "draft", Map.of("form", "comment", "body", body == null ? "" : body));
    if (body == null || body.isBlank()) {
      return failed(redirect, "comment", "Write a comment first.", back);
    }
    try {
      body = UserText.clean("comment", body);
    } catch (InvalidInputException e) {
      return failed(redirect, "comment", e.getMessage(), back);
    }
    if (body.length() > MAX_NOTE) {
      return failed(
          redirect, "comment", "Your comment is too long (at most 5,000 characters).", back);
    }
    try {
      review.comment(submissionId, body.strip());
    } catch (TooManyRequestsException e) {
      return failed(
          redirect,
          "comment",
          "You have posted many comments in a short time. Your comment was not sent; try again in "
              + wait(e)
              + ".",
          back);
    }
    redirect.addFlashAttribute("commentNotice", "Your comment was sent to your recruiter.");
    redirect.addFlashAttribute("draft", Map.of());
    return back;
  }

  private static String failed(RedirectAttributes redirect, String form, String error, String to) {
    redirect.addFlashAttribute("error", error);
    redirect.addFlashAttribute("errorFor", form);
    return to;
  }

  private static Decision parse(String decision) {
    try {
      return decision == null ? null : Decision.valueOf(decision);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String formOf(Decision decision) {
    return switch (decision) {
      case APPROVE -> "approve";
      case REJECT -> "reject";
      case REQUEST_INTERVIEW -> "interview";
    };
  }

  static String noticeFor(SubmissionStatus status) {
    return switch (status) {
      case APPROVED -> "Approved. Your recruiter has been told and will be in touch.";
      case REJECTED -> "Rejected. Your recruiter has been told; thank you for the feedback.";
      case INTERVIEW_REQUESTED ->
          "Interview requested. Your recruiter has your availability and will arrange it.";
      default -> "Thank you. Your recruiter has been told.";
    };
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
