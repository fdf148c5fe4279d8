package com.hirepilot.app.automation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/** The engine until automation rules exist: the workflow's hand-over is real, the rules are not. */
@Component
@ConditionalOnMissingBean(value = AutomationEngine.class, ignored = NoAutomation.class)
class NoAutomation implements AutomationEngine {

  private static final Logger log = LoggerFactory.getLogger(NoAutomation.class);

  @Override
  public void handle(LifecycleEventOccurred event) {
    log.debug("No automation rules yet for {}", event.deliveryKey());
  }
}
