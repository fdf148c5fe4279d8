package com.hirepilot.app.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * What a failure to hand a message to the relay says: its most specific words for the record, and
 * whether another attempt could go better.
 */
final class MailFailures {

  private MailFailures() {}

  /** The most specific message behind the failure: "Connection refused", "550 5.1.1 …". */
  static String describe(Throwable e) {
    String message = e.getMessage();
    for (Throwable cause : causes(e)) {
      if (cause != e && cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message.strip();
  }

  /**
   * Whether the relay refused the message for good: it rejected the recipient's address, which
   * another attempt would not change. Anything else (a refused connection, a timeout, a 4xx) is
   * worth another attempt.
   */
  static boolean isPermanent(MailException e) {
    for (Throwable cause : causes(e)) {
      if (cause instanceof SendFailedException failed
          && failed.getInvalidAddresses() != null
          && failed.getInvalidAddresses().length > 0) {
        return true;
      }
      if (cause instanceof AddressException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every exception behind a mail failure: the cause chains, and the per-message exceptions Spring
   * keeps beside them ({@link MailSendException#getMessageExceptions()}), where the SMTP server's
   * own words ("550 5.1.1 …") are.
   */
  private static List<Throwable> causes(Throwable e) {
    List<Throwable> found = new ArrayList<>();
    ArrayDeque<Throwable> toVisit = new ArrayDeque<>(List.of(e));
    while (!toVisit.isEmpty() && found.size() < 32) {
      Throwable next = toVisit.poll();
      if (next == null || found.contains(next)) {
        continue;
      }
      found.add(next);
      if (next.getCause() != null) {
        toVisit.add(next.getCause());
      }
      if (next instanceof MailSendException send) {
        toVisit.addAll(List.of(send.getMessageExceptions()));
      }
      if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
        toVisit.add(messaging.getNextException());
      }
    }
    return found;
  }
}
