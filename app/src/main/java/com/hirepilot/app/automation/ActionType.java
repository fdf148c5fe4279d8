package com.hirepilot.app.automation;

/**
 * What a rule does. The settings each takes: {@code MOVE_STAGE {stage}}, {@code EMAIL {to}} (a
 * recruiter's address, a team address, or {@code RECRUITER} for the submitting recruiter), {@code
 * WEBHOOK {url, secret}}, {@code SLACK {url}}, {@code UPDATE_DEAL {stage}}, {@code CREATE_TASK
 * {title}}.
 */
public enum ActionType {
  MOVE_STAGE,
  EMAIL,
  WEBHOOK,
  SLACK,
  UPDATE_DEAL,
  CREATE_TASK
}
