package com.hirepilot.app.console;

import com.hirepilot.app.console.DeskJobsController.JobForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the create and edit job forms before the job service is called: the title is required, the
 * other fields optional, all within the recruiter API's limits ({@link DeskForms}). The first
 * problem registered, in the form's field order, is the one the page shows.
 */
final class JobFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return JobForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    JobForm form = (JobForm) target;
    DeskForms.check(errors, "title", "job title", form.title(), DeskForms.TITLE_MAX, true);
    DeskForms.check(
        errors,
        "clientCompany",
        "client company",
        form.clientCompany(),
        DeskForms.SHORT_MAX,
        false);
    DeskForms.check(errors, "location", "location", form.location(), DeskForms.SHORT_MAX, false);
    DeskForms.check(
        errors, "description", "description", form.description(), DeskForms.LONG_MAX, false);
    DeskForms.check(
        errors, "requirements", "requirements", form.requirements(), DeskForms.LONG_MAX, false);
  }
}
