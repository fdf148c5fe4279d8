package com.hirepilot.app.notification;

/** Why an email was sent. */
public enum EmailKind {
  SUBMISSION,
  RECRUITER_NOTIFICATION,
  ACCESS_LINK
}
