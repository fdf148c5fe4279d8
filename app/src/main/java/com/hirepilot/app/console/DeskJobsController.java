package com.hirepilot.app.console;

import com.hirepilot.app.auth.AccessLinkResends;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.notification.FlaggedAddressesException;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.submission.SubmittingCandidates;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's job pages: the workspace's jobs, one job with its collaborators, its submissions board
 * and its activity, and the forms that create and edit jobs, manage collaborators and submit
 * candidates. Every form calls the service the recruiter API calls.
 */
@Controller
class DeskJobsController {

  private final DeskReads reads;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final AccessLinkResends accessLinks;
  private final SubmittingCandidates submitting;

  DeskJobsController(
      DeskReads reads,
      JobService jobs,
      JobCollaborators collaborators,
      AccessLinkResends accessLinks,
      SubmittingCandidates submitting) {
    this.reads = reads;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.accessLinks = accessLinks;
    this.submitting = submitting;
  }

  /** What the job forms hold, so a refused form comes back with what was typed. */
  record JobForm(
      String title,
      String clientCompany,
      String location,
      String description,
      String requirements,
      boolean showDescriptionToClients) {

    /** The job as the edit form shows it: a field the job leaves empty is an empty field. */
    static JobForm of(Job job) {
      return new JobForm(
          job.title(),
          FieldValues.text(job.clientCompany()),
          FieldValues.text(job.location()),
          FieldValues.text(job.description()),
          FieldValues.text(job.requirements()),
          job.showDescriptionToClients());
    }

    JobForm checked() {
      return new JobForm(
          DeskForms.required("title", "job title", title, DeskForms.TITLE_MAX),
          DeskForms.optional("clientCompany", "client company", clientCompany, DeskForms.SHORT_MAX),
          DeskForms.optional("location", "location", location, DeskForms.SHORT_MAX),
          DeskForms.optional("description", "description", description, DeskForms.LONG_MAX),
          DeskForms.optional("requirements", "requirements", requirements, DeskForms.LONG_MAX),
          showDescriptionToClients);
    }
  }

  record CollaboratorForm(String email, String name) {}

  /** The corrected address typed for one collaborator, kept when it is refused. */
  record CorrectionForm(String collaboratorId, String email) {}

  record SubmitForm(List<String> candidateIds, String message, List<String> attachmentIds) {}

