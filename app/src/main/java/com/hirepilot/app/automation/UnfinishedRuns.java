package com.hirepilot.app.automation;

import com.hirepilot.app.system.TemporalConfiguration;
import com.hirepilot.app.system.TemporalProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded Temporal server forgets its workflows on restart, and with them the runs they were
 * performing. At start-up each run still RUNNING gets its workflow again; actions that succeeded
 * before are not performed twice. Against an external cluster the workflows outlive this process.
 */
@Component
class UnfinishedRuns implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(UnfinishedRuns.class);
  private static final int LIMIT = 10_000;

  private final AutomationRuns runs;
  private final RunStarter starter;
  private final TemporalProperties temporal;
  private volatile boolean running;

  UnfinishedRuns(AutomationRuns runs, RunStarter starter, TemporalProperties temporal) {
    this.runs = runs;
    this.starter = starter;
    this.temporal = temporal;
  }

  @Override
  public int getPhase() {
    return TemporalConfiguration.WORKERS_PHASE + 1;
  }

  @Override
  public void start() {
    running = true;
    if (!temporal.embedded()) {
      return;
    }
    List<AutomationRuns.Run> unfinished = runs.running(LIMIT);
    unfinished.forEach(run -> starter.start(run.id(), run.actions()));
    if (!unfinished.isEmpty()) {
      log.info("Handed {} unfinished automation run(s) back to Temporal", unfinished.size());
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
