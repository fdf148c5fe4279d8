package com.hirepilot.app.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * WEBHOOK {url, secret}: POSTs the event as JSON, signed with the rule's secret so the receiver
 * knows it came from this workspace (docs/support/automation-engine.md shows how to verify it). The
 * body is serialized once per attempt and exactly those bytes are signed and sent. {@code
 * X-HirePilot-Delivery} is the same on every retry, so a receiver that got an attempt whose answer
 * was lost can drop the repeat.
 */
@Component
class WebhookPerformer implements ActionPerformer {

  static final String SIGNATURE = "X-HirePilot-Signature";
  static final String TIMESTAMP = "X-HirePilot-Timestamp";
  static final String DELIVERY = "X-HirePilot-Delivery";
  static final String USER_AGENT = "HirePilot-Automation";

  private final OutboundHttp http;
  private final ObjectMapper json;
  private final Clock clock;

  WebhookPerformer(OutboundHttp http, ObjectMapper json, Clock clock) {
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public ActionType type() {
    return ActionType.WEBHOOK;
  }

  @Override
  public void perform(ActionRun run) {
    String url = run.action().setting("url");
    String secret = run.action().setting("secret");
    if (secret == null || secret.isEmpty()) {
      throw new PermanentActionFailure("The webhook has no secret to sign with");
    }
    byte[] body = body(run);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", USER_AGENT);
    headers.put(SIGNATURE, "sha256=" + sign(secret, body));
    headers.put(TIMESTAMP, Long.toString(clock.instant().getEpochSecond()));
    headers.put(DELIVERY, run.deliveryId());
    http.post(url, headers, body);
  }

  /**
   * {event, at, workspaceId, jobId, submissionId, candidateId, decision?, reason?}, nulls left out.
   */
  byte[] body(ActionRun run) {
    LifecycleEventOccurred event = run.event();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", event.trigger().name());
    payload.put("at", event.at() == null ? null : event.at().toString());
    payload.put("workspaceId", event.workspaceId());
    payload.put("jobId", event.jobId());
    payload.put("submissionId", event.submissionId());
    payload.put("candidateId", event.candidateId());
    payload.put("decision", run.decision());
    payload.put("reason", run.reason());
    payload.values().removeIf(java.util.Objects::isNull);
    try {
      return json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serializes", e);
    }
  }

  /** Lower-case hex HMAC-SHA256 of exactly these bytes. */
  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JVM has HmacSHA256", e);
    }
  }
}
