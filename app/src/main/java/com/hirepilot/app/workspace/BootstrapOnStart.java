package com.hirepilot.app.workspace;

import com.hirepilot.app.system.PortalProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With demo data off, {@code portal.bootstrap.token} alone creates the first workspace. */
@Component
class BootstrapOnStart {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(BootstrapOnStart.class);

  private final WorkspaceBootstrap bootstrap;
  private final PortalProperties properties;

  BootstrapOnStart(WorkspaceBootstrap bootstrap, PortalProperties properties) {
    this.bootstrap = bootstrap;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void createWorkspaceIfConfigured() {
    String token = properties.bootstrap().token();
    if (!properties.demo().enabled() && token != null && !token.isBlank()) {
      bootstrap
          .createFirstWorkspace("Workspace", "Owner")
          .filter(WorkspaceBootstrap.Owner::passwordWasGenerated)
          .ifPresent(
              owner ->
                  log.info(
                      "\n\n  Console sign-in for {}: {}\n  (shown once; change it under Account"
                          + " after signing in, or set PORTAL_BOOTSTRAP_PASSWORD on a fresh"
                          + " database)\n",
                      owner.recruiter().email(),
                      owner.password()));
    }
  }
}