  @GetMapping("/console/jobs")
  String jobs(Model model) {
    DeskReads.JobsPage page =
        reads.jobsPage(CurrentRecruiter.get().workspaceId(), CurrentRecruiter.get().recruiterId());
    model.addAttribute("page", page);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new JobForm("", "", "", "", "", false));
    }
    return "console/jobs";
  }

  @PostMapping("/console/jobs")
  String createJob(
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String clientCompany,
      @RequestParam(defaultValue = "") String location,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String requirements,
      @RequestParam(defaultValue = "false") boolean showDescriptionToClients,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    JobForm form =
        new JobForm(
            title, clientCompany, location, description, requirements, showDescriptionToClients);
    JobForm checked;
    try {
      checked = form.checked();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("form", form);
      return jobs(model);
    }
    Job job =
        jobs.create(
            CurrentRecruiter.get(),
            checked.title(),
            checked.description(),
            checked.requirements(),
            checked.location(),
            checked.clientCompany(),
            checked.showDescriptionToClients());
    redirect.addFlashAttribute(
        "notice", "Job created. Next: add the client people who will review candidates.");
    return "redirect:/console/jobs/" + job.id();
  }

  @GetMapping("/console/jobs/{jobId}")
  String job(@PathVariable String jobId, Model model) {
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

  @PostMapping("/console/jobs/{jobId}")
  String editJob(
      @PathVariable String jobId,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String clientCompany,
      @RequestParam(defaultValue = "") String location,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String requirements,
      @RequestParam(defaultValue = "false") boolean showDescriptionToClients,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    jobs.get(workspaceId, jobId);
    JobForm form =
        new JobForm(
            title, clientCompany, location, description, requirements, showDescriptionToClients);
    JobForm checked;
    try {
      checked = form.checked();
    } catch (InvalidInputException e) {
      return refused(jobId, e, "form", form, "edit", model, response);
    }
    jobs.update(
        workspaceId,
        jobId,
        // Empty optional fields clear them: the form always sends every field.
        new JobService.JobEdit(
            checked.title(),
            FieldValues.text(checked.description()),
            FieldValues.text(checked.requirements()),
            FieldValues.text(checked.location()),
            FieldValues.text(checked.clientCompany()),
            checked.showDescriptionToClients()));
    redirect.addFlashAttribute("notice", "Job saved. Clients see the change on their next page.");
    return "redirect:/console/jobs/" + jobId;
  }

  @PostMapping("/console/jobs/{jobId}/collaborators")
  String addCollaborator(
      @PathVariable String jobId,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String name,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    jobs.get(workspaceId, jobId);
    CollaboratorForm form = new CollaboratorForm(email, name);
    Collaborator added;
    try {
      added =
          collaborators.add(
              workspaceId,
              jobId,
              DeskForms.email("email", email),
              DeskForms.optional("name", "name", name, DeskForms.SHORT_MAX));
    } catch (InvalidInputException e) {
      return refused(jobId, e, "collaboratorForm", form, "add-collaborator", model, response);
    }
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
      return refused(
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
    java.util.Optional<AddressFlags.Flag> cleared =
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
      @RequestParam(defaultValue = "") String email,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    jobs.get(recruiter.workspaceId(), jobId);
    CorrectionForm form = new CorrectionForm(collaboratorId, email);
    Collaborator moved;
    try {
      moved =
          collaborators.update(
              recruiter.workspaceId(),
              jobId,
              collaboratorId,
              null,
              DeskForms.email("email", email),
              recruiter.name());
    } catch (InvalidInputException | ConflictException e) {
      return refused(
          jobId, e, "correctionForm", form, "correct-" + collaboratorId, model, response);
    }
    redirect.addFlashAttribute(
        "notice",
        moved.displayName()
            + " now gets mail at "
            + moved.email()
            + ". Their old sign-in links stopped working; send them a fresh one.");
    return "redirect:/console/jobs/" + jobId;
  }

  @PostMapping("/console/jobs/{jobId}/submissions")
  String submit(
      @PathVariable String jobId,
      @RequestParam(name = "candidateIds", required = false) List<String> candidateIds,
      @RequestParam(name = "attachmentIds", required = false) List<String> attachmentIds,
      @RequestParam(defaultValue = "") String message,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    jobs.get(recruiter.workspaceId(), jobId);
    List<String> picked = candidateIds == null ? List.of() : candidateIds;
    List<String> files = attachmentIds == null ? List.of() : attachmentIds;
    SubmitForm form = new SubmitForm(picked, message, files);
    try {
      String text = DeskForms.optional("message", "message", message, DeskForms.LONG_MAX);
      if (picked.isEmpty()) {
        throw new InvalidInputException("candidateIds", "pick at least one candidate to submit");
      }
      if (picked.size() > 100) {
        throw new InvalidInputException("candidateIds", "submit at most 100 candidates at once");
      }
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
      return refused(jobId, e, "submitForm", form, "submit", model, response);
    } catch (SubmittingCandidates.BulkRefused e) {
      String why =
          e.refusals().stream()
              .map(SubmittingCandidates.Refusal::message)
              .collect(Collectors.joining("; "));
      return refused(
          jobId,
          new InvalidInputException("candidateIds", "nothing was submitted: " + why),
          "submitForm",
          form,
          "submit",
          model,
          response);
    }
  }

  /**
   * The job page again, with the message and what was typed in the refused form: 422 for bad input,
   * 409 for a conflict such as a flagged address.
   */
  private String refused(
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
    return job(jobId, model);
  }
}
