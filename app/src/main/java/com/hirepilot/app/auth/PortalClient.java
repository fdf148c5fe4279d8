package com.hirepilot.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Who is signed in to the portal: the collaborator record their link was bound to. */
public final class PortalClient {

  public static final String ROLE = "CLIENT";
  static final SimpleGrantedAuthority AUTHORITY = new SimpleGrantedAuthority("ROLE_" + ROLE);

  private static final HttpSessionSecurityContextRepository SESSIONS =
      new HttpSessionSecurityContextRepository();

  private PortalClient() {}

  /** The signed-in collaborator's ID, if the current request carries a portal session. */
  public static Optional<String> collaboratorId() {
    return clientOf(SecurityContextHolder.getContext().getAuthentication());
  }

  /** The collaborator of the portal session the request belongs to, read from the session. */
  static Optional<String> collaboratorIdInSession(HttpServletRequest request) {
    return clientOf(SESSIONS.loadDeferredContext(request).get().getAuthentication());
  }

  private static Optional<String> clientOf(Authentication authentication) {
    if (authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().contains(AUTHORITY)) {
      return Optional.of(authentication.getName());
    }
    return Optional.empty();
  }
}
