package com.hirepilot.rex.brain;

import static com.hirepilot.rex.brain.Calls.args;

import java.util.List;

/** "What happened on this job?": the job's activity log, newest last. */
final class JobActivity implements Playbook {

  static final JobActivity INSTANCE = new JobActivity();

  @Override
  public void plan(Turn turn, Calls calls) {
    if (turn.client()) {
      calls.read("myJobs", args());
      return;
    }
    String job = turn.understanding().job();
    if (job != null) {
      calls.read("jobActivity", args("jobId", job));
    }
  }

  @Override
  public List<String> missing(Turn turn) {
    return turn.client() || turn.understanding().job() != null ? List.of() : List.of("the job ID");
  }
}
