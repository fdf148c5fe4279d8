package com.hirepilot.app.support;

import com.hirepilot.app.auth.PortalClient;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.portal.PortalSessionEnded;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.rex.tools.Caller;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking REX: a recruiter by bearer token, or a client by portal session. */
@Component
class RexCallers {

  private final JobCollaborators collaborators;

  RexCallers(JobCollaborators collaborators) {
    this.collaborators = collaborators;
  }

  /** A recruiter, signed in by bearer token or console session alike: the recruiter tool set. */
  static Caller recruiter(CurrentRecruiter r) {
    return new Caller(Caller.Role.RECRUITER, r.workspaceId(), r.recruiterId(), r.name(), r.email());
  }

  Caller current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CurrentRecruiter r) {
      return recruiter(r);
    }
    Collaborator me =
        PortalClient.collaboratorId()
            .flatMap(collaborators::find)
            .filter(Collaborator::isActive)
            .orElseThrow(PortalSessionEnded::new);
    return new Caller(Caller.Role.CLIENT, me.workspaceId(), me.id(), me.displayName(), me.email());
  }
}
