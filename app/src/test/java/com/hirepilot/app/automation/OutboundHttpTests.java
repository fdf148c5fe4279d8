package com.hirepilot.app.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound client against a loopback receiver. {@code receiver.test} exists only in the test's
 * own resolver (it answers 127.0.0.1, allowed here): a request that reaches the receiver under that
 * name went to the address the check resolved, not to a second DNS answer.
 */
class OutboundHttpTests {

  private final Receiver receiver = new Receiver();
  private final OutboundHttp http =
      new OutboundHttp(
          new OutboundTargets(
              List.of("receiver.test", "127.0.0.1"),
              host ->
                  host.equals("receiver.test")
                      ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                      : InetAddress.getAllByName(host)),
          Duration.ofSeconds(2),
          Duration.ofMillis(500));

  @AfterEach
  void stop() {
    receiver.close();
  }

  private void post(String url) {
    http.post(url, Map.of("Content-Type", "text/plain"), "hi".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anHttpNameIsCalledAtTheAddressThatWasCheckedWithItsOwnHostHeader() {
    String url = "http://receiver.test:" + receiver.port() + "/in?x=1&y=%20";
    post(url);

    Receiver.Received request = receiver.received.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/in?x=1&y=%20");
    assertThat(request.header("Host")).isEqualTo("receiver.test:" + receiver.port());
    assertThat(request.localAddress()).isEqualTo("127.0.0.1");
    assertThat(request.text()).isEqualTo("hi");
  }

  @Test
  void aServerErrorIsRetriedWithWhatTheReceiverSaid() {
    receiver.answering(Receiver.status(503, "x".repeat(300) + " down\nfor maintenance"));
    assertThatThrownBy(() -> post(receiver.url("/in")))
        .isInstanceOf(OutboundFailure.class)
        .hasMessageStartingWith("http://127.0.0.1:" + receiver.port() + " answered 503: xxx")
        .hasMessageEndingWith("x".repeat(10) + "…")
        .hasMessageNotContaining("/in");
  }

  @Test
  void tooManyRequestsAndRequestTimeoutAreRetried() {
    for (int status : new int[] {408, 429}) {
      receiver.answering(Receiver.status(status, "slow down"));
      assertThatThrownBy(() -> post(receiver.url("/in")))
          .isInstanceOf(OutboundFailure.class)
          .hasMessageContaining("answered " + status + ": slow down");
    }
  }

  @Test
  void otherClientErrorsArePermanent() {
    receiver.answering(Receiver.status(410, "{\"error\":\"hook deleted\"}"));
    assertThatThrownBy(() -> post(receiver.url("/in")))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("answered 410: {\"error\":\"hook deleted\"}");
  }

  @Test
  void aRedirectIsNotFollowed() {
    receiver.answering(Receiver.redirect("http://169.254.169.254/latest/meta-data"));
    assertThatThrownBy(() -> post(receiver.url("/in")))
        .isInstanceOf(PermanentActionFailure.class)
        .hasMessageContaining("302")
        .hasMessageContaining("http://169.254.169.254/latest/meta-data")
        .hasMessageContaining("not followed");
    assertThat(receiver.received).hasSize(1);
  }

  @Test
  void aReceiverThatNeverAnswersFailsTheAttemptInTime() {
    receiver.answering(Receiver.stall(3000));
    long start = System.nanoTime();
    assertThatThrownBy(() -> post(receiver.url("/in")))
        .isInstanceOf(OutboundFailure.class)
        .hasMessageContaining("No answer from http://127.0.0.1:" + receiver.port());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void nobodyListeningIsRetried() {
    int port = receiver.port();
    receiver.close();
    assertThatThrownBy(() -> post("http://127.0.0.1:" + port + "/in"))
        .isInstanceOf(OutboundFailure.class)
        .hasMessageContaining("Could not reach http://127.0.0.1:" + port);
  }
}
