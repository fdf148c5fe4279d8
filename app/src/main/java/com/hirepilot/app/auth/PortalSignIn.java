package com.hirepilot.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a client in from the JSON API, as the form login does for pages: the link is consumed once,
 * the session ID changes, the security context is stored in the session.
 */
@Component
public class PortalSignIn {

  private final PortalTokenService tokens;
  private final CollaboratorAccounts accounts;
  private final LoginLinks links;
  private final MagicLinkOutcomes outcomes;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final ChangeSessionIdAuthenticationStrategy fixation =
      new ChangeSessionIdAuthenticationStrategy();

  PortalSignIn(
      PortalTokenService tokens,
      CollaboratorAccounts accounts,
      LoginLinks links,
      MagicLinkOutcomes outcomes) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.links = links;
    this.outcomes = outcomes;
  }

  /** Returns whether the token signed the client in. */
  public boolean signIn(String token, HttpServletRequest request, HttpServletResponse response) {
    var consumed = tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(token));
    if (consumed == null) {
      outcomes.count(MagicLinkOutcomes.refused(links.peek(token).state()));
      return false;
    }
    org.springframework.security.core.userdetails.UserDetails user;
    try {
      user = accounts.loadUserByUsername(consumed.getUsername());
    } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
      outcomes.count(MagicLinkOutcomes.Outcome.INVALID);
      return false;
    }
    outcomes.count(MagicLinkOutcomes.Outcome.SUCCESS);
    var authentication =
        OneTimeTokenAuthenticationToken.authenticated(user, List.of(PortalClient.AUTHORITY));
    if (request.getSession(false) != null) {
      fixation.onAuthentication(authentication, request, response);
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return true;
  }

  public void signOut(HttpServletRequest request, HttpServletResponse response) {
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
  }
}
