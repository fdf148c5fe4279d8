package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns the collaborator a consumed link names into the portal session's user. The "username" is
 * the collaborator's ID; there is no password.
 */
@Component
class CollaboratorAccounts implements UserDetailsService {

  private final JobCollaborators collaborators;

  CollaboratorAccounts(JobCollaborators collaborators) {
    this.collaborators = collaborators;
  }

  @Override
  public UserDetails loadUserByUsername(String collaboratorId) {
    Collaborator collaborator =
        collaborators
            .find(collaboratorId)
            .filter(Collaborator::isActive)
            .orElseThrow(() -> new UsernameNotFoundException("No active collaborator"));
    return new User(collaborator.id(), "", List.of(PortalClient.AUTHORITY));
  }
}
