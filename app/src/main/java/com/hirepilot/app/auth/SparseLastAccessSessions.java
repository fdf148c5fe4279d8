package com.hirepilot.app.auth;

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
 */
final class SparseLastAccessSessions implements FindByIndexNameSessionRepository<Session> {

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

  @Override
  public void save(Session session) {
    store.save(((Sparse) session).stored);
  }

  @Override
  public Session findById(String id) {
    Session stored = store.findById(id);
    return stored == null ? null : new Sparse(stored, granularity);
  }

  @Override
  public void deleteById(String id) {
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
