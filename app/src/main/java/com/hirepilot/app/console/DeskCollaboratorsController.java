package com.hirepilot.app.console;

import com.hirepilot.app.auth.AccessLinkResends;
import com.hirepilot.app.console.DeskJobsController.CollaboratorForm;
import com.hirepilot.app.console.DeskJobsController.CorrectionForm;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.notification.FlaggedAddressesException;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The job page's collaborators, the client people who review its candidates: adding and removing
 * them, sending one a fresh sign-in link, and vouching for or correcting a flagged address. As in
 * the recruiter API, through {@link JobCollaborators} and {@link AccessLinkResends}.
 */
@Controller
class DeskCollaboratorsController {

  private final DeskJobPage jobPage;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final AccessLinkResends accessLinks;

  DeskCollaboratorsController(
      DeskJobPage jobPage,
      JobService jobs,
      JobCollaborators collaborators,
      AccessLinkResends accessLinks) {
    this.jobPage = jobPage;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.accessLinks = accessLinks;
  }

  @InitBinder("collaboratorForm")
  void checkCollaboratorForms(WebDataBinder binder) {
    binder.setValidator(new CollaboratorFormValidator());
  }

  @InitBinder("correctionForm")
  void checkCorrectionForms(WebDataBinder binder) {
    binder.setValidator(new CorrectionFormValidator());
  }

  @PostMapping("/console/jobs/{jobId}/collaborators")
  String addCollaborator(
      @PathVariable String jobId,
      @Valid @ModelAttribute("collaboratorForm") CollaboratorForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    jobs.get(workspaceId, jobId);
    if (result.hasErrors()) {
      return jobPage.invalid(jobId, result, "add-collaborator", model, response);
    }
    Collaborator added =
        collaborators.add(
            workspaceId,
            jobId,
            DeskForms.email("email", form.email()),
            DeskForms.optional("name", "name", form.name(), DeskForms.SHORT_MAX));
    redirect.addFlashAttribute(
        "notice",
        added.displayName()
            + " can now review this job's candidates. They get a sign-in link with the next"
            + " submission, or send them one now.");
    return "redirect:/console/jobs/" + jobId;
  }

  @PostMapping("/console/jobs/{jobId}/collaborators/{collaboratorId}/remove")
  String removeCollaborator(
      @PathVariable String jobId,
      @PathVariable String collaboratorId,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    jobs.get(workspaceId, jobId);
    String who =
        collaborators
            .find(collaboratorId)
            .filter(c -> c.jobId().equals(jobId))
            .map(Collaborator::displayName)
            .orElse("The collaborator");
    collaborators.remove(workspaceId, jobId, collaboratorId);
    redirect.addFlashAttribute(
        "notice", "Removed " + who + ": their sign-in links and sessions stopped working.");
    return "redirect:/console/jobs/" + jobId;
  }

  @PostMapping("/console/jobs/{jobId}/collaborators/{collaboratorId}/access-link")
  String sendAccessLink(
      @PathVariable String jobId,
      @PathVariable String collaboratorId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    Collaborator sent;
    try {
      sent =
          accessLinks.send(
              recruiter.workspaceId(), jobId, collaboratorId, recruiter.name(), Ids.next());
    } catch (FlaggedAddressesException e) {
      return jobPage.refused(
          jobId, e, "collaboratorForm", new CollaboratorForm("", ""), "", model, response);
    }
    redirect.addFlashAttribute(
        "notice", "Sent " + sent.displayName() + " a fresh sign-in link at " + sent.email() + ".");
    return "redirect:/console/jobs/" + jobId;
  }

  /** The recruiter vouches for a flagged address: mail may go to it again. */
  @PostMapping("/console/jobs/{jobId}/collaborators/{collaboratorId}/address-confirmation")
  String confirmAddress(
      @PathVariable String jobId,
      @PathVariable String collaboratorId,
      @RequestParam(defaultValue = "job") String back,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    Optional<AddressFlags.Flag> cleared =
        collaborators.confirmAddress(
            recruiter.workspaceId(), jobId, collaboratorId, recruiter.name());
    redirect.addFlashAttribute(
        "notice",
        cleared
            .map(
                f ->
                    "Confirmed "
                        + f.address()
                        + ": submissions, resends and sign-in links go to it again.")
            .orElse("That address was not flagged: mail already goes to it."));
    return "attention".equals(back)
        ? "redirect:/console/attention"
        : "redirect:/console/jobs/" + jobId;
  }

  /**
   * The recruiter corrects a collaborator's address. As in the recruiter API, a new address is a
   * new access: the old record's links and sessions end, and the flag stays with the old address.
   */
  @PostMapping("/console/jobs/{jobId}/collaborators/{collaboratorId}/email")
  String correctAddress(
      @PathVariable String jobId,
      @PathVariable String collaboratorId,
      @Valid @ModelAttribute("correctionForm") CorrectionForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    jobs.get(recruiter.workspaceId(), jobId);
    String panel = "correct-" + collaboratorId;
    if (result.hasErrors()) {
      return jobPage.invalid(jobId, result, panel, model, response);
    }
    Collaborator moved;
    try {
      moved =
          collaborators.update(
              recruiter.workspaceId(),
              jobId,
              collaboratorId,
              null,
              DeskForms.email("email", form.email()),
              recruiter.name());
    } catch (ConflictException e) {
      // The service's refusal: a removed collaborator, or an address the job already has.
      return jobPage.refused(jobId, e, "correctionForm", form, panel, model, response);
    }
    redirect.addFlashAttribute(
        "notice",
        moved.displayName()
            + " now gets mail at "
            + moved.email()
            + ". Their old sign-in links stopped working; send them a fresh one.");
    return "redirect:/console/jobs/" + jobId;
  }
}
