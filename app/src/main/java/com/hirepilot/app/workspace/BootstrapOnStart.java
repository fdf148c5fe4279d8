package com.hirepilot.app.workspace;

import com.hirepilot.app.system.PortalProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With demo data off, {@code portal.bootstrap.token} alone creates the first workspace. */
@Component
class BootstrapOnStart {

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
      bootstrap.createFirstWorkspace("Workspace", "Owner");
    }
  }
}
