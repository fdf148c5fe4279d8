package com.hirepilot.rex;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.rex.answer.Answer;
import org.junit.jupiter.api.Test;

class OfflineBrainTests {

  static java.util.List<String> tools(Answer a) {
    return a.toolCalls().stream().map(Answer.ToolCall::tool).toList();
  }

  @Test
  void asksForWhatIsMissingAndRemembersTheIssue() {
    FakeDesk desk = new FakeDesk();
    Rex rex = RexFixture.offline(desk);
    Answer first = rex.ask(RexFixture.RECRUITER, "c-1", "pls resend the portal link to my client");
    assertThat(tools(first)).isEmpty();
    assertThat(first.answer()).contains("the client's email address");
    Answer second = rex.ask(RexFixture.RECRUITER, "c-1", "casey.client@acme.example");
    assertThat(tools(second)).containsExactly("collaboratorAccess", "proposeAccessLinkResend");
    assertThat(second.proposedActions()).hasSize(1);
  }

  @Test
  void spelledOutNegationsReadLikeContractedOnes() {
    for (String[] pair :
        new String[][] {
          {"her sign-in link doesn't work", "her sign-in link does not work"},
          {"the link isn't working for my client", "the link is not working for my client"},
          {"she can't log in", "she cannot log in"},
          {"approve doesn't work", "approve is not working"}
        }) {
      assertThat(com.hirepilot.rex.brain.Understanding.read(pair[1]).intent())
          .as(pair[1])
          .isNotNull()
          .isEqualTo(com.hirepilot.rex.brain.Understanding.read(pair[0]).intent());
    }
  }

  @Test
  void aSystemWideFailureIsEscalatedAtOnce() {
    FakeDesk desk = new FakeDesk();
    desk.systemWide = true;
    Answer answer =
        RexFixture.offline(desk)
            .ask(
                RexFixture.RECRUITER,
                "c-2",
                "none of our clients can open their magic links today");
    assertThat(tools(answer)).containsExactly("systemHealth", "escalateSystemWideFailure");
    assertThat(answer.escalation()).isNotNull();
    assertThat(answer.answer()).contains("system-wide").contains("ticket T-1");
  }

  @Test
  void anOutageReportedWhileHealthIsQuietGetsAnUrgentTicketProposalThatNamesWhatHealthShows() {
    FakeDesk desk = new FakeDesk();
    Answer answer =
        RexFixture.offline(desk)
            .ask(RexFixture.RECRUITER, "c-3", "portal is down for ALL my clients");
    assertThat(tools(answer)).containsExactly("systemHealth", "proposeEscalation");
    // Nothing is opened without a person: the signals do not agree, so it is only proposed.
    assertThat(answer.escalation()).isNull();
    assertThat(desk.escalations).isEmpty();
    assertThat(desk.proposals)
        .singleElement()
        .isInstanceOfSatisfying(
            com.hirepilot.rex.tools.ProposedAction.Escalation.class,
            e -> {
              assertThat(e.urgent()).isTrue();
              assertThat(e.summary())
                  .contains("portal is down for ALL my clients")
                  .contains("No system-wide failure in the last 15 minutes")
                  .contains("magic-link sign-ins failing 1 of 40");
            });
    assertThat(answer.proposedActions()).hasSize(1);
    assertThat(answer.answer())
        .contains("No system-wide failure in the last 15 minutes")
        .contains("urgent ticket")
        .contains("open an URGENT ticket")
        .contains("the job REQ ID")
        .contains("the exact error message")
        .contains("the browser and system");
  }

  @Test
  void aTicketNeedsItsFieldsAndREXAsksForThem() {
    FakeDesk desk = new FakeDesk();
    Rex rex = RexFixture.offline(desk);
    Answer first =
        rex.ask(RexFixture.RECRUITER, "c-4", "open a ticket please, the client is stuck");
    assertThat(first.proposedActions()).isEmpty();
    assertThat(first.answer()).contains("the job REQ ID").contains("browser");
    Answer second =
        rex.ask(
            RexFixture.RECRUITER,
            "c-4",
            "job "
                + FakeDesk.JOB
                + ", casey.client@acme.example, error: \"Something went wrong\", Chrome 120 on"
                + " Windows 11");
    assertThat(second.proposedActions()).hasSize(1);
    assertThat(desk.proposals.get(0))
        .isInstanceOf(com.hirepilot.rex.tools.ProposedAction.Escalation.class);
  }

  @Test
  void aClientNeverReachesARecruiterTool() {
    FakeDesk desk = new FakeDesk();
    Answer answer =
        RexFixture.offline(desk)
            .ask(
                RexFixture.CLIENT,
                "c-5",
                "Client can't log in, link expired, resend to dana@globex.example on job "
                    + FakeDesk.JOB);
    // The job ID is read too, with the client's own tool: only their jobs can answer.
    assertThat(tools(answer)).containsExactly("myAccess", "myJobs", "proposeMyAccessLink");
    assertThat(desk.proposals)
        .singleElement()
        .extracting("email")
        .isEqualTo(RexFixture.CLIENT.email());
  }

  @Test
  void aClientIsGivenClientStepsNeverTheAgencysApi() {
    Rex rex = RexFixture.offline(new FakeDesk());
    for (String question :
        java.util.List.of(
            "The resume I'm looking at seems out of date",
            "I can't get into the portal, it says my link is invalid",
            "the pdf wont download",
            "Can you give me a quick tour of the portal?",
            "can clients edit candidate details?",
            "how do I leave feedback on a candidate?")) {
      Answer answer = rex.ask(RexFixture.CLIENT, "steps-" + question.hashCode(), question);
      assertThat(answer.answer()).as(question).doesNotContain("/api/").isNotBlank();
    }
    Answer recruiter =
        rex.ask(
            RexFixture.RECRUITER,
            "steps-r",
            "client is seeing the old resume on submission " + FakeDesk.SUBMISSION);
    assertThat(recruiter.answer()).contains("/api/submissions/");
  }

