package com.hirepilot.app.auth;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store as requests use it: Spring Session stamps a session's last access on every
 * request, and a JDBC store turns each stamp into an {@code UPDATE} and a commit, so every read of
 * a page became a write (measured: a third of the static file's throughput was lost). Here the
 * stamp is kept only when the stored one is at least {@link #granularity} old; a request that
 * changes nothing else writes nothing. The idle timeout then counts from a stamp up to that much
 * earlier, so an idle session may end up to one granularity before its 30 minutes are up.
 *
 * <p>Spring Session also reads the session again right after saving it, only to decide whether to
 * send the cookie again (spring-projects/spring-session#1731): a second statement, and a second
 * deserialisation of the security context, on every signed-in request. Inside {@link
 * #withinRequest} that read answers with the session the request has just saved. Nothing is kept
 * beyond the request, so the next request reads the database afresh, and authorisation with it.
 */
final class SparseLastAccessSessions implements FindByIndexNameSessionRepository<Session> {

  /** The session this thread's request saved last, while a request is being served; else unset. */
  private static final ThreadLocal<Session[]> SAVED_IN_REQUEST = new ThreadLocal<>();

  private final FindByIndexNameSessionRepository<Session> store;
  private final Duration granularity;

  SparseLastAccessSessions(FindByIndexNameSessionRepository<Session> store, Duration granularity) {
    this.store = store;
    this.granularity = granularity;
  }

  @Override
  public Session createSession() {
    return new Sparse(store.createSession(), granularity);
  }

  /**
   * Serves one request with its saved session remembered for the read that follows the save. Runs
   * around Spring Session's filter; always forgets at the end, whatever the request did.
   */
  static void withinRequest(RequestWork work) throws IOException, ServletException {
    Session[] saved = SAVED_IN_REQUEST.get();
    if (saved != null) {
      work.run(); // an inner dispatch (error page, include) of a request already in scope
      return;
    }
    SAVED_IN_REQUEST.set(new Session[1]);
    try {
      work.run();
    } finally {
      SAVED_IN_REQUEST.remove();
    }
  }

  /** A request's work, as a servlet filter chain does it. */
  @FunctionalInterface
  interface RequestWork {
    void run() throws IOException, ServletException;
  }

  @Override
  public void save(Session session) {
    store.save(((Sparse) session).stored);
    Session[] saved = SAVED_IN_REQUEST.get();
    if (saved != null) {
      saved[0] = session;
    }
  }

  @Override
  public Session findById(String id) {
    Session[] saved = SAVED_IN_REQUEST.get();
    if (saved != null && saved[0] != null) {
      Session justSaved = saved[0];
      saved[0] = null; // once: any later read in the request goes to the database
      if (justSaved.getId().equals(id) && !justSaved.isExpired()) {
        return justSaved;
      }
    }
    Session stored = store.findById(id);
    return stored == null ? null : new Sparse(stored, granularity);
  }

  @Override
  public void deleteById(String id) {
    Session[] saved = SAVED_IN_REQUEST.get();
    if (saved != null) {
      saved[0] = null;
    }
    store.deleteById(id);
  }

  @Override
  public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
    Map<String, Session> found = new LinkedHashMap<>();
    store
        .findByIndexNameAndIndexValue(indexName, indexValue)
        .forEach((id, session) -> found.put(id, new Sparse(session, granularity)));
    return found;
  }

  /** The stored session, with last-access stamps thinned out. */
  private static final class Sparse implements Session {

    private final Session stored;
    private final Duration granularity;

    Sparse(Session stored, Duration granularity) {
      this.stored = stored;
      this.granularity = granularity;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(granularity)
          >= 0) {
        stored.setLastAccessedTime(lastAccessedTime);
      }
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      return stored.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
      return stored.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      stored.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      stored.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return stored.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
