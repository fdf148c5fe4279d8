package com.hirepilot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirepilot.app.auth.AccessLinkResends;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.ProposedAction;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Emailing a collaborator a fresh sign-in link: a client asks for their own, a recruiter for an
 * active collaborator of a job in their workspace.
 */
@Component
class AccessLinkResendAction implements ProposedActionKind<ProposedAction.AccessLinkResend> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final AccessLinkResends accessLinks;
  private final AddressFlags flags;

  AccessLinkResendAction(
      JobService jobs,
      JobCollaborators collaborators,
      AccessLinkResends accessLinks,
      AddressFlags flags) {
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.accessLinks = accessLinks;
    this.flags = flags;
  }

  @Override
  public Check check(Caller caller, ProposedAction.AccessLinkResend a) {
    Optional<Collaborator> who = collaboratorFor(caller, a.jobId(), a.email());
    if (who.isEmpty()) {
      return Check.refused(
          "that address is not an active collaborator on that job in this workspace.");
    }
    Collaborator c = who.get();
    Optional<AddressFlags.Flag> flag = flags.find(caller.workspaceId(), c.email());
    if (flag.isPresent()) {
      // Whoever proposes it (the offline brain never does, a language model might), a link
      // to an address that bounced would bounce again.
      return Check.refused(ProposedActionKind.flaggedReason(c, flag.get()));
    }
    ObjectNode payload = JSON.createObjectNode();
    payload.put("jobId", c.jobId()).put("collaboratorId", c.id());
    String summary =
        caller.isClient()
            ? "email you (" + c.email() + ") a fresh sign-in link"
            : "email "
                + c.displayName()
                + " <"
                + c.email()
                + "> a fresh sign-in link to \u201c"
                + jobs.titles(List.of(c.jobId())).get(c.jobId())
                + "\u201d";
    return Check.ready(payload, summary);
  }

  private Optional<Collaborator> collaboratorFor(Caller caller, String jobId, String email) {
    if (caller.isClient()) {
      return collaborators
          .find(caller.userId())
          .filter(Collaborator::isActive)
          .filter(c -> c.workspaceId().equals(caller.workspaceId()));
    }
    if (email == null) {
      return Optional.empty();
    }
    return collaborators.byEmail(caller.workspaceId(), email).stream()
        .filter(Collaborator::isActive)
        .filter(c -> jobId == null || c.jobId().equals(jobId))
        .findFirst();
  }

  @Override
  public Done run(Caller caller, String actionId, JsonNode payload) {
    Collaborator c =
        accessLinks.send(
            caller.workspaceId(),
            payload.path("jobId").asText(),
            payload.path("collaboratorId").asText(),
            ProposedActionKind.throughRex(caller),
            "rex/" + actionId);
    return new Done("A fresh sign-in link is on its way to " + c.email() + ".", null);
  }
}
