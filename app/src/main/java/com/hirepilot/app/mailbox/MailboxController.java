package com.hirepilot.app.mailbox;

import com.hirepilot.app.notification.MimeParts;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lists and shows the mail the embedded SMTP server received, newest first across all recipients.
 *
 * <p>GreenMail hands its messages back grouped by recipient mailbox, so neither their order nor
 * their position says when they arrived: the list sorts by received time, and each message is
 * addressed by a key derived from its own Message-ID, so a link to it keeps working as more mail
 * arrives.
 */
@Controller
@ConditionalOnProperty(name = "portal.mail.embedded", havingValue = "true", matchIfMissing = true)
class MailboxController {

  /** How the pages show when a message arrived; the mailbox runs on a server, so in UTC. */
  static final DateTimeFormatter RECEIVED =
      DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** 16 hex digits (64 bits): short enough for a URL, far beyond any collision in a dev mailbox. */
  private static final int KEY_LENGTH = 16;

  /** Newest first; messages of the same millisecond in the order of their keys, never shuffled. */
  private static final Comparator<Received> NEWEST_FIRST =
      Comparator.comparing(
              Received::receivedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(Received::key);

  private final GreenMail server;

  MailboxController(GreenMail server) {
    this.server = server;
  }

  record MessageSummary(
      String key, String to, String subject, Instant receivedAt, String received) {}

  record MessageView(
      String key,
      String from,
      String to,
      String subject,
      Instant receivedAt,
      String received,
      String text) {}

  /** A received message with what the list sorts and looks it up by. */
  private record Received(String key, Instant receivedAt, MimeMessage message) {}

  @GetMapping("/mailbox")
  String list(Model model) throws MessagingException {
    List<MessageSummary> summaries = new ArrayList<>();
    for (Received r : received()) {
      summaries.add(
          new MessageSummary(
              r.key(),
              addresses(r.message().getRecipients(Message.RecipientType.TO)),
              r.message().getSubject(),
              r.receivedAt(),
              format(r.receivedAt())));
    }
    model.addAttribute("messages", summaries);
    return "mailbox/list";
  }

  @GetMapping("/mailbox/messages/{key}")
  String show(@PathVariable String key, Model model) throws MessagingException, IOException {
    Received received = message(key);
    MimeMessage message = received.message();
    model.addAttribute(
        "message",
        new MessageView(
            received.key(),
            addresses(message.getFrom()),
            addresses(message.getRecipients(Message.RecipientType.TO)),
            message.getSubject(),
            received.receivedAt(),
            format(received.receivedAt()),
            part(message, "text/plain")));
    model.addAttribute("hasHtml", part(message, "text/html") != null);
    return "mailbox/message";
  }

  /**
   * The message's HTML as sent, for the frame on the message page. Links open in the whole tab, so
   * a magic link behaves as it would in a mail client.
   */
  @GetMapping(path = "/mailbox/messages/{key}/html", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  ResponseEntity<String> html(@PathVariable String key) throws MessagingException, IOException {
    String html = part(message(key).message(), "text/html");
    if (html == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(withTopTarget(html));
  }

  /**
   * Links in the framed email open in the whole window. The {@code <base>} goes inside the email's
   * head: in front of its doctype it would put the browser in quirks mode.
   */
  static String withTopTarget(String html) {
    String base = "<base target=\"_top\">";
    java.util.regex.Matcher head =
        java.util.regex.Pattern.compile(
                "<head(\\s[^>]*)?>", java.util.regex.Pattern.CASE_INSENSITIVE)
            .matcher(html);
    return head.find()
        ? html.substring(0, head.end()) + base + html.substring(head.end())
        : base + html;
  }

  /**
   * Every message once, newest first. A message sent to several recipients is stored once per
   * mailbox, as identical copies with one Message-ID: the list shows it once.
   */
  private List<Received> received() throws MessagingException {
    Map<String, Received> byKey = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      String key = key(message);
      byKey.putIfAbsent(key, new Received(key, receivedAt(message), message));
    }
    return byKey.values().stream().sorted(NEWEST_FIRST).toList();
  }

  private Received message(String key) throws MessagingException {
    for (MimeMessage message : server.getReceivedMessages()) {
      if (key(message).equals(key)) {
        return new Received(key, receivedAt(message), message);
      }
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  /**
   * The message's address on these pages: a hash of its Message-ID, which JavaMail gives every
   * message the app sends and which no later mail changes. A message without one (sent to the port
   * by something else) is hashed by all its headers (Date and Received included), which are as
   * stable. Only read, never written: writing out a message would give it a new Message-ID.
   */
  static String key(MimeMessage message) throws MessagingException {
    MessageDigest sha256 = sha256();
    String messageId = message.getMessageID();
    if (messageId != null && !messageId.isBlank()) {
      sha256.update(("Message-ID:" + messageId.strip()).getBytes(StandardCharsets.UTF_8));
    } else {
      for (String line : Collections.list(message.getAllHeaderLines())) {
        sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha256.digest()).substring(0, KEY_LENGTH);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** When GreenMail stored it (to the millisecond), or the Date header if it has no such time. */
  private static Instant receivedAt(MimeMessage message) throws MessagingException {
    var date =
        message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
    return date == null ? null : date.toInstant();
  }

  private static String format(Instant instant) {
    return instant == null ? "" : RECEIVED.format(instant);
  }

  private static String addresses(jakarta.mail.Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Object::toString).collect(Collectors.joining(", "));
  }

  private static String part(Part part, String mimeType) throws MessagingException, IOException {
    return MimeParts.find(part, mimeType);
  }
}
