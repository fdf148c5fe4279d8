package com.hirepilot.app.auth;

import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.Recruiter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A recruiter's authentication for one request, built from the database row whichever door they
 * came through (API token or console session), so their role is always the current one.
 */
final class RecruiterAuthentication {

  static final String ROLE = "RECRUITER";

  private RecruiterAuthentication() {}

  static Authentication of(Recruiter recruiter) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE));
    if (recruiter.role() == Recruiter.Role.ADMIN) {
      authorities.add(new SimpleGrantedAuthority(CurrentRecruiter.ADMIN_AUTHORITY));
    }
    var principal =
        new CurrentRecruiter(
            recruiter.id(), recruiter.workspaceId(), recruiter.name(), recruiter.email());
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
  }
}
