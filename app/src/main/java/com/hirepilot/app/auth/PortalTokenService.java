package com.hirepilot.app.auth;

import com.hirepilot.app.workspace.TokenHashes;
import java.time.Clock;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Plugs {@link LoginLinks} into Spring Security's one-time-token login. Spring's own token service
 * keeps tokens in plain text and cannot revoke them, hence this one.
 */
@Component
class PortalTokenService implements OneTimeTokenService {

  /** Request attribute holding where the consumed link wanted the portal to open. */
  static final String TARGET_ATTRIBUTE = PortalTokenService.class.getName() + ".target";

  private final LoginLinks links;
  private final Clock clock;

  PortalTokenService(LoginLinks links, Clock clock) {
    this.links = links;
    this.clock = clock;
  }

  /**
   * Answers a request for a fresh link. Nothing is looked up or stored here: {@link
   * AccessLinkRequests} does that off the request thread, so a collaborator's request and a
   * stranger's take the same time and answer the same page.
   */
  @Override
  public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
    return new DefaultOneTimeToken(TokenHashes.newToken(), request.getUsername(), clock.instant());
  }

  @Override
  public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
    String token = authenticationToken.getTokenValue();
    return links
        .consume(token)
        .map(
            consumed -> {
              RequestAttributes request = RequestContextHolder.getRequestAttributes();
              if (request != null) {
                request.setAttribute(
                    TARGET_ATTRIBUTE, consumed.targetPath(), RequestAttributes.SCOPE_REQUEST);
              }
              return (OneTimeToken)
                  new DefaultOneTimeToken(token, consumed.collaboratorId(), clock.instant());
            })
        .orElse(null);
  }
}
