package com.hirepilot.app.notification;

/** Why an email was sent. */
public enum EmailKind {
  SUBMISSION,
  REMINDER,
  RECRUITER_NOTIFICATION,
  RECRUITER_ALERT,
  COMMENT_NOTIFICATION,
  ACCESS_LINK
}
