package com.hirepilot.app.console;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.hirepilot.app.job.JobActivityAppended;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.SubmissionChanged;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /console/events}: one stream per open console page, telling it that the workspace's
 * activity log grew ({@code {jobId, submissionId, type}}, nothing more). The page decides whether
 * the line concerns it and fetches its live parts again through the normal, authorised page route,
 * so the stream carries no data a page would not show. Streams end after {@link #LIFETIME} and the
 * browser reconnects, which re-checks the session.
 *
 * <p>A change is told right after its transaction commits, whichever instance made it: on
 * PostgreSQL, other instances' events arrive here as the same events through LISTEN/NOTIFY (package
 * {@code live}) within a second. The heartbeat keeps idle streams open; a change missed while the
 * listening connection was down is not told again, and the page shows it when its stream opens
 * again (at the latest after {@link #LIFETIME}), as it then fetches its live parts once.
 */
@Controller
class ConsoleEventStreams {

  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final long RECONNECT_MILLIS = 3_000;

  /** What a page is told: which job and submission changed, and how. */
  record Activity(String jobId, String submissionId, String type) {}

  private final JobService jobs;
  private final SubmissionOverview submissions;
  private final TaskExecutor executor;
  private final Map<String, Set<SseEmitter>> byWorkspace = new ConcurrentHashMap<>();

  /** Jobs never move between workspaces, so the answer can be kept (the recent ones). */
  private final Map<String, String> workspaceOfJob =
      Caffeine.newBuilder().maximumSize(10_000).<String, String>build().asMap();

  /** The JDK's scheduler, as in the portal's streams: a Spring one would also be an executor. */
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "console-events-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  ConsoleEventStreams(
      JobService jobs,
      SubmissionOverview submissions,
      TaskExecutor executor,
      @Value("${portal.events.heartbeat:PT25S}") Duration heartbeat) {
    this.jobs = jobs;
    this.submissions = submissions;
    this.executor = executor;
    heartbeats.scheduleWithFixedDelay(
        this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
  }

  @GetMapping(path = "/console/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter open() {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
    Set<SseEmitter> streams =
        byWorkspace.computeIfAbsent(workspaceId, id -> new CopyOnWriteArraySet<>());
    emitter.onCompletion(() -> streams.remove(emitter));
    emitter.onTimeout(emitter::complete);
    emitter.onError(e -> streams.remove(emitter));
    streams.add(emitter);
    // Sent at once, so the browser knows the stream is open (and proxies see bytes).
    send(streams, emitter, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("open"));
    return emitter;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void appended(JobActivityAppended event) {
    String workspaceId =
        workspaceOfJob.computeIfAbsent(
            event.jobId(), id -> jobs.find(id).map(job -> job.workspaceId()).orElse(""));
    push(
        workspaceId,
        new Activity(
            event.jobId(),
            event.submissionId(),
            event.type() == null ? null : event.type().name()));
  }

  /** Emails, reminders and status moves that the job's activity log does not show. */
  @TransactionalEventListener(fallbackExecution = true)
  void changed(SubmissionChanged event) {
    if (byWorkspace.isEmpty()) {
      return; // nobody is watching: not even the lookup
    }
    SubmissionOverview.Placement placement =
        placementOfSubmission.computeIfAbsent(
            event.submissionId(), id -> submissions.placementOf(id).orElse(NOWHERE));
    push(
        placement.workspaceId(),
        new Activity(placement.jobId(), event.submissionId(), "SUBMISSION_CHANGED"));
  }

  private static final SubmissionOverview.Placement NOWHERE =
      new SubmissionOverview.Placement("", "");

  /** Submissions never move either. */
  private final Map<String, SubmissionOverview.Placement> placementOfSubmission =
      Caffeine.newBuilder()
          .maximumSize(10_000)
          .<String, SubmissionOverview.Placement>build()
          .asMap();

  private void push(String workspaceId, Activity activity) {
    Set<SseEmitter> streams = byWorkspace.get(workspaceId);
    if (streams == null || streams.isEmpty()) {
      return;
    }
    // Off the writer's thread (often a workflow activity): a slow page must not hold it.
    for (SseEmitter emitter : streams) {
      executor.execute(
          () ->
              send(
                  streams,
                  emitter,
                  SseEmitter.event().name("activity").data(activity, MediaType.APPLICATION_JSON)));
    }
  }

  void heartbeat() {
    byWorkspace
        .values()
        .forEach(
            streams ->
                streams.forEach(
                    emitter -> send(streams, emitter, SseEmitter.event().comment("still here"))));
  }

  private static void send(
      Set<SseEmitter> streams, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      synchronized (emitter) {
        emitter.send(event);
      }
    } catch (IOException | IllegalStateException e) {
      streams.remove(emitter); // the page went away
    }
  }

  /** Ends every stream as shutdown begins, so an open console tab never holds it. */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    heartbeats.shutdownNow();
    byWorkspace
        .values()
        .forEach(
            streams ->
                streams.forEach(
                    emitter -> {
                      try {
                        emitter.complete();
                      } catch (IllegalStateException e) {
                        // already completed
                      }
                    }));
  }

  @PreDestroy
  void stop() {
    closeAll();
  }
}
