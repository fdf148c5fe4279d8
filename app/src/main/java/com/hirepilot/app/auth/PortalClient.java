package com.hirepilot.app.auth;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in to the portal: the collaborator record their link was bound to. */
public final class PortalClient {

  public static final String ROLE = "CLIENT";
  static final SimpleGrantedAuthority AUTHORITY = new SimpleGrantedAuthority("ROLE_" + ROLE);

  private PortalClient() {}

  /** The signed-in collaborator's ID, if the current request carries a portal session. */
  public static Optional<String> collaboratorId() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().contains(AUTHORITY)) {
      return Optional.of(authentication.getName());
    }
    return Optional.empty();
  }
}
