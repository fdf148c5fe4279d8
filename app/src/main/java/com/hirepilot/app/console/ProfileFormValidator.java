package com.hirepilot.app.console;

import com.hirepilot.app.candidate.CandidateProfile;
import com.hirepilot.app.candidate.CandidateProfiles;
import com.hirepilot.app.console.ConsoleCandidatesController.ProfileForm;
import com.hirepilot.app.system.UserText;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the candidate create and edit forms as the recruiter API checks a candidate's JSON: text
 * through {@link UserText}'s gate, then the profile against {@link CandidateProfile}'s constraints
 * (the rules {@code CandidateProfiles.check} applies). Each problem is a field error with the
 * message a person reads; the first one registered is the one the page shows.
 */
final class ProfileFormValidator implements Validator {

  private final CandidateProfiles profiles;

  ProfileFormValidator(CandidateProfiles profiles) {
    this.profiles = profiles;
  }

  @Override
  public boolean supports(Class<?> type) {
    return ProfileForm.class.equals(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    ProfileForm form = (ProfileForm) target;
    typed(form)
        .forEach(
            (field, value) ->
                DeskForms.textProblem(field, value)
                    .ifPresent(message -> errors.rejectValue(field, "text", message)));
    if (errors.hasErrors()) {
      // The profile is only made of text that passed the gate.
      return;
    }
    profiles
        .problems(form.profile())
        .forEach(problem -> errors.rejectValue(problem.field(), "invalid", problem.message()));
  }

  /**
   * The form's fields as typed. Skills come first: the skill text has always been split (and so
   * cleaned) before the other fields, so with two refused fields it is the one the page names.
   */
  private static Map<String, String> typed(ProfileForm form) {
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("skills", form.skills());
    typed.put("name", form.name());
    typed.put("title", form.title());
    typed.put("currentCompany", form.currentCompany());
    typed.put("summary", form.summary());
    typed.put("email", form.email());
    typed.put("phone", form.phone());
    typed.put("internalNotes", form.internalNotes());
    return typed;
  }
}
