package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskJobsController.CollaboratorForm;
import com.hirepilot.app.console.DeskJobsController.CorrectionForm;
import com.hirepilot.app.console.DeskJobsController.JobForm;
import com.hirepilot.app.console.DeskJobsController.SubmitForm;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The desk's job page as the job, collaborator and submitting controllers show it: one job with its
 * collaborators, submissions board and activity, and its forms, empty or as a refused one was
 * typed.
 */
@Component
class DeskJobPage {

  private final DeskReads reads;

  DeskJobPage(DeskReads reads) {
    this.reads = reads;
  }

  String show(String jobId, Model model) {
    DeskReads.JobPage page = reads.jobPage(CurrentRecruiter.get().workspaceId(), jobId);
    model.addAttribute("page", page);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", JobForm.of(page.job()));
    }
    if (!model.containsAttribute("collaboratorForm")) {
      model.addAttribute("collaboratorForm", new CollaboratorForm("", ""));
    }
    if (!model.containsAttribute("submitForm")) {
      model.addAttribute("submitForm", new SubmitForm(List.of(), "", List.of()));
    }
    if (!model.containsAttribute("correctionForm")) {
      model.addAttribute("correctionForm", new CorrectionForm("", ""));
    }
    return "console/job";
  }

  /**
   * The job page again as 422, with the first problem the form's validator found and the form as
   * typed (it is already in the model, under its binding's name).
   */
  String invalid(
      String jobId,
      BindingResult result,
      String openPanel,
      Model model,
      HttpServletResponse response) {
    DeskForms.showRefused(result, openPanel, model, response);
    return show(jobId, model);
  }

  /**
   * The job page again, with the message and what was typed in the refused form: 422 for bad input,
   * 409 for a conflict such as a flagged address.
   */
  String refused(
      String jobId,
      RuntimeException e,
      String formName,
      Object form,
      String openPanel,
      Model model,
      HttpServletResponse response) {
    response.setStatus(
        e instanceof ConflictException
            ? HttpStatus.CONFLICT.value()
            : HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", e);
    model.addAttribute(formName, form);
    model.addAttribute("openPanel", openPanel);
    return show(jobId, model);
  }
}
