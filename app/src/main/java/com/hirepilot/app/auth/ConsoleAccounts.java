package com.hirepilot.app.auth;

import com.hirepilot.app.workspace.RecruiterDirectory;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Finds the recruiter a console sign-in names by email. A recruiter without a password (API tokens
 * only) is "not found", which Spring's provider answers exactly like a wrong password, after the
 * same hashing work, so the answer tells nobody who has an account.
 */
class ConsoleAccounts implements UserDetailsService {

  private final RecruiterDirectory recruiters;

  ConsoleAccounts(RecruiterDirectory recruiters) {
    this.recruiters = recruiters;
  }

  /**
   * What the session keeps of a signed-in recruiter: who they are, and a fingerprint of the
   * password they signed in with, so changing the password ends their other sessions. Role, name
   * and workspace are read afresh on every request ({@link ConsoleRecruiterFilter}).
   */
  record RecruiterLogin(String recruiterId, String email, String passwordHash)
      implements UserDetails {

    @Serial private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
      return List.of(new SimpleGrantedAuthority("ROLE_" + RecruiterAuthentication.ROLE));
    }

    @Override
    public String getPassword() {
      return passwordHash;
    }

    @Override
    public String getUsername() {
      return email;
    }
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return recruiters
        .byEmail(email)
        .filter(r -> r.passwordHash() != null)
        .map(r -> new RecruiterLogin(r.id(), r.email(), r.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("No console account"));
  }
}
