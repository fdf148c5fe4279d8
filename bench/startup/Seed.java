import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bulk-inserts N open submissions into a portal database that the app itself created (so Flyway
 * owns the schema) and that already holds one workspace, recruiter, job and collaborator.
 *
 * <p>Run with the H2 jar bundled in the app jar, never another H2 version: the file format is
 * version-specific. Usage: {@code java -cp h2.jar Seed.java <jdbc-url> <N> <out-file>}
 *
 * <p>Rows are written with INSERT ... SELECT over SYSTEM_RANGE so that 10,000 submissions take
 * seconds, not the minutes that going through the API (one workflow and one email each) would.
 */
public class Seed {

  /**
   * Every column of every table written here, exactly. The harness must fail rather than silently
   * seed rows that a changed schema would read differently (e.g. a new progress column with a
   * default that means "not sent yet"). Set BENCH_ALLOW_SCHEMA_DRIFT=1 to seed anyway.
   */
  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put(
        "CANDIDATE",
        List.of(
            "ID", "WORKSPACE_ID", "NAME", "TITLE", "CURRENT_COMPANY", "SUMMARY", "EMAIL", "PHONE",
            "INTERNAL_NOTES", "VERSION", "CREATED_AT"));
    EXPECTED.put(
        "SUBMISSION",
        List.of(
            "ID", "WORKSPACE_ID", "JOB_ID", "CANDIDATE_ID", "RECRUITER_ID", "MESSAGE", "STATUS",
            "DECISION", "DECIDED_BY", "DECISION_REASON", "DECIDED_AT", "VERSION", "CREATED_AT",
            "REMINDER_SCHEDULE", "EMAIL_ROUND", "ROUND_SENT_AT", "REMINDER_STEP", "REMINDERS_SENT",
            "RECRUITER_ALERTED", "DECISION_AVAILABILITY", "WITHDRAWN_BY", "WITHDRAWN_AT",
            "SETTLED_AT"));
    EXPECTED.put(
        "PIPELINE_ENTRY", List.of("JOB_ID", "CANDIDATE_ID", "STAGE", "UPDATED_AT"));
    EXPECTED.put(
        "SUBMISSION_EVENT",
        List.of("ID", "SUBMISSION_ID", "TYPE", "ACTOR", "DETAIL", "IDEMPOTENCY_KEY", "AT"));
    EXPECTED.put(
        "EMAIL_DELIVERY",
        List.of(
            "ID", "IDEMPOTENCY_KEY", "WORKSPACE_ID", "SUBMISSION_ID", "RECIPIENT", "KIND",
            "SUBJECT", "STATUS", "ERROR", "CREATED_AT", "SENT_AT"));
    EXPECTED.put(
        "JOB_ACTIVITY",
        List.of(
            "ID", "JOB_ID", "SUBMISSION_ID", "TYPE", "ACTOR", "CLIENT_VISIBLE", "DETAIL",
            "IDEMPOTENCY_KEY", "AT"));
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: java -cp h2.jar Seed.java <jdbc-url> <N> <out-file>");
      System.exit(2);
    }
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    String out = args[2];
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      db.setAutoCommit(false);
      checkSchema(db);
      String workspace = single(db, "select id from workspace");
      String recruiter = single(db, "select id from recruiter");
      String job = single(db, "select id from job");
      String collaboratorEmail = single(db, "select email from collaborator");
      String recruiterName = single(db, "select name from recruiter");
      String jobTitle = single(db, "select title from job");
      if (count(db, "select count(*) from submission") != 0
          || count(db, "select count(*) from candidate") != 0) {
        fail("the database already holds candidates or submissions; seed a fresh one");
      }

      // Submission k was created k ms after submission k-1, ending now, so "created first" and
      // "created last" are well defined and match the IDs' order; round_sent_at = created_at
      // keeps every reminder (P2D, P5D) two days away, so no activity runs during the measurement.
      String ts = "dateadd(millisecond, x - ?, current_timestamp)";
      String sid = "'bench-s-' || lpad(cast(x as varchar), 6, '0')";
      String cid = "'bench-c-' || lpad(cast(x as varchar), 6, '0')";

      exec(
          db,
          "insert into candidate (id, workspace_id, name, title, current_company, summary, email,"
              + " phone, internal_notes, version, created_at) select "
              + cid
              + ", ?, 'Bench Candidate ' || x, 'Software Engineer', 'Globex', 'Seeded by"
              + " bench/startup.', 'bench' || x || '@mail.example', null, null, 0, "
              + ts
              + " from system_range(1, ?)",
          workspace, n, n);
      exec(
          db,
          "insert into submission (id, workspace_id, job_id, candidate_id, recruiter_id, message,"
              + " status, decision, decided_by, decision_reason, decided_at, version, created_at,"
              + " reminder_schedule, email_round, round_sent_at, reminder_step, reminders_sent,"
              + " recruiter_alerted, decision_availability, withdrawn_by, withdrawn_at, settled_at)"
              + " select "
              + sid
              + ", ?, ?, "
              + cid
              + ", ?, 'Benchmark submission ' || x, 'AWAITING_FEEDBACK', null, null, null, null,"
              + " 0, "
              + ts
              + ", 'P2D,P5D', 1, "
              + ts
              + ", 0, 0, false, null, null, null, null from system_range(1, ?)",
          workspace, job, recruiter, n, n, n);
      exec(
          db,
          "insert into pipeline_entry (job_id, candidate_id, stage, updated_at) select ?, "
              + cid
              + ", 'SUBMITTED', "
              + ts
              + " from system_range(1, ?)",
          job, n, n);
      // What a real submission leaves behind, so the single-submission GET the harness polls
      // reads as much as it would in production. Keys follow SubmissionActivitiesImpl.key.
      exec(
          db,
          "insert into submission_event (id, submission_id, type, actor, detail, idempotency_key,"
              + " at) select 'bench-e1-' || x, "
              + sid
              + ", 'SUBMITTED', ?, null, 'submission-' || "
              + sid
              + " || '/SUBMITTED', "
              + ts
              + " from system_range(1, ?)",
          recruiterName, n, n);
      exec(
          db,
          "insert into submission_event (id, submission_id, type, actor, detail, idempotency_key,"
              + " at) select 'bench-e2-' || x, "
              + sid
              + ", 'EMAIL_SENT', 'system', 'to ' || ?, 'bench-email-' || x, "
              + ts
              + " from system_range(1, ?)",
          collaboratorEmail, n, n);
      exec(
          db,
          "insert into email_delivery (id, idempotency_key, workspace_id, submission_id, recipient,"
              + " kind, subject, status, error, created_at, sent_at) select 'bench-d-' || x,"
              + " 'bench-email-' || x, ?, "
              + sid
              + ", ?, 'SUBMISSION', 'New candidate for ' || ? || ': Bench Candidate ' || x,"
              + " 'SENT', null, "
              + ts
              + ", "
              + ts
              + " from system_range(1, ?)",
          workspace, collaboratorEmail, jobTitle, n, n, n);
      exec(
          db,
          "insert into job_activity (id, job_id, submission_id, type, actor, client_visible,"
              + " detail, idempotency_key, at) select 'bench-a-' || x, ?, "
              + sid
              + ", 'SUBMITTED', ?, true, 'Bench Candidate ' || x || ' was submitted',"
              + " 'submission-' || "
              + sid
              + " || '/activity/SUBMITTED', "
              + ts
              + " from system_range(1, ?)",
          job, recruiterName, n, n);
      db.commit();

      long open = count(db, "select count(*) from submission where settled_at is null");
      if (open != n) {
        fail("expected " + n + " unsettled submissions after seeding, found " + open);
      }
      String first = single(db, "select min(id) from submission");
      String last = single(db, "select max(id) from submission");
      List<String> migrations = new ArrayList<>();
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null"
                      + " order by \"installed_rank\"")) {
        while (rs.next()) {
          migrations.add(rs.getString(1));
        }
      }
      try (var w = new java.io.PrintWriter(out, "UTF-8")) {
        w.println("SEED_WORKSPACE=" + workspace);
        w.println("SEED_JOB=" + job);
        w.println("SEED_FIRST=" + first);
        w.println("SEED_LAST=" + last);
        w.println("SEED_MIGRATIONS=" + String.join(",", migrations));
      }
      System.err.printf(
          "seed: %d open submissions in %.1f s (migrations %s)%n",
          n, (System.nanoTime() - started) / 1e9, migrations);
    }
  }

  static void checkSchema(Connection db) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> table : EXPECTED.entrySet()) {
      Map<String, String> actual = new TreeMap<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "select column_name, is_nullable, column_default from information_schema.columns"
                  + " where table_schema = 'PUBLIC' and table_name = ?")) {
        q.setString(1, table.getKey());
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            actual.put(
                rs.getString(1),
                ("NO".equals(rs.getString(2)) ? "not null" : "nullable")
                    + (rs.getString(3) == null ? "" : " default " + rs.getString(3)));
          }
        }
      }
      if (actual.isEmpty()) {
        problems.add("table " + table.getKey() + " does not exist");
        continue;
      }
      for (String column : table.getValue()) {
        if (!actual.containsKey(column)) {
          problems.add(table.getKey() + "." + column + " no longer exists");
        }
      }
      for (Map.Entry<String, String> column : actual.entrySet()) {
        if (!table.getValue().contains(column.getKey())) {
          problems.add(
              table.getKey()
                  + "."
                  + column.getKey()
                  + " ("
                  + column.getValue()
                  + ") is new and not seeded");
        }
      }
    }
    if (!problems.isEmpty()) {
      String message =
          "the schema differs from what bench/startup/Seed.java seeds:\n  - "
              + String.join("\n  - ", problems)
              + "\nUpdate Seed.java (EXPECTED and the inserts) to seed the new schema faithfully.";
      if ("1".equals(System.getenv("BENCH_ALLOW_SCHEMA_DRIFT"))) {
        System.err.println("seed: WARNING (BENCH_ALLOW_SCHEMA_DRIFT=1): " + message);
      } else {
        fail(message);
      }
    }
  }

  static void exec(Connection db, String sql, Object... params) throws SQLException {
    long t = System.nanoTime();
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      int rows = s.executeUpdate();
      System.err.printf(
          "seed: %6d rows in %5.2f s: %s%n",
          rows, (System.nanoTime() - t) / 1e9, sql.substring(0, sql.indexOf('(')).trim());
    }
  }

  static String single(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        fail("no row for: " + sql);
      }
      String value = rs.getString(1);
      if (rs.next()) {
        fail("more than one row for: " + sql + " (the seed expects exactly one)");
      }
      return value;
    }
  }

  static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void fail(String message) {
    System.err.println("seed: FAILED: " + message);
    System.exit(1);
  }
}