  @Test
  void answersLinkOnlyToThePortalAndNeverLeakInternalTextToClients() {
    FakeDesk desk = new FakeDesk();
    com.hirepilot.rex.answer.AnswerCheck check =
        new com.hirepilot.rex.answer.AnswerCheck(RexFixture.PORTAL);
    assertThat(check.links("see https://evil.test/x and " + RexFixture.PORTAL + "/portal/jobs/1"))
        .isEqualTo("see [link removed] and " + RexFixture.PORTAL + "/portal/jobs/1");
    assertThat(
            check.forClient(
                "note "
                    + FakeDesk.INTERNAL_NOTE
                    + " call "
                    + FakeDesk.CANDIDATE_PHONE
                    + " or x@y.test, me casey.client@acme.example",
                RexFixture.CLIENT.email(),
                desk.internalTextsFor(RexFixture.CLIENT)))
        .doesNotContain(FakeDesk.INTERNAL_NOTE)
        .doesNotContain(FakeDesk.CANDIDATE_PHONE)
        .doesNotContain("x@y.test")
        .contains("casey.client@acme.example");
  }

  @Test
  void aBouncedAddressIsExplainedWithTheProvidersReasonAndNeverResentTo() {
    FakeDesk desk = new FakeDesk();
    Answer answer =
        RexFixture.offline(desk)
            .ask(
                RexFixture.RECRUITER,
                "mail-1",
                FakeDesk.BOUNCED + " says she never got the email for job Senior Backend Engineer");
    System.out.println(answer.answer());
    assertThat(tools(answer)).containsExactly("collaboratorAccess", "emailDeliveries");
    assertThat(answer.answer())
        .contains("550 5.1.1 mailbox does not exist")
        .contains("Do not resend")
        .contains("POST /api/jobs/" + FakeDesk.JOB + "/collaborators/col-1/address-confirmation")
        .contains("PATCH /api/jobs/" + FakeDesk.JOB + "/collaborators/col-1 {")
        .contains("[email-delivery#flagged-addresses]");
    assertThat(desk.proposals).isEmpty();
    assertThat(answer.proposedActions()).isEmpty();
  }

  @Test
  void aSpamReportIsAFlagToo_askTheClientThenConfirm() {
    FakeDesk desk = new FakeDesk();
    Answer answer =
        RexFixture.offline(desk)
            .ask(RexFixture.RECRUITER, "mail-2", FakeDesk.SPAM_REPORT + " never got our emails");
    System.out.println(answer.answer());
    assertThat(answer.answer())
        .contains("marked our email as spam")
        .contains("Do not resend")
        .contains("address-confirmation");
    assertThat(desk.proposals).isEmpty();
  }

  @Test
  void aRetryingDeliveryIsOnItsWay_noResend() {
    FakeDesk desk = new FakeDesk();
    Answer answer =
        RexFixture.offline(desk)
            .ask(
                RexFixture.RECRUITER,
                "mail-3",
                FakeDesk.RETRYING + " didn't receive the submission email");
    System.out.println(answer.answer());
    assertThat(answer.answer())
        .contains("relay is failing")
        .contains("smtp.sendgrid.net, 587")
        .contains("The next attempt is at 2026-12-01 09:08 UTC")
        .contains("arrive once the relay is back")
        .contains("[email-delivery#not-sent-yet]");
    assertThat(desk.proposals).isEmpty();
  }

  @Test
  void aDeliveredEmailIsInSpamOrAFilter_andAResendMayFollow() {
    FakeDesk desk = new FakeDesk();
    Answer answer =
        RexFixture.offline(desk)
            .ask(
                RexFixture.RECRUITER,
                "mail-4",
                FakeDesk.DELIVERED + " never got the submission email");
    System.out.println(answer.answer());
    assertThat(answer.answer())
        .contains("accepted it at 2026-12-01 09:01 UTC")
        .contains("spam or junk")
        .contains("filter")
        .contains("[email-delivery#spam-and-filters]");
    assertThat(desk.proposals)
        .singleElement()
        .isInstanceOf(com.hirepilot.rex.tools.ProposedAction.SubmissionResend.class);
  }

  @Test
  void aDeferredEmailWaitsForSendGrid_andAFailedOneIsResentAfterTheFix() {
    FakeDesk desk = new FakeDesk();
    Rex rex = RexFixture.offline(desk);
    Answer deferred =
        rex.ask(RexFixture.RECRUITER, "mail-5", FakeDesk.DEFERRED + " never got our email");
    System.out.println(deferred.answer());
    assertThat(deferred.answer()).contains("421 4.7.0 try again later").contains("72 hours");
    assertThat(desk.proposals).isEmpty();
    Answer failed =
        rex.ask(RexFixture.RECRUITER, "mail-6", "dana@globex.example never got our email");
    System.out.println(failed.answer());
    assertThat(failed.answer())
        .contains("550 mailbox unavailable")
        .contains("Fix the cause first")
        .contains("then resend");
    assertThat(desk.proposals)
        .singleElement()
        .isInstanceOf(com.hirepilot.rex.tools.ProposedAction.SubmissionResend.class);
  }
}
