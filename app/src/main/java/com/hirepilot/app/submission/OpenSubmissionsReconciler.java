package com.hirepilot.app.submission;

import com.hirepilot.app.submission.internal.ResumePoint;
import com.hirepilot.app.system.TemporalConfiguration;
import com.hirepilot.app.system.TemporalProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded Temporal server keeps workflows in memory only. At start-up every submission whose
 * workflow had work left (not settled) gets a workflow back that carries on from what the database
 * recorded (ADR 0004). Against an external cluster the workflows outlive this process, so there is
 * nothing to resume.
 *
 * <p>The resume runs in the background, a bounded number of starts at a time, while the app already
 * serves requests (ADR 0005): reads come from the database, and an action on a submission not
 * resumed yet resumes that one first. Readiness reports the resume until it is complete.
 */
@Component
class OpenSubmissionsReconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OpenSubmissionsReconciler.class);

  /**
   * Workflow starts under way at once. Each is a short gRPC call to the in-process server; a few in
   * flight keep it busy without crowding out the requests and the workers.
   */
  static final int PARALLEL_STARTS = 8;

  /** How the resume stands, for readiness. */
  record Progress(boolean complete, int resumed, int failed, int total) {}

  private final RecordedProgress recorded;
  private final SubmissionWorkflows workflows;
  private final CommentDigests digests;
  private final ReplyDigests replyDigests;
  private final TemporalProperties temporal;

  private final AtomicInteger resumed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile int total;
  private volatile boolean complete;
  private volatile boolean running;
  private volatile ExecutorService pool;

  OpenSubmissionsReconciler(
      RecordedProgress recorded,
      SubmissionWorkflows workflows,
      CommentDigests digests,
      ReplyDigests replyDigests,
      TemporalProperties temporal) {
    this.replyDigests = replyDigests;
    this.digests = digests;
    this.recorded = recorded;
    this.workflows = workflows;
    this.temporal = temporal;
  }

  /** After the workers start (their queue is served from the first start) and before the port. */
  @Override
  public int getPhase() {
    return TemporalConfiguration.WORKERS_PHASE + 1;
  }

  @Override
  public void start() {
    running = true;
    if (!temporal.embedded()) {
      log.debug("Temporal at {} keeps the workflows; nothing to resume", temporal.address());
      complete = true;
      return;
    }
    List<ResumePoint> unsettled = recorded.ofAllUnsettled();
    // Comments the recruiter has not heard of had their digest in the lost workflows too.
    List<String> digestsOwed = digests.owed();
    // So had the clients' emails about the recruiter's replies.
    List<String> repliesOwed = replyDigests.owed();
    total = unsettled.size();
    if (unsettled.isEmpty() && digestsOwed.isEmpty() && repliesOwed.isEmpty()) {
      complete = true;
      return;
    }
    Instant began = Instant.now();
    AtomicInteger threads = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            PARALLEL_STARTS,
            task -> {
              Thread thread = new Thread(task, "resume-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    CompletableFuture<?>[] starts =
        java.util.stream.Stream.concat(
                unsettled.stream()
                    .map(point -> CompletableFuture.runAsync(() -> resume(point), pool)),
                java.util.stream.Stream.concat(
                    digestsOwed.stream()
                        .map(id -> CompletableFuture.runAsync(() -> digests.commented(id), pool)),
                    repliesOwed.stream()
                        .map(
                            id ->
                                CompletableFuture.runAsync(() -> replyDigests.replied(id), pool))))
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(starts)
        .whenComplete(
            (done, error) -> {
              complete = true;
              pool.shutdown();
              log.info(
                  "Resumed the workflows of {} unfinished submission(s) in {} ms{}",
                  resumed.get(),
                  Duration.between(began, Instant.now()).toMillis(),
                  failed.get() == 0 ? "" : "; " + failed.get() + " could not be resumed");
            });
    log.info("Resuming the workflows of {} unfinished submission(s)", total);
  }

  private void resume(ResumePoint point) {
    try {
      workflows.resume(point);
      resumed.incrementAndGet();
    } catch (RuntimeException e) {
      // It is resumed on demand by the next action on it, or at the next start.
      failed.incrementAndGet();
      log.warn("Could not resume submission {}: {}", point.submissionId(), e.getMessage());
    }
  }

  Progress progress() {
    return new Progress(complete, resumed.get(), failed.get(), total);
  }

  @Override
  public void stop() {
    ExecutorService starting = pool;
    if (starting != null) {
      starting.shutdownNow();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
