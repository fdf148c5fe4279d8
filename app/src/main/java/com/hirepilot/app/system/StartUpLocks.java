package com.hirepilot.app.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Start-up work that must happen once however many instances start at once on one database. The
 * caller takes the lock inside the transaction that checks whether the work is still to do and does
 * it: the other instances wait at the lock until that transaction commits, then see the work done.
 * A database row lock, not timing: it holds for instances in separate JVMs and hosts.
 */
@Component
public class StartUpLocks {

  /** The first workspace and its owner (and, with demo data on, the demo submission). */
  public static final String FIRST_WORKSPACE = "first-workspace";

  private final JdbcClient jdbc;

  StartUpLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Blocks until this transaction holds the named lock; it is released at commit or rollback.
   *
   * @param name a row of table {@code start_up_lock} (its migration adds each one)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void hold(String name) {
    int rows =
        jdbc.sql("select name from start_up_lock where name = :name for update")
            .param("name", name)
            .query()
            .listOfRows()
            .size();
    if (rows != 1) {
      throw new IllegalStateException("No start-up lock named " + name);
    }
  }
}
