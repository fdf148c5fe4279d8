package com.hirepilot.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hirepilot.app.system.PortalProperties;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The mailbox lists mail newest first across recipients and keeps each message at one address.
 * GreenMail returns messages grouped by recipient, so mail to A, B, A comes back as A, A, B: the
 * old list (that order reversed, addressed by position) put B's message on top and moved A's first
 * message to another number when B's arrived. The embedded server and sender are the ones the app
 * configures, over real SMTP; the controller answers through Spring MVC.
 */
class MailboxOrderTests {

  GreenMail server;
  JavaMailSenderImpl sender;
  MockMvc mvc;

  @BeforeEach
  void start() {
    EmbeddedMailConfiguration configuration = new EmbeddedMailConfiguration();
    server =
        configuration.embeddedSmtpServer(
            new PortalProperties(
                null,
                null,
                null,
                null,
                new PortalProperties.Mail(true, "no-reply@agency.test", 0),
                null,
                null,
                null,
                null,
                null));
    sender = configuration.mailSender(server, new MailProperties());
    mvc = MockMvcBuilders.standaloneSetup(new MailboxController(server)).build();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void mailToTwoRecipientsIsListedNewestFirstAndEachMessageKeepsItsAddress() throws Exception {
    send("a@client.test", "First to A");
    send("b@client.test", "Only to B");
    send("a@client.test", "Second to A");
    assertThat(server.getReceivedMessages()).hasSize(3);

    List<MailboxController.MessageSummary> listed = listed();
    assertThat(listed)
        .extracting(MailboxController.MessageSummary::subject)
        .containsExactly("Second to A", "Only to B", "First to A");
    assertThat(listed.get(0).received())
        .matches("\\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} UTC");
    String firstToA = listed.get(2).key();
    String onlyToB = listed.get(1).key();
    assertThat(firstToA).matches("[0-9a-f]{16}");
    assertShows(firstToA, "First to A");

    // More mail, for both recipients: every message stays where it was.
    send("b@client.test", "Second to B");
    send("a@client.test", "Third to A");
    assertThat(listed())
        .extracting(MailboxController.MessageSummary::subject)
        .containsExactly("Third to A", "Second to B", "Second to A", "Only to B", "First to A");
    assertShows(firstToA, "First to A");
    assertShows(onlyToB, "Only to B");
    mvc.perform(get("/mailbox/messages/" + firstToA + "/html"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("<p>First to A</p>")));
  }

  @Test
  void anUnknownKeyIsNotFound() throws Exception {
    send("a@client.test", "Hello");
    mvc.perform(get("/mailbox/messages/0123456789abcdef")).andExpect(status().isNotFound());
    mvc.perform(get("/mailbox/messages/1")).andExpect(status().isNotFound());
    mvc.perform(get("/mailbox/messages/0123456789abcdef/html")).andExpect(status().isNotFound());
  }

  @Test
  void aMessageWithoutMessageIdStillHasAStableKey() throws Exception {
    // As GreenMail stores one: parsed from what came over SMTP.
    String raw = "From: x@elsewhere.test\r\nTo: a@client.test\r\nSubject: No id\r\n\r\nbody\r\n";
    MimeMessage bare =
        new MimeMessage(
            (jakarta.mail.Session) null,
            new java.io.ByteArrayInputStream(
                raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(bare.getMessageID()).isNull();
    String key = MailboxController.key(bare);
    assertThat(key).matches("[0-9a-f]{16}").isEqualTo(MailboxController.key(bare));
    assertThat(bare.getMessageID()).as("reading the key changes nothing").isNull();
  }

  @SuppressWarnings("unchecked")
  private List<MailboxController.MessageSummary> listed() throws Exception {
    return (List<MailboxController.MessageSummary>)
        mvc.perform(get("/mailbox"))
            .andExpect(status().isOk())
            .andReturn()
            .getModelAndView()
            .getModel()
            .get("messages");
  }

  private void assertShows(String key, String subject) throws Exception {
    var view =
        (MailboxController.MessageView)
            mvc.perform(get("/mailbox/messages/" + key))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("message");
    assertThat(view.subject()).isEqualTo(subject);
    assertThat(view.key()).isEqualTo(key);
    assertThat(view.text()).isEqualTo(subject);
  }

  /** Sends over SMTP, then waits a little: received times are to the millisecond. */
  private void send(String to, String subject) throws Exception {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("no-reply@agency.test");
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(
        subject, "<!DOCTYPE html><html lang=\"en\"><body><p>" + subject + "</p></body></html>");
    sender.send(message);
    Thread.sleep(5);
  }
}
