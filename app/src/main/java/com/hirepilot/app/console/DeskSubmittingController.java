package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskJobsController.SubmitForm;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.FlaggedAddressesException;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.submission.SubmittingCandidates;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Submitting candidates to a job from its page: one candidate with the files picked, or several at
 * once, each with their newest public resume. The submitting is {@link SubmittingCandidates}', as
 * in the recruiter API.
 */
@Controller
class DeskSubmittingController {

  private final DeskJobPage jobPage;
  private final JobService jobs;
  private final SubmittingCandidates submitting;

  DeskSubmittingController(DeskJobPage jobPage, JobService jobs, SubmittingCandidates submitting) {
    this.jobPage = jobPage;
    this.jobs = jobs;
    this.submitting = submitting;
  }

  @InitBinder("submitForm")
  void checkSubmitForms(WebDataBinder binder) {
    binder.setValidator(new SubmitFormValidator());
  }

  @PostMapping("/console/jobs/{jobId}/submissions")
  String submit(
      @PathVariable String jobId,
      @Valid @ModelAttribute("submitForm") SubmitForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    jobs.get(recruiter.workspaceId(), jobId);
    if (result.hasErrors()) {
      return jobPage.invalid(jobId, result, "submit", model, response);
    }
    List<String> picked = form.candidateIds();
    List<String> files = form.attachmentIds();
    String text = DeskForms.optional("message", "message", form.message(), DeskForms.LONG_MAX);
    try {
      if (picked.size() == 1) {
        Submission submission = submitting.submit(recruiter, jobId, picked.get(0), text, files);
        redirect.addFlashAttribute(
            "notice", "Submitted: the workflow started and the job's clients are being emailed.");
        return "redirect:/console/submissions/" + submission.id();
      }
      List<Submission> submitted = submitting.submitAll(recruiter, jobId, picked, text);
      redirect.addFlashAttribute(
          "notice",
          "Submitted "
              + submitted.size()
              + " candidates, each with their newest public resume: the clients are being"
              + " emailed.");
      return "redirect:/console/jobs/" + jobId;
    } catch (InvalidInputException | FlaggedAddressesException e) {
      return jobPage.refused(jobId, e, "submitForm", form, "submit", model, response);
    } catch (SubmittingCandidates.BulkRefused e) {
      String why =
          e.refusals().stream()
              .map(SubmittingCandidates.Refusal::message)
              .collect(Collectors.joining("; "));
      return jobPage.refused(
          jobId,
          new InvalidInputException("candidateIds", "nothing was submitted: " + why),
          "submitForm",
          form,
          "submit",
          model,
          response);
    }
  }
}
