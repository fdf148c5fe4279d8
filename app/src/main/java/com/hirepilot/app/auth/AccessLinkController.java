package com.hirepilot.app.auth;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.MayConflict;
import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The recruiter API's "send a fresh access link" (api.md). */
@RestController
class AccessLinkController {

  private final AccessLinkResends resends;

  AccessLinkController(AccessLinkResends resends) {
    this.resends = resends;
  }

  @PostMapping("/api/jobs/{jobId}/collaborators/{collaboratorId}/access-link")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @MayConflict(
      "The collaborator's address bounced, was dropped or reported our mail as spam: confirm or"
          + " correct it first (flaggedAddresses)")
  Map<String, Object> send(
      @PathVariable @ResourceId String jobId, @PathVariable @ResourceId String collaboratorId) {
    CurrentRecruiter recruiter = CurrentRecruiter.get();
    var collaborator =
        resends.send(recruiter.workspaceId(), jobId, collaboratorId, recruiter.name(), Ids.next());
    return Map.of("collaboratorId", collaborator.id(), "email", collaborator.email(), "sent", true);
  }
}
