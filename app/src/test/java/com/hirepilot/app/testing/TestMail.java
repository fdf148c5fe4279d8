package com.hirepilot.app.testing;

import com.hirepilot.app.notification.MimeParts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) for every test context in the JVM; the app sends to it over SMTP
 * exactly as it would to a relay.
 */
public final class TestMail {

  public static final GreenMail SERVER;

  static {
    SERVER = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
    SERVER.start();
  }

  private TestMail() {}

  public static int port() {
    return SERVER.getSmtp().getPort();
  }

  public static List<MimeMessage> to(String address) {
    return Arrays.stream(SERVER.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  /** Waits for a message to the address whose subject matches, failing after a generous bound. */
  public static MimeMessage awaitMessage(String address, Predicate<String> subject) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage m : to(address)) {
        if (subject.test(subjectOf(m))) {
          return m;
        }
      }
      sleep();
    }
    throw new AssertionError("No email to " + address + " arrived in time");
  }

  public static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Subject, HTML and text of a message, for searching. */
  public static String everything(MimeMessage m) {
    return subjectOf(m) + "\n" + part(m, "text/html") + "\n" + part(m, "text/plain");
  }

  public static String part(Part part, String mimeType) {
    try {
      return MimeParts.find(part, mimeType);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern PORTAL_LINK =
      Pattern.compile("https?://[^\\s\"'<>]+/portal/login\\?token=[A-Za-z0-9_\\-]+");

  /** Every distinct portal sign-in link in the message's HTML and text. */
  public static List<String> portalLinks(MimeMessage m) {
    String html = String.valueOf(part(m, "text/html"));
    String text = String.valueOf(part(m, "text/plain"));
    return java.util.stream.Stream.of(html, text)
        .flatMap(
            body -> {
              Matcher matcher = PORTAL_LINK.matcher(body);
              java.util.List<String> found = new java.util.ArrayList<>();
              while (matcher.find()) {
                found.add(matcher.group());
              }
              return found.stream();
            })
        .distinct()
        .toList();
  }

  public static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
