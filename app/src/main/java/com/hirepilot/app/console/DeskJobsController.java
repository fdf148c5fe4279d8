package com.hirepilot.app.console;

import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's jobs: the workspace's jobs, one job's page, and the forms that create and edit a job.
 * The job page's other forms are {@link DeskCollaboratorsController}'s (who reviews the job) and
 * {@link DeskSubmittingController}'s (submitting candidates to it); the records of all its forms
 * are here, with the page. Every form calls the service the recruiter API calls.
 */
@Controller
class DeskJobsController {

  private final DeskReads reads;
  private final DeskJobPage jobPage;
  private final JobService jobs;

  DeskJobsController(DeskReads reads, DeskJobPage jobPage, JobService jobs) {
    this.reads = reads;
    this.jobPage = jobPage;
    this.jobs = jobs;
  }

  /** What the job forms hold, so a refused form comes back with what was typed. */
  record JobForm(
      String title,
      String clientCompany,
      String location,
      String description,
      String requirements,
      Boolean showDescriptionToClients) {

    /**
     * A field the request left out is an empty field, as the page writes it back; an unticked box
     * (left out) is false.
     */
    JobForm {
      showDescriptionToClients = Boolean.TRUE.equals(showDescriptionToClients);
      title = FieldValues.text(title);
      clientCompany = FieldValues.text(clientCompany);
      location = FieldValues.text(location);
      description = FieldValues.text(description);
      requirements = FieldValues.text(requirements);
    }

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

    /**
     * The form's text cleaned, empty fields as null. Only for a form {@link JobFormValidator}
     * passed.
     */
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

  record CollaboratorForm(String email, String name) {

    CollaboratorForm {
      email = FieldValues.text(email);
      name = FieldValues.text(name);
    }
  }

  /**
   * The corrected address typed for one collaborator, kept when it is refused. The collaborator is
   * the one in the form's URL: Spring binds the path's {@code {collaboratorId}} to the form as it
   * binds a request parameter.
   */
  record CorrectionForm(String collaboratorId, String email) {

    CorrectionForm {
      collaboratorId = FieldValues.text(collaboratorId);
      email = FieldValues.text(email);
    }
  }

  record SubmitForm(List<String> candidateIds, String message, List<String> attachmentIds) {

    /** Nothing picked is an empty list; no message is an empty one. */
    SubmitForm {
      candidateIds = candidateIds == null ? List.of() : candidateIds;
      message = FieldValues.text(message);
      attachmentIds = attachmentIds == null ? List.of() : attachmentIds;
    }
  }

  @InitBinder("form")
  void checkJobForms(WebDataBinder binder) {
    binder.setValidator(new JobFormValidator());
  }

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
      @Valid @ModelAttribute("form") JobForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    DeskForms.requireBound(result);
    if (result.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", DeskForms.firstProblem(result));
      return jobs(model);
    }
    JobForm checked = form.checked();
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
    return jobPage.show(jobId, model);
  }

  @PostMapping("/console/jobs/{jobId}")
  String editJob(
      @PathVariable String jobId,
      @Valid @ModelAttribute("form") JobForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    jobs.get(workspaceId, jobId);
    DeskForms.requireBound(result);
    if (result.hasErrors()) {
      return jobPage.invalid(jobId, result, "edit", model, response);
    }
    JobForm checked = form.checked();
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
}
