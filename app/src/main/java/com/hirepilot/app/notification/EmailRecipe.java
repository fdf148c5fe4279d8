package com.hirepilot.app.notification;

import com.hirepilot.workflows.submission.EmailKind;
import java.util.Map;

/**
 * What an email is built from, recorded when it is queued. The message itself is built anew at each
 * attempt by the {@link EmailComposer} of its kind, so a sign-in link in it is issued per attempt
 * and never stored.
 *
 * @param submissionId the submission it is about, or null
 * @param recipientId the collaborator or recruiter it goes to, or null (a team address)
 * @param subject the subject as far as it is known when queued, or null
 * @param params the step's own values, such as the round or the reminder's number
 */
public record EmailRecipe(
    String idempotencyKey,
    String workspaceId,
    String submissionId,
    EmailKind kind,
    String recipient,
    String recipientId,
    String subject,
    Map<String, String> params) {

  public EmailRecipe {
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  public String param(String name) {
    return params.get(name);
  }

  public int intParam(String name) {
    return Integer.parseInt(params.get(name));
  }
}
