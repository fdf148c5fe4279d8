package com.hirepilot.app.mailbox;

import com.hirepilot.app.notification.MimeParts;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** Lists and shows the mail the embedded SMTP server received, newest first. */
@Controller
@ConditionalOnProperty(name = "portal.mail.embedded", havingValue = "true", matchIfMissing = true)
class MailboxController {

  private final GreenMail server;

  MailboxController(GreenMail server) {
    this.server = server;
  }

  record MessageSummary(int number, String to, String subject, Instant receivedAt) {}

  record MessageView(
      int number, String from, String to, String subject, Instant receivedAt, String text) {}

  @GetMapping("/mailbox")
  String list(Model model) throws MessagingException {
    MimeMessage[] messages = server.getReceivedMessages();
    List<MessageSummary> summaries = new ArrayList<>();
    for (int i = messages.length - 1; i >= 0; i--) {
      summaries.add(summary(i + 1, messages[i]));
    }
    model.addAttribute("messages", summaries);
    return "mailbox/list";
  }

  @GetMapping("/mailbox/messages/{number}")
  String show(@PathVariable int number, Model model) throws MessagingException, IOException {
    MimeMessage message = message(number);
    model.addAttribute(
        "message",
        new MessageView(
            number,
            addresses(message.getFrom()),
            addresses(message.getRecipients(Message.RecipientType.TO)),
            message.getSubject(),
            received(message),
            part(message, "text/plain")));
    model.addAttribute("hasHtml", part(message, "text/html") != null);
    return "mailbox/message";
  }

  /**
   * The message's HTML as sent, for the frame on the message page. Links open in the whole tab, so
   * a magic link behaves as it would in a mail client.
   */
  @GetMapping(path = "/mailbox/messages/{number}/html", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  ResponseEntity<String> html(@PathVariable int number) throws MessagingException, IOException {
    String html = part(message(number), "text/html");
    if (html == null) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
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

  private MimeMessage message(int number) {
    MimeMessage[] messages = server.getReceivedMessages();
    if (number < 1 || number > messages.length) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
    return messages[number - 1];
  }

  private static MessageSummary summary(int number, MimeMessage message) throws MessagingException {
    return new MessageSummary(
        number,
        addresses(message.getRecipients(Message.RecipientType.TO)),
        message.getSubject(),
        received(message));
  }

  private static Instant received(MimeMessage message) throws MessagingException {
    var date =
        message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
    return date == null ? null : date.toInstant();
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
