package com.hirepilot.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.testing.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/portal/jobs/{jobId}/events}: the job's client-visible activity, live. */
class PortalEventStreamTests extends PortalFixture {

  static final Duration SOON = Duration.ofSeconds(10);

  static String events(String jobId) {
    return "/api/portal/jobs/" + jobId + "/events";
  }

  static boolean says(EventStream.Event event, String text) {
    return "activity".equals(event.name()) && event.detail().contains(text);
  }

  @Test
  void onConnectTheJobsClientVisibleActivityArrivesAsActivityEvents() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);

    try (EventStream stream = EventStream.open(client, events(setup.job().id()))) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/event-stream");
      EventStream.Event submitted =
          stream.await(
              e -> says(e, setup.candidate().name() + " was submitted"), SOON, "'was submitted'");

      JsonNode data = submitted.json();
      assertThat(submitted.id()).isNotBlank().isEqualTo(data.get("id").asText());
      assertThat(data.get("type").asText()).isEqualTo("SUBMITTED");
      assertThat(data.get("submissionId").asText()).isEqualTo(setup.submissionId());
      assertThat(data.hasNonNull("at")).isTrue();
      assertThat(data.has("actor")).isTrue();
      assertThat(data.get("status").asText()).isIn("SENDING", "AWAITING_FEEDBACK");
      assertThat(data.get("statusLabel").asText()).isNotBlank();
    }
  }

  @Test
  void aRecruiterReplyArrivesLiveOnTheOpenStream() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);

    try (EventStream stream = EventStream.open(client, events(setup.job().id()))) {
      stream.await(e -> says(e, " was submitted"), SOON, "'was submitted'");

      HttpResponse<String> reply = recruiterComment(setup.submissionId(), "Happy to answer.");
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

      EventStream.Event replied =
          stream.await(
              e -> says(e, "replied about " + setup.candidate().name()), SOON, "'replied about'");
      assertThat(replied.json().get("submissionId").asText()).isEqualTo(setup.submissionId());
      assertThat(replied.json().get("type").asText()).isEqualTo("COMMENTED");
    }
  }

  @Test
  void aReconnectWithLastEventIdGetsOnlyTheLinesAfterIt() {
    Setup first = submitted("First.");
    Setup second = submittedTo(first.job(), first.client(), "Second.");
    Browser client = signIn(first);
    String jobId = first.job().id();
    String newest;
    try (EventStream stream = EventStream.open(client, events(jobId))) {
      stream.await(e -> says(e, first.candidate().name() + " was submitted"), SOON, "first");
      newest =
          stream
              .await(e -> says(e, second.candidate().name() + " was submitted"), SOON, "second")
              .id();
    }
    assertThat(recruiterComment(first.submissionId(), "A reply.").statusCode()).isEqualTo(201);

    try (EventStream again =
        EventStream.open(client, events(jobId), Map.of("Last-Event-ID", newest))) {
      assertThat(again.status()).isEqualTo(200);
      again.await(e -> says(e, "replied about " + first.candidate().name()), SOON, "the reply");
      List<EventStream.Event> more = again.drain(Duration.ofSeconds(2));
      assertThat(again.received())
          .as("lines up to Last-Event-ID are not sent again")
          .noneMatch(e -> says(e, " was submitted"));
      assertThat(more).noneMatch(e -> e.id().equals(newest));
    }
  }

  @Test
  void aReconnectAfterALineOfANowWithdrawnCandidateStillSendsNothingAgain() {
    Setup kept = submitted("Kept.");
    Setup withdrawn = submittedTo(kept.job(), kept.client(), "Withdrawn later.");
    Browser client = signIn(kept);
    String jobId = kept.job().id();
    String newest;
    try (EventStream stream = EventStream.open(client, events(jobId))) {
      stream.await(e -> says(e, kept.candidate().name() + " was submitted"), SOON, "first");
      newest =
          stream
              .await(e -> says(e, withdrawn.candidate().name() + " was submitted"), SOON, "second")
              .id();
    }
    // The page's newest line is about a candidate who is then withdrawn.
    withdraw(withdrawn.submissionId());
    assertThat(recruiterComment(kept.submissionId(), "A reply.").statusCode()).isEqualTo(201);

    try (EventStream again =
        EventStream.open(client, events(jobId), Map.of("Last-Event-ID", newest))) {
      again.await(e -> says(e, "replied about " + kept.candidate().name()), SOON, "the reply");
      again.drain(Duration.ofSeconds(2));
      assertThat(again.received())
          .as("lines up to Last-Event-ID are not sent again")
          .noneMatch(e -> says(e, kept.candidate().name() + " was submitted"));
    }
  }

  @Test
  void anotherJobsStreamIsNotFound() {
    Setup mine = submitted("Mine.");
    Setup theirs = submitted("Theirs.");
    Browser me = signIn(mine);

    try (EventStream stream = EventStream.open(me, events(theirs.job().id()))) {
      assertThat(stream.status()).isEqualTo(404);
      assertThat(stream.body()).doesNotContain(theirs.candidate().name());
    }
  }

  @Test
  void withoutASessionTheStreamIsUnauthorized() {
    Setup setup = submitted("A strong match.");

    try (EventStream stream = EventStream.open(new Browser(origin), events(setup.job().id()))) {
      assertThat(stream.status()).isEqualTo(401);
      assertThat(stream.body()).doesNotContain(setup.candidate().name());
    }
  }

  @Test
  void aRemovedClientsOpenStreamEndsAtTheNextPushAndCannotReconnect() {
    Setup setup = submitted("A strong match.");
    Browser client = signIn(setup);
    String jobId = setup.job().id();

    try (EventStream stream = EventStream.open(client, events(jobId))) {
      stream.await(e -> says(e, " was submitted"), SOON, "'was submitted'");
      HttpResponse<String> removed =
          recruiter.delete(
              "/api/jobs/" + jobId + "/collaborators/" + setup.client().collaboratorId());
      assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);

      assertThat(recruiterComment(setup.submissionId(), "Still there?").statusCode())
          .isEqualTo(201);

      assertThat(stream.endsWithin(SOON))
          .as("the server ends the removed client's stream")
          .isTrue();
      assertThat(stream.received()).noneMatch(e -> says(e, "replied about"));
    }
    try (EventStream again = EventStream.open(client, events(jobId))) {
      assertThat(again.status()).isIn(401, 404);
    }
  }

  @Test
  void internalActivityAndInternalDataNeverAppearOnTheStream() {
    Setup shown = submitted("Shown.");
    Setup withdrawn = submittedTo(shown.job(), shown.client(), "Withdrawn later.");
    Browser client = signIn(shown);
    String jobId = shown.job().id();

    try (EventStream stream = EventStream.open(client, events(jobId))) {
      stream.await(e -> says(e, withdrawn.candidate().name() + " was submitted"), SOON, "second");
      withdraw(withdrawn.submissionId());
      assertThat(recruiterComment(shown.submissionId(), "News soon.").statusCode()).isEqualTo(201);
      stream.await(e -> says(e, "replied about " + shown.candidate().name()), SOON, "the reply");
      stream.drain(Duration.ofSeconds(2));

      assertThat(stream.received()).noneMatch(e -> says(e, "withdrew"));
      assertThat(stream.received())
          .noneMatch(e -> e.json().path("status").asText().equals("WITHDRAWN"));
      assertNoMarkers(stream.raw(), shown, withdrawn);
    }
    // A fresh page hears nothing of the withdrawn candidate at all.
    try (EventStream fresh = EventStream.open(client, events(jobId))) {
      fresh.await(e -> says(e, "replied about " + shown.candidate().name()), SOON, "the reply");
      fresh.drain(Duration.ofSeconds(2));
      assertThat(fresh.raw()).doesNotContain(withdrawn.candidate().name());
      assertNoMarkers(fresh.raw(), shown, withdrawn);
    }
  }

  static void assertNoMarkers(String text, Setup... setups) {
    for (Setup setup : setups) {
      assertThat(text)
          .doesNotContain(setup.marker())
          .doesNotContain("PRIVATEFILE")
          .doesNotContain(setup.privateFileId());
    }
  }
}
