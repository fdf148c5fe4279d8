package com.hirepilot.app.submission;

import static com.hirepilot.app.testing.RecruiterApi.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marking a round's email sent is one conditional statement, run after every email and replayed by
 * retries: each case below is one the workflow meets, on both databases (the statement's {@code
 * case} expressions take their types from parameters, which PostgreSQL infers).
 */
abstract class RoundSentTests {

  private static final String SENDING = SubmissionStatus.SENDING.name();
  private static final String AWAITING = SubmissionStatus.AWAITING_FEEDBACK.name();

  @Autowired Submissions submissions;
  @Autowired JdbcClient jdbc;

  abstract TestRuntime runtime();

  @Test
  void theFirstMarkNotesTheTimeAndAwaitsFeedbackAndAReplayChangesNothing() throws Exception {
    String id = submissionAt(1, SENDING, null);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    assertThat(mark(id, 1, at)).isEqualTo(1);
    assertThat(row(id)).containsEntry("status", AWAITING).containsEntry("sent", at);

    assertThat(mark(id, 1, at.plusSeconds(60))).as("a retry").isZero();
    assertThat(row(id)).containsEntry("status", AWAITING).containsEntry("sent", at);
  }

  @Test
  void aRoundThatAResendReplacedChangesNothing() throws Exception {
    String id = submissionAt(2, SENDING, null);

    assertThat(mark(id, 1, Instant.now())).isZero();
    assertThat(row(id)).containsEntry("status", SENDING).containsEntry("sent", null);
  }

  @Test
  void aDecidedSubmissionKeepsItsDecisionAndStillNotesTheTime() throws Exception {
    String id = submissionAt(1, SubmissionStatus.APPROVED.name(), null);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    assertThat(mark(id, 1, at)).isEqualTo(1);
    assertThat(row(id))
        .containsEntry("status", SubmissionStatus.APPROVED.name())
        .containsEntry("sent", at);
  }

  @Test
  void aSendingSubmissionWhoseTimeIsNotedStillMovesOn() throws Exception {
    Instant earlier = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
    String id = submissionAt(1, SENDING, earlier);

    assertThat(mark(id, 1, Instant.now())).isEqualTo(1);
    assertThat(row(id)).containsEntry("status", AWAITING).containsEntry("sent", earlier);
  }

  private int mark(String id, int round, Instant at) {
    return submissions.roundSent(id, round, Timestamps.param(at), SENDING, AWAITING);
  }

  /** A real submission (its email out), then set to the round, status and sent time given. */
  private String submissionAt(int round, String status, Instant sentAt) throws Exception {
    RecruiterApi api = new RecruiterApi(runtime().origin(), TestRuntime.RECRUITER_TOKEN);
    String client = "round-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    String jobId = api.create("/api/jobs", "{\"title\":\"Platform Engineer\"}");
    api.create("/api/jobs/" + jobId + "/collaborators", "{\"email\":%s}".formatted(quote(client)));
    String candidateId = api.create("/api/candidates", "{\"name\":\"Sam Reed\"}");
    String id =
        api.create(
            "/api/jobs/" + jobId + "/submissions",
            "{\"candidateId\":%s}".formatted(quote(candidateId)));
    TestMail.awaitMessage(client, subject -> subject.startsWith("New candidate"));
    awaitStatus(id, AWAITING);
    jdbc.sql("update submission set email_round = ?, status = ?, round_sent_at = ? where id = ?")
        .params(round, status, sentAt == null ? null : Timestamps.param(sentAt), id)
        .update();
    return id;
  }

  private void awaitStatus(String id, String status) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!status.equals(row(id).get("status"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Submission " + id + " not " + status + " within 30 s");
      }
      Thread.sleep(100);
    }
  }

  private Map<String, Object> row(String id) {
    return jdbc.sql("select status, round_sent_at from submission where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              Instant sent = Timestamps.read(rs, "round_sent_at");
              java.util.HashMap<String, Object> row = new java.util.HashMap<>();
              row.put("status", rs.getString("status"));
              row.put("sent", sent == null ? null : sent.truncatedTo(ChronoUnit.MILLIS));
              return row;
            })
        .single();
  }
}
