package com.hirepilot.app.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Watches the app's JDBC use from inside its data source (datasource-proxy): how many statements a
 * tagged request runs, and whether any thread ever held two pooled connections at once, the pattern
 * that deadlocks a small pool under concurrent reads. Tests tag a request with the header {@value
 * #TAG_HEADER}; every statement the request's thread runs meanwhile counts for the tag.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StatementCounter
    implements BeanPostProcessor, Filter, ApplicationListener<ApplicationReadyEvent> {

  public static final String TAG_HEADER = "X-Test-Statement-Tag";

  private static final ThreadLocal<String> TAG = new ThreadLocal<>();
  private static final ThreadLocal<Integer> HELD = ThreadLocal.withInitial(() -> 0);

  private final Map<String, AtomicInteger> statements = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> sessionReads = new ConcurrentHashMap<>();
  private final List<String> doubleHolds = new CopyOnWriteArrayList<>();

  /** Start-up (Flyway opens a second connection to migrate) is not what is watched. */
  private volatile boolean watching;

  @Override
  public void onApplicationEvent(ApplicationReadyEvent ready) {
    watching = true;
  }

  /** Statements run by requests tagged so; 0 if none ran. */
  public int statementsOf(String tag) {
    AtomicInteger count = statements.get(tag);
    return count == null ? 0 : count.get();
  }

  /** Reads of the session store by requests tagged so (not counted in {@link #statementsOf}). */
  public int sessionReadsOf(String tag) {
    AtomicInteger count = sessionReads.get(tag);
    return count == null ? 0 : count.get();
  }

  /** Threads that asked the pool for a connection while holding one, with where they did. */
  public List<String> doubleHolds() {
    return List.copyOf(doubleHolds);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
      return ProxyDataSourceBuilder.create(dataSource)
          .name(beanName)
          .afterQuery(
              (execution, queries) -> {
                String tag = TAG.get();
                if (tag != null && !sessionStore(queries)) {
                  statements.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
                } else if (tag != null && sessionRead(queries)) {
                  sessionReads.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
                }
              })
          .beforeMethod(this::beforeMethod)
          .afterMethod(this::afterMethod)
          .build();
    }
    return bean;
  }

  /**
   * Spring Session's reads and writes of the session row: the same two for every request that has a
   * session, in short transactions of their own around the request's, and a streamed answer (a
   * file) may commit the session on another thread. They are the session store's cost, not the
   * page's, so they are not counted.
   */
  private static boolean sessionStore(List<net.ttddyy.dsproxy.QueryInfo> queries) {
    return queries.stream()
        .allMatch(q -> q.getQuery().toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION"));
  }

  private static boolean sessionRead(List<net.ttddyy.dsproxy.QueryInfo> queries) {
    return queries.stream()
        .anyMatch(
            q -> q.getQuery().strip().toUpperCase(java.util.Locale.ROOT).startsWith("SELECT"));
  }

  private void beforeMethod(MethodExecutionContext call) {
    if (call.getTarget() instanceof DataSource
        && call.getMethod().getName().equals("getConnection")) {
      if (watching && HELD.get() > 0) {
        List<StackTraceElement> stack = List.of(new Throwable().getStackTrace());
        doubleHolds.add(
            Thread.currentThread().getName()
                + " (request "
                + TAG.get()
                + ") at "
                + stack.subList(0, Math.min(stack.size(), 40)));
      }
    }
  }

  private void afterMethod(MethodExecutionContext call) {
    if (call.getThrown() != null) {
      return;
    }
    String method = call.getMethod().getName();
    if (call.getTarget() instanceof DataSource && method.equals("getConnection")) {
      HELD.set(HELD.get() + 1);
    } else if (call.getTarget() instanceof Connection && method.equals("close")) {
      HELD.set(Math.max(0, HELD.get() - 1));
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String tag = ((HttpServletRequest) request).getHeader(TAG_HEADER);
    TAG.set(tag);
    try {
      chain.doFilter(request, response);
    } finally {
      TAG.remove();
    }
  }
}
