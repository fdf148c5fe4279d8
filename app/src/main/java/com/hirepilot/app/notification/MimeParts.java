package com.hirepilot.app.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Reads the bodies out of a received MIME message (the mailbox page shows them). */
public final class MimeParts {

  private MimeParts() {}

  /** The first body part of the given type, searching nested multiparts; null if none. */
  public static String find(Part part, String mimeType) throws MessagingException, IOException {
    if (part.isMimeType(mimeType)) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = find(multipart.getBodyPart(i), mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
