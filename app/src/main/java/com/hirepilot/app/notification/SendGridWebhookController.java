package com.hirepilot.app.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/sendgrid}: SendGrid's Event Webhook. No session and no CSRF token (the
 * security configuration lets this one path through): the signature is the authentication, so the
 * raw body is read and checked before anything parses it.
 */
@RestController
class SendGridWebhookController {

  private static final Logger log = LoggerFactory.getLogger(SendGridWebhookController.class);

  static final String PATH = "/webhooks/sendgrid";

  /**
   * SendGrid posts a batch every 30 seconds or when it reaches 768 KB; anything much larger is not
   * SendGrid's, and is refused before it is read into memory.
   */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final SendGridSignature signature;
  private final SendGridEvents events;

  SendGridWebhookController(SendGridSignature signature, SendGridEvents events) {
    this.signature = signature;
    this.events = events;
  }

  @PostMapping(PATH)
  ResponseEntity<ProblemDetail> receive(
      @RequestHeader(name = SendGridSignature.SIGNATURE_HEADER, required = false) String signed,
      @RequestHeader(name = SendGridSignature.TIMESTAMP_HEADER, required = false) String timestamp,
      HttpServletRequest request)
      throws IOException {
    if (!signature.enabled()) {
      return problem(
          HttpStatus.NOT_FOUND,
          "Not found",
          "The SendGrid Event Webhook is off: set SENDGRID_WEBHOOK_PUBLIC_KEY to turn it on.");
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return tooLarge();
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return tooLarge();
    }
    Optional<String> refusal = signature.refusal(signed, timestamp, body);
    if (refusal.isPresent()) {
      // Someone without the key, or a key pasted wrong: the operator sees it here.
      log.info("Refused a SendGrid webhook batch: {}", refusal.get());
      return problem(HttpStatus.FORBIDDEN, "Forbidden", refusal.get());
    }
    List<SendGridEvents.Event> batch;
    try {
      batch = events.read(body);
    } catch (SendGridEvents.Unreadable e) {
      return problem(HttpStatus.BAD_REQUEST, "Unreadable batch", e.getMessage());
    }
    int applied = events.apply(batch);
    log.debug("SendGrid batch: {} delivery events, {} applied", batch.size(), applied);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ProblemDetail> tooLarge() {
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "Batch too large",
        "A SendGrid event batch is at most " + MAX_BODY_BYTES / 1024 + " KB here.");
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
