package com.hirepilot.rex;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.rex.answer.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Look before answering: identifiers are read, in the turn they appear or a turn later. */
class GroundingTests {

  private static List<String> tools(Answer a) {
    return OfflineBrainTests.tools(a);
  }

  @Test
  void aStatusQuestionThatNamesASubmissionIsAnsweredFromTheRecord() {
    Answer answer =
        RexFixture.offline(new FakeDesk())
            .ask(
                RexFixture.RECRUITER,
                "g-1",
                "how many reminders has the client had on sub " + FakeDesk.SUBMISSION + "?");
    assertThat(tools(answer)).containsExactly("submissionState");
    assertThat(answer.answer())
        .contains("Jordan Lee for \u201cSenior Backend Engineer\u201d: awaiting feedback")
        .contains("1 reminder(s) sent")
        .contains("next reminder due 2026-12-03 09:00 UTC")
        .doesNotContain("I need");
  }

  @Test
  void anIdGivenATurnLaterGroundsTheEarlierQuestion() {
    Rex rex = RexFixture.offline(new FakeDesk());
    Answer first = rex.ask(RexFixture.RECRUITER, "g-2", "has my client answered yet?");
    assertThat(tools(first)).isEmpty();
    assertThat(first.answer()).contains("I need").contains("the submission ID");

    Answer second = rex.ask(RexFixture.RECRUITER, "g-2", "it's " + FakeDesk.SUBMISSION);
    assertThat(tools(second)).containsExactly("submissionState");
    assertThat(second.answer()).contains("awaiting feedback").contains("1 reminder(s) sent");
  }

  @Test
  void anAddressInAQuestionOfAnyKindIsLookedUp() {
    Answer answer =
        RexFixture.offline(new FakeDesk())
            .ask(
                RexFixture.RECRUITER,
                "g-3",
                "is dana@globex.example a collaborator on job " + FakeDesk.JOB + "?");
    assertThat(tools(answer)).containsExactlyInAnyOrder("collaboratorAccess", "jobSubmissions");
    assertThat(answer.answer()).contains("dana@globex.example is an active collaborator");
  }

  @Test
  void aCandidateIdIsLookedUpWithTheCandidatesSubmissions() {
    Answer answer =
        RexFixture.offline(new FakeDesk())
            .ask(
                RexFixture.RECRUITER,
                "g-4",
                "why can't my client see candidate " + FakeDesk.CANDIDATE + "?");
    assertThat(tools(answer)).contains("candidateSubmissions");
    assertThat(answer.answer())
        .contains("Jordan Lee was submitted to \u201cSenior Backend Engineer\u201d");
  }

  @Test
  void anIdThatMatchesNothingIsSaidSoAndAskedFor() {
    String unknown = "7d2f9a4c-1111-4222-8333-944455556666";
    Answer answer =
        RexFixture.offline(new FakeDesk())
            .ask(RexFixture.RECRUITER, "g-5", "what's the status of submission " + unknown);
    assertThat(tools(answer)).containsExactly("submissionState");
    assertThat(answer.answer())
        .contains("There is no submission " + unknown + " in this workspace")
        .contains("I need the right ID: " + unknown + " matches nothing in this workspace");
    assertThat(answer.proposedActions()).isEmpty();
  }

  @Test
  void anUnlabelledIdIsTriedAsEachKindOfRecordUntilOneIsFound() {
    Answer answer =
        RexFixture.offline(new FakeDesk())
            .ask(RexFixture.RECRUITER, "g-6", "what's going on with " + FakeDesk.JOB + "? status?");
    assertThat(tools(answer)).containsExactly("submissionState", "jobSubmissions");
    assertThat(answer.answer())
        .contains("\u201cSenior Backend Engineer\u201d has 1 candidate visible to clients")
        .doesNotContain("matches nothing");
  }

  @Test
  void aClientTourLinksToTheClientsOwnPages() {
    Answer answer =
        RexFixture.offline(new FakeDesk())
            .ask(RexFixture.CLIENT, "g-7", "I'm new here, can you give me a quick tour?");
    assertThat(tools(answer)).containsExactly("myJobs");
    assertThat(answer.answer())
        .contains("Your pages:")
        .contains(RexFixture.PORTAL + "/portal\n")
        .contains(RexFixture.PORTAL + "/portal/jobs/" + FakeDesk.JOB)
        .contains(RexFixture.PORTAL + "/portal/submissions/" + FakeDesk.SUBMISSION)
        .contains("Your decision");
  }
}
