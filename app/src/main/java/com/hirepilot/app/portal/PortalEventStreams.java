package com.hirepilot.app.portal;

import com.hirepilot.app.job.JobActivityAppended;
import com.hirepilot.app.system.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live activity feed: server-sent events of a job's client-visible activity, per open portal
 * page.
 *
 * <p>A stream is authorised like any request when it opens, and again on every push: each push
 * reads the job's activity for the stream's collaborator in one read-only transaction, so a removed
 * collaborator's stream ends at the next event. Between pushes a stream holds no pooled connection
 * and no request thread.
 *
 * <p>A new line is pushed right after its transaction commits, whichever instance wrote it: on
 * PostgreSQL, lines written on another instance arrive here as the same event through LISTEN/NOTIFY
 * (package {@code live}) within a second. The heartbeat also re-reads, so a line missed for any
 * reason (the listening connection was down) still reaches the page: a safety net, not the path. A
 * stream lives at most {@link #LIFETIME}; the browser's EventSource then reconnects with {@code
 * Last-Event-ID}, the request is authorised afresh, and the lines after that one are sent.
 */
@Component
class PortalEventStreams {

  private static final Logger log = LoggerFactory.getLogger(PortalEventStreams.class);

  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final long RECONNECT_MILLIS = 3_000;

  private final ClientActivity activity;
  private final TaskExecutor executor;
  private final Map<String, Set<Stream>> byJob = new ConcurrentHashMap<>();

  /**
   * The JDK's scheduler for the heartbeat, not Spring's: a Spring {@code TaskScheduler} bean is
   * also a {@code TaskExecutor}, and would make the application's executor ambiguous.
   */
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "portal-events-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  PortalEventStreams(
      ClientActivity activity,
      TaskExecutor executor,
      @Value("${portal.events.heartbeat:PT25S}") Duration heartbeat) {
    this.activity = activity;
    this.executor = executor;
    heartbeats.scheduleWithFixedDelay(
        this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Ends every stream as the app begins to shut down, before the web server's graceful shutdown
   * waits for open requests: an open stream would hold it for the whole grace period. The pages
   * reconnect, to another node or to this one when it is back.
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    heartbeats.shutdownNow();
    byJob.values().forEach(streams -> streams.forEach(Stream::close));
  }

  @PreDestroy
  void stop() {
    closeAll();
  }

  /** One open page's stream, and the activity lines it has already shown. */
  private final class Stream {
    final String collaboratorId;
    final String jobId;
    final SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
    final Set<String> sent = new HashSet<>();

    /** The page's last line and when it was written: it has everything up to there. */
    private final String seenId;

    private final Instant seenAt;

    Stream(String collaboratorId, String jobId, String seenId, Instant seenAt) {
      this.collaboratorId = collaboratorId;
      this.jobId = jobId;
      this.seenId = seenId;
      this.seenAt = seenAt;
    }

    /**
     * The log is ordered by time, then id: a line up to the page's last one is on the page, even
     * when that line's candidate has been withdrawn since and it is no longer shown.
     */
    private boolean onThePage(PortalViews.ActivityView line) {
      return seenAt != null
          && (line.at().isBefore(seenAt)
              || (line.at().equals(seenAt) && line.id().compareTo(seenId) <= 0));
    }

    /** Sends what the page has not shown yet, oldest first; one push at a time per stream. */
    synchronized void push() {
      List<PortalViews.ActivityView> lines;
      try {
        lines = activity.activityFor(collaboratorId, jobId);
      } catch (PortalSessionEnded | NotFoundException e) {
        close();
        return;
      }
      try {
        for (int i = lines.size() - 1; i >= 0; i--) {
          PortalViews.ActivityView line = lines.get(i);
          if (sent.add(line.id()) && !onThePage(line)) {
            emitter.send(
                SseEmitter.event()
                    .id(line.id())
                    .name("activity")
                    .reconnectTime(RECONNECT_MILLIS)
                    .data(line, MediaType.APPLICATION_JSON));
          }
        }
      } catch (IOException | IllegalStateException e) {
        close(); // the page went away
      }
    }

    synchronized void heartbeat() {
      try {
        emitter.send(SseEmitter.event().comment("still here"));
      } catch (IOException | IllegalStateException e) {
        close();
      }
    }

    void close() {
      forget(this);
      try {
        emitter.complete();
      } catch (IllegalStateException e) {
        // already completed
      }
    }
  }

  /**
   * Opens a stream of the job's activity for the signed-in client.
   *
   * @param after the last activity line the page shows (the {@code Last-Event-ID} of a reconnect,
   *     or the newest line the page was rendered with); lines up to it are not sent again. Null or
   *     not a line of this job: every line is sent, and the page skips those it has.
   */
  SseEmitter open(String jobId, String after) {
    ClientActivity.Watch watch = activity.watch(jobId, after);
    Stream stream = new Stream(watch.collaboratorId(), jobId, after, watch.seenUpTo().orElse(null));
    stream.emitter.onCompletion(() -> forget(stream));
    stream.emitter.onTimeout(stream::close);
    stream.emitter.onError(e -> forget(stream));
    byJob.computeIfAbsent(jobId, id -> new CopyOnWriteArraySet<>()).add(stream);
    executor.execute(stream::push);
    return stream.emitter;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void appended(JobActivityAppended event) {
    if (!event.clientVisible()) {
      return;
    }
    for (Stream stream : byJob.getOrDefault(event.jobId(), Set.of())) {
      executor.execute(stream::push);
    }
  }

  /**
   * Keeps idle streams open through proxies that cut silent connections, finds the pages that went
   * away, and catches up on lines this instance was not told of.
   */
  void heartbeat() {
    byJob.values().forEach(streams -> streams.forEach(s -> executor.execute(() -> beat(s))));
  }

  private void beat(Stream stream) {
    stream.heartbeat();
    stream.push();
  }

  int openStreams() {
    return byJob.values().stream().mapToInt(Set::size).sum();
  }

  private void forget(Stream stream) {
    byJob.computeIfPresent(
        stream.jobId,
        (job, streams) -> {
          streams.remove(stream);
          return streams.isEmpty() ? null : streams;
        });
    log.debug("Event stream of job {} closed", stream.jobId);
  }
}
