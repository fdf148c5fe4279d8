package com.hirepilot.app.portal;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.OtherWorkspaces;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The thread of {@code GET /api/portal/submissions/{id}}, and the recruiter's replies in it. */
class PortalThreadTests extends PortalFixture {

  @Autowired ApplicationContext app;

  JsonNode thread(Browser client, String submissionId) {
    HttpResponse<String> answer = client.get("/api/portal/submissions/" + submissionId);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer).get("thread");
  }

  static List<JsonNode> ofType(JsonNode thread, String type) {
    List<JsonNode> found = new ArrayList<>();
    thread.forEach(
        entry -> {
          if (type.equals(entry.get("type").asText())) {
            found.add(entry);
          }
        });
    return found;
  }

  HttpResponse<String> resend(String submissionId, String json) {
    HttpResponse<String> resent =
        recruiter.post("/api/submissions/" + submissionId + "/resend", json);
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
    return resent;
  }

  @Test
  void theThreadKeepsTheOriginalMessageAfterAResendAndShowsTheNewOneAsAnUpdate() {
    String original = "Original pitch " + unique();
    String updated = "Updated pitch " + unique();
    Setup setup = submitted(original);
    awaitStatus(setup.submissionId(), "AWAITING_FEEDBACK");
    Browser client = signIn(setup);

    resend(setup.submissionId(), "{\"message\":%s}".formatted(quote(updated)));

    JsonNode thread = thread(client, setup.submissionId());
    List<JsonNode> submitted = ofType(thread, "SUBMITTED");
    assertThat(submitted).hasSize(1);
    assertThat(submitted.get(0).get("body").asText()).isEqualTo(original);
    assertThat(submitted.get(0).get("fromAgency").asBoolean()).isTrue();
    assertThat(thread.get(0).get("type").asText()).isEqualTo("SUBMITTED");
    List<JsonNode> updates = ofType(thread, "UPDATED");
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).get("body").asText()).isEqualTo(updated);
    assertThat(updates.get(0).get("fromAgency").asBoolean()).isTrue();
    JsonNode detail = json(client.get("/api/portal/submissions/" + setup.submissionId()));
    assertThat(detail.get("message").asText()).isEqualTo(updated);
  }

  @Test
  void aResendWithoutAMessageAddsAnUpdateWithAGenericSentence() {
    String original = "Original pitch " + unique();
    Setup setup = submitted(original);
    awaitStatus(setup.submissionId(), "AWAITING_FEEDBACK");
    Browser client = signIn(setup);

    resend(setup.submissionId(), "{}");

    JsonNode thread = thread(client, setup.submissionId());
    assertThat(ofType(thread, "SUBMITTED")).hasSize(1);
    assertThat(ofType(thread, "SUBMITTED").get(0).get("body").asText()).isEqualTo(original);
    List<JsonNode> updates = ofType(thread, "UPDATED");
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).get("body").asText()).isNotBlank().isNotEqualTo(original);
    // The card keeps the message the client was sent.
    JsonNode detail = json(client.get("/api/portal/submissions/" + setup.submissionId()));
    assertThat(detail.get("message").asText()).isEqualTo(original);
  }

  @Test
  void aRecruiterReplyIsRepliedFromTheAgencyAndAClientCommentIsCommentedFromTheClient() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);
    String reply = "Reply from the agency " + unique();
    String comment = "Question from the client " + unique();

    HttpResponse<String> replied = recruiterComment(setup.submissionId(), reply);
    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);
    HttpResponse<String> commented =
        client.postJson(
            "/api/portal/submissions/" + setup.submissionId() + "/comments",
            "{\"body\":%s}".formatted(quote(comment)));
    assertThat(commented.statusCode()).as(commented.body()).isEqualTo(201);

    JsonNode thread = thread(client, setup.submissionId());
    List<JsonNode> replies = ofType(thread, "REPLIED");
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).get("body").asText()).isEqualTo(reply);
    assertThat(replies.get(0).get("fromAgency").asBoolean()).isTrue();
    List<JsonNode> comments = ofType(thread, "COMMENTED");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("body").asText()).isEqualTo(comment);
    assertThat(comments.get(0).get("fromAgency").asBoolean()).isFalse();
    assertThat(comments.get(0).get("author").asText()).isEqualTo(setup.client().name());
  }

  @Test
  void theRecruitersRepliesReachTheClientByEmailEachOnceAndDigestedWithinTheWindow()
      throws Exception {
    Setup setup = submitted("A strong match.");
    awaitStatus(setup.submissionId(), "AWAITING_FEEDBACK");
    String name = setup.candidate().name();
    List<String> replies =
        List.of("First reply " + unique(), "Second reply " + unique(), "Third reply " + unique());

    assertThat(recruiterComment(setup.submissionId(), replies.get(0)).statusCode()).isEqualTo(201);
    assertThat(recruiterComment(setup.submissionId(), replies.get(1)).statusCode()).isEqualTo(201);
    // Longer than the test app's digest window (3 s): the second reply's digest is out by now.
    pause(Duration.ofSeconds(8));
    assertThat(recruiterComment(setup.submissionId(), replies.get(2)).statusCode()).isEqualTo(201);
    pause(Duration.ofSeconds(2));

    List<jakarta.mail.internet.MimeMessage> emails =
        TestMail.to(setup.client().email()).stream()
            .filter(m -> TestMail.subjectOf(m).contains("about " + name))
            .toList();
    // The first reply goes at once; the second within its window either joins it or follows as
    // a digest; the third, after a quiet window, is an email of its own.
    assertThat(emails).hasSizeBetween(2, 3);
    for (String reply : replies) {
      assertThat(emails)
          .as(reply)
          .filteredOn(m -> TestMail.everything(m).contains(reply))
          .hasSize(1);
    }
    jakarta.mail.internet.MimeMessage last = emails.get(emails.size() - 1);
    assertThat(TestMail.everything(last)).contains(replies.get(2)).doesNotContain(replies.get(0));
    assertThat(last.getReplyTo())
        .extracting(Object::toString)
        .containsExactly(TestRuntime.RECRUITER_EMAIL);
    // Its button signs the client in, at the candidate.
    assertThat(new Browser(origin).signInWith(TestMail.portalLinks(last).get(0))).isEqualTo(200);
  }

  @Test
  void aRecruitersOwnReplyIsNeverEmailedToThemAsAComment() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);
    String name = setup.candidate().name();
    String reply = "Reply from the agency " + unique();
    String comment = "Question from the client " + unique();

    assertThat(recruiterComment(setup.submissionId(), reply).statusCode()).isEqualTo(201);
    // Longer than the test app's digest window (3 s): a digest would be out by now.
    pause(Duration.ofSeconds(6));
    assertThat(commentEmailsAbout(name)).as("comment emails after the recruiter's reply").isEmpty();

    // The digest itself works: the client's comment reaches the recruiter, without the reply.
    assertThat(
            client
                .postJson(
                    "/api/portal/submissions/" + setup.submissionId() + "/comments",
                    "{\"body\":%s}".formatted(quote(comment)))
                .statusCode())
        .isEqualTo(201);
    var email =
        TestMail.awaitMessage(
            TestRuntime.RECRUITER_EMAIL, s -> s.contains(name) && s.contains("comment"));
    assertThat(TestMail.everything(email)).contains(comment).doesNotContain(reply);
    pause(Duration.ofSeconds(5));
    assertThat(commentEmailsAbout(name)).hasSize(1);
    assertThat(TestMail.to(TestRuntime.RECRUITER_EMAIL))
        .noneMatch(m -> TestMail.everything(m).contains(reply));
  }

  static List<?> commentEmailsAbout(String candidateName) {
    return mailTo(
        TestRuntime.RECRUITER_EMAIL,
        s -> s.contains(candidateName) && (s.contains("commented") || s.contains("comments")));
  }

  @Test
  void aBlankReplyIsAnInvalidInputProblem() {
    Setup setup = submitted("A strong match.");

    HttpResponse<String> answer = recruiterComment(setup.submissionId(), "   ");

    assertProblem(answer, 422);
    assertThat(json(answer).get("errors").findValuesAsText("field")).contains("body");
  }

  @Test
  void aReplyToAnUnknownOrAnotherWorkspacesSubmissionIsNotFound() {
    Setup setup = submitted("A strong match.");
    String otherToken = "other-" + UUID.randomUUID();
    OtherWorkspaces.create(app, "Other agency", otherToken);
    RecruiterApi stranger = new RecruiterApi(origin, otherToken);

    assertProblem(recruiterComment("no-such-submission", "Hello"), 404);
    HttpResponse<String> foreign =
        stranger.post(
            "/api/submissions/" + setup.submissionId() + "/comments", "{\"body\":\"Hello\"}");
    assertProblem(foreign, 404);
  }

  @Test
  void aReplyToAWithdrawnSubmissionIsAConflict() {
    Setup setup = submitted("A strong match.");
    withdraw(setup.submissionId());

    assertProblem(recruiterComment(setup.submissionId(), "Anyone there?"), 409);
  }

  @Test
  void aReplyWithoutATokenIsUnauthorized() {
    Setup setup = submitted("A strong match.");

    HttpResponse<String> answer =
        new RecruiterApi(origin, "not-a-token")
            .post("/api/submissions/" + setup.submissionId() + "/comments", "{\"body\":\"Hi\"}");

    assertThat(answer.statusCode()).isEqualTo(401);
  }

  @Test
  void theCandidatePageShowsTheOriginalAndTheUpdatedMessageOnceEach() {
    String original = "Original pitch " + unique();
    String updated = "Updated pitch " + unique();
    Setup setup = submitted(original);
    awaitStatus(setup.submissionId(), "AWAITING_FEEDBACK");
    Browser client = signIn(setup);
    resend(setup.submissionId(), "{\"message\":%s}".formatted(quote(updated)));

    HttpResponse<String> page = client.get("/portal/submissions/" + setup.submissionId());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(occurrences(page.body(), original)).as("the original message").isEqualTo(1);
    assertThat(occurrences(page.body(), updated)).as("the updated message").isEqualTo(1);
  }

  static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
