package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.throttle.Throttle;
import com.hirepilot.app.throttle.Throttles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * A client asked for a fresh sign-in link. The answer is the same page at once for everybody; the
 * lookup, the link and the email happen in the background, so nobody can learn from the answer
 * whether an address belongs to a collaborator.
 */
@Component
class AccessLinkRequests implements OneTimeTokenGenerationSuccessHandler {

  private static final Logger log = LoggerFactory.getLogger(AccessLinkRequests.class);

  private final JobCollaborators collaborators;
  private final AccessLinkMail accessLinkMail;
  private final TaskExecutor executor;
  private final Throttles throttles;

  AccessLinkRequests(
      JobCollaborators collaborators,
      AccessLinkMail accessLinkMail,
      TaskExecutor executor,
      Throttles throttles) {
    this.throttles = throttles;
    this.collaborators = collaborators;
    this.accessLinkMail = accessLinkMail;
    this.executor = executor;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
      throws IOException {
    String address = Collaborator.normalizeEmail(token.getUsername());
    // Over the address's limit the request is dropped, and answered like any other: the limit
    // counts every address alike, so it reveals nothing about who is a client.
    if (address != null
        && !address.isBlank()
        && throttles.take(Throttle.LINK_REQUESTS_PER_ADDRESS, address).isEmpty()) {
      executor.execute(() -> sendLinkIfCollaborator(address));
    }
    response.sendRedirect("/portal/access?sent");
  }

  void sendLinkIfCollaborator(String email) {
    String address = Collaborator.normalizeEmail(email);
    if (address == null || address.isBlank()) {
      return;
    }
    var found = collaborators.activeByEmail(address);
    if (found.isEmpty()) {
      return;
    }
    Collaborator collaborator = found.get(0);
    String key = "access-link/" + collaborator.id() + "/" + Ids.next();
    try {
      accessLinkMail.send(collaborator, LoginLinks.Purpose.REQUESTED, key);
    } catch (RuntimeException e) {
      log.warn("Could not send a requested access link: {}", e.getMessage());
    }
  }
}
