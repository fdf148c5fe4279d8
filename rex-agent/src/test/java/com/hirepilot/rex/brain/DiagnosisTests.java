package com.hirepilot.rex.brain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.rex.tools.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every diagnosis branch of the playbooks, on typed findings, without the assistant around. */
class DiagnosisTests {

  private static final String JOB = "6f1c2a9e-0b7d-4c1e-9a43-2d5e8f7a1b30";
  private static final String SUB = "b2e4d6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b";

  /** A recruiter's turn about this question, after these tools answered. */
  private static Turn turn(String question, Object... findings) {
    List<Evidence.Read> reads =
        java.util.Arrays.stream(findings)
            .map(f -> new Evidence.Read(toolOf(f), new ObjectMapper().createObjectNode(), f))
            .toList();
    return new Turn(
        false,
        "http://portal.test",
        question,
        Understanding.read(question),
        List.of(),
        Evidence.of(reads),
        reads.size());
  }

  private static String toolOf(Object finding) {
    String name = finding.getClass().getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Findings.CollaboratorAccess access(String status, String linkState) {
    return new Findings.CollaboratorAccess(
        "dana@globex.example",
        List.of(
            new Findings.Membership(
                JOB,
                "Senior Backend Engineer",
                "col-1",
                status,
                "2026-11-30 10:00 UTC",
                "2026-11-30 10:01 UTC",
                "INVITATION",
                linkState,
                "2026-12-03 10:01 UTC",
                null)));
  }

  private static String access(Findings.CollaboratorAccess access) {
    return AccessProblem.INSTANCE.diagnosis(turn("dana@globex.example can't get in", access));
  }

  @Test
  void aValidLinkIsNotTheCause() {
    assertThat(access(access("ACTIVE", "VALID"))).contains("the link is not the cause");
  }

  @Test
  void aUsedLinkSignsInOnce() {
    assertThat(access(access("ACTIVE", "USED"))).contains("already used").contains("fresh link");
  }

  @Test
  void anExpiredLinkNeedsAFreshOne() {
    assertThat(access(access("ACTIVE", "EXPIRED"))).contains("expired. A fresh link fixes it");
  }

  @Test
  void aRevokedLinkNoLongerSignsIn() {
    assertThat(access(access("ACTIVE", "REVOKED"))).contains("revoked");
  }

  @Test
  void aRemovedCollaboratorsLinksStopped() {
    assertThat(access(access("REMOVED", "REVOKED"))).contains("removed from the job");
  }

  @Test
  void anAddressOnNoJobCannotSignIn() {
    assertThat(access(new Findings.CollaboratorAccess("x@nowhere.example", List.of())))
        .contains("on no job here");
  }

  @Test
  void aJobWhoseSubmissionsWereAllWithdrawnShowsNobody() {
    Findings.JobSubmissions job =
        new Findings.JobSubmissions(
            true,
            JOB,
            "Senior Backend Engineer",
            1,
            List.of(new Findings.SubmittedCandidate(SUB, "c-1", "Jordan Lee", "WITHDRAWN", false)));
    assertThat(NoCandidates.INSTANCE.diagnosis(turn("job " + JOB + " shows no candidates", job)))
        .contains("every submission to this job was withdrawn");
  }

  @Test
  void aJobWithNothingSubmittedIsRightlyEmpty() {
    Findings.JobSubmissions job =
        new Findings.JobSubmissions(true, JOB, "Senior Backend Engineer", 1, List.of());
    assertThat(NoCandidates.INSTANCE.diagnosis(turn("job " + JOB + " shows no candidates", job)))
        .contains("nothing has been submitted");
  }

  @Test
  void aPrivateSharedFileCannotBeDownloaded() {
    Findings.SubmissionAttachments files =
        new Findings.SubmissionAttachments(
            true,
            SUB,
            "Jordan Lee",
            List.of(
                new Findings.FileInfo(
                    "a-1",
                    "portfolio.pdf",
                    "PORTFOLIO",
                    1,
                    true,
                    false,
                    2048,
                    "application/pdf",
                    true)),
            false,
            false);
    assertThat(
            AttachmentDownload.INSTANCE.diagnosis(
                turn("client can't download the file on sub " + SUB, files)))
        .contains("portfolio.pdf is private")
        .contains("Upload it again with public=true");
  }

  @Test
  void aBouncedAddressIsNotSentAgain() {
    Findings.EmailDeliveries log =
        new Findings.EmailDeliveries(
            "dana@globex.example",
            new Findings.AddressFlag("BOUNCED", "550 5.1.1 mailbox does not exist", "2026-12-01"),
            List.of(
                new Findings.Delivery(
                    "SUBMISSION",
                    "New candidate",
                    "BOUNCED",
                    "2026-12-01 09:00 UTC",
                    null,
                    SUB,
                    1,
                    null,
                    "550 5.1.1 mailbox does not exist",
                    List.of())));
    Turn turn = turn("dana@globex.example never got the email", log);
    assertThat(EmailNotReceived.INSTANCE.diagnosis(turn))
        .contains("refused the email for good")
        .contains("550 5.1.1")
        .contains("Do not resend");
    assertThat(EmailNotReceived.INSTANCE.narrowerSection(turn))
        .isEqualTo("email-delivery#flagged-addresses");
  }

  @Test
  void aFailedAutomationRunNamesTheReceiversAnswer() {
    Findings.AutomationRuns log =
        new Findings.AutomationRuns(
            null,
            null,
            List.of(
                new Findings.AutomationRuleRuns(
                    "r-1",
                    "Tell the ATS",
                    "REJECTED",
                    false,
                    List.of(),
                    List.of("WEBHOOK"),
                    List.of(
                        new Findings.AutomationRun(
                            "run-1",
                            "2026-12-01 09:00 UTC",
                            "REJECTED",
                            JOB,
                            SUB,
                            "FAILED",
                            1,
                            null,
                            List.of(
                                new Findings.AutomationActionRun(
                                    0,
                                    "WEBHOOK",
                                    "FAILED",
                                    8,
                                    "http://ats.example answered 500: boom",
                                    "2026-12-01 09:10 UTC")))))));
    assertThat(AutomationNotFired.INSTANCE.diagnosis(turn("the webhook never arrived", log)))
        .contains("Tell the ATS")
        .contains("WEBHOOK action failed after 8 attempts")
        .contains("ats.example answered 500");
  }

  @Test
  void quietHealthDuringAReportedOutageStillMeansEscalating() {
    Findings.SystemHealth health =
        new Findings.SystemHealth(
            15, List.of(new Findings.Signal("PORTAL_5XX", 0, 300, false)), false);
    Turn turn = turn("none of my clients can log in", health);
    assertThat(SystemWideFailure.INSTANCE.diagnosis(turn))
        .contains("do not show it yet")
        .contains("urgent ticket");
    assertThat(SystemWideFailure.INSTANCE.missing(turn)).contains("the job REQ ID");
  }
}
