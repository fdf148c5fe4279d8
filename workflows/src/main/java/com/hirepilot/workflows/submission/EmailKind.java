package com.hirepilot.workflows.submission;

/** Why an email was sent. The names are stored with each delivery record and never change. */
public enum EmailKind {
  SUBMISSION,
  REMINDER,
  RECRUITER_NOTIFICATION,
  RECRUITER_ALERT,
  COMMENT_NOTIFICATION,
  ACCESS_LINK,
  /** An escalation ticket REX opened, to the support address. */
  SUPPORT_TICKET,
  /** The recruiter replied in a submission's conversation: the client hears of it. */
  RECRUITER_REPLY,
  /** An automation rule's {@code EMAIL} action, to a recruiter or a team address. */
  AUTOMATION
}
