package com.hirepilot.app.candidate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The fields of a candidate as a recruiter gives them: the API's JSON body, a console form, a row
 * of an imported spreadsheet. Its constraints are the one set of rules all three are checked
 * against, so a candidate the console accepts is one the API would accept too. As an edit, a null
 * field is one left as it is.
 */
// The API document keeps naming the body as it always has, so generated clients do not change.
@Schema(name = "NewCandidate")
public record CandidateProfile(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) String title,
    @Size(max = 200) String currentCompany,
    @Size(max = 50) List<@NotBlank @Size(max = 100) String> skills,
    @Size(max = 20_000) String summary,
    @Email @Size(max = 320) String email,
    @Size(max = 50) String phone,
    @Size(max = 50_000) String internalNotes) {

  /** The skills given, or none when the field was left out. */
  List<String> skillsOrNone() {
    return skills == null ? List.of() : skills;
  }
}
