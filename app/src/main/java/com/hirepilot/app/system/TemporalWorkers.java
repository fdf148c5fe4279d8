package com.hirepilot.app.system;

import io.temporal.worker.WorkerFactory;

/**
 * A feature's Temporal workers. Each feature registers its own workflow and activity
 * implementations on the app's one factory, just before it starts polling, on a worker made with
 * {@code temporal.worker.*}'s options ({@link TemporalProperties.Worker#options()}), so the
 * settings bound every task queue alike.
 */
public interface TemporalWorkers {

  void register(WorkerFactory factory);
}
