package com.hirepilot.app.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.system.InvalidInputException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one set of input rules the API, the console and the import check a candidate against. */
class CandidateProfileTests {

  final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
  final CandidateProfiles profiles = new CandidateProfiles(null, null, null, null, validator, null);

  @Test
  void theApiBodyKeepsItsFieldNames() throws Exception {
    CandidateProfile p =
        new ObjectMapper()
            .readValue(
                """
                {"name":"Jordan","title":"Engineer","currentCompany":"Northwind",
                 "skills":["Java"],"summary":"s","email":"j@example.com","phone":"1",
                 "internalNotes":"n"}
                """,
                CandidateProfile.class);
    assertThat(p)
        .isEqualTo(
            new CandidateProfile(
                "Jordan",
                "Engineer",
                "Northwind",
                List.of("Java"),
                "s",
                "j@example.com",
                "1",
                "n"));
  }

  @Test
  void checkNamesTheFirstFieldInError_inFieldOrder() {
    CandidateProfile bad =
        new CandidateProfile("", null, null, List.of(" "), null, "not-an-email", null, null);
    assertThatThrownBy(() -> profiles.check(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("name ");
    CandidateProfile badSkill =
        new CandidateProfile("Jordan", null, null, List.of(" "), null, "not-an-email", null, null);
    assertThatThrownBy(() -> profiles.check(badSkill))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("skills ");
  }

  @Test
  void aGoodProfilePasses() {
    profiles.check(new CandidateProfile("Jordan", null, null, null, null, null, null, null));
  }
}
