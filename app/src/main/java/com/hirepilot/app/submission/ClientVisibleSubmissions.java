package com.hirepilot.app.submission;

import com.hirepilot.app.system.Timestamps;
import com.hirepilot.workflows.submission.SubmissionEventType;
import com.hirepilot.workflows.submission.SubmissionStatus;
import com.hirepilot.workflows.submission.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Submissions as a job's clients may see them: never a withdrawn one, and of the others only what
 * is meant for the client. Each read costs a fixed number of statements, however many submissions
 * the job has; the caller holds the read-only transaction and has checked the client may see the
 * job.
 */
@Service
public class ClientVisibleSubmissions {

  /**
   * The timeline entries that are the client's business: decisions. Updates from the agency come
   * from {@link SubmissionUpdates}, which keeps each update's message.
   */
  private static final Set<SubmissionEventType> THREAD_EVENTS =
      Set.of(
          SubmissionEventType.APPROVED,
          SubmissionEventType.REJECTED,
          SubmissionEventType.INTERVIEW_REQUESTED);

  /**
   * A submission as its client sees it.
   *
   * @param message the recruiter's latest message, the one the latest email carried
   * @param firstMessage the message the candidate was first submitted with
   * @param attachmentIds the files shown with it; the caller keeps only the public ones
   */
  public record Shown(
      String id,
      String jobId,
      String candidateId,
      String message,
      String firstMessage,
      Instant submittedAt,
      SubmissionStatus status,
      List<String> attachmentIds) {}

  /** What the client's thread of a submission is made of. */
  public record Thread(
      List<TimelineEntry> events, List<SubmissionComment> comments, List<Update> updates) {}

  /**
   * The agency sent the submission again.
   *
   * @param message the new message, or null when the recruiter kept the one before
   */
  public record Update(Instant at, String actor, String message, boolean filesChanged) {}

  /** How many of a job's submissions a client sees in each state. */
  public record Counts(int waiting, int interview, int approved, int rejected) {
    public static final Counts NONE = new Counts(0, 0, 0, 0);

    public int total() {
      return waiting + interview + approved + rejected;
    }

    /**
     * Which count a status goes to: 0 waiting for the client, 1 interview, 2 approved, 3 rejected.
     * It is also the order the portal lists candidates in, the waiting ones first.
     */
    public static int slotOf(SubmissionStatus status) {
      return switch (status) {
        case SENDING, AWAITING_FEEDBACK -> 0;
        case INTERVIEW_REQUESTED -> 1;
        case APPROVED -> 2;
        case REJECTED, WITHDRAWN -> 3;
      };
    }

    static Counts of(int[] slots) {
      return new Counts(slots[0], slots[1], slots[2], slots[3]);
    }

    /** The counts of these statuses. */
    public static Counts of(Collection<SubmissionStatus> statuses) {
      int[] slots = new int[4];
      statuses.forEach(status -> slots[slotOf(status)]++);
      return of(slots);
    }
  }

  private final JdbcClient jdbc;
  private final SubmittedFiles files;
  private final SubmissionTimeline timeline;
  private final SubmissionComments comments;
  private final SubmissionUpdates updates;

  ClientVisibleSubmissions(
      JdbcClient jdbc,
      SubmittedFiles files,
      SubmissionTimeline timeline,
      SubmissionComments comments,
      SubmissionUpdates updates) {
    this.jdbc = jdbc;
    this.updates = updates;
    this.files = files;
    this.timeline = timeline;
    this.comments = comments;
  }

  /** The job's submissions a client sees, oldest first. */
  public List<Shown> ofJob(String jobId) {
    return withFiles(
        jdbc.sql(SELECT + " where job_id = ? and status <> 'WITHDRAWN' order by created_at, id")
            .param(jobId)
            .query(ClientVisibleSubmissions::row)
            .list());
  }

  /** The submissions a client sees on each of these jobs, oldest first, in two statements. */
  public List<Shown> ofJobs(Collection<String> jobIds) {
    if (jobIds.isEmpty()) {
      return List.of();
    }
    return withFiles(
        jdbc.sql(
                SELECT
                    + " where job_id in (:ids) and status <> 'WITHDRAWN' order by created_at, id")
            .param("ids", jobIds)
            .query(ClientVisibleSubmissions::row)
            .list());
  }

  /** The submission, unless it was withdrawn. */
  public Optional<Shown> one(String submissionId) {
    return withFiles(
            jdbc.sql(SELECT + " where id = ? and status <> 'WITHDRAWN'")
                .param(submissionId)
                .query(ClientVisibleSubmissions::row)
                .list())
        .stream()
        .findFirst();
  }

  /** How many submissions a client sees on each of these jobs, by state, in one statement. */
  public Map<String, Counts> countsByJob(Collection<String> jobIds) {
    if (jobIds.isEmpty()) {
      return Map.of();
    }
    Map<String, int[]> counts = new HashMap<>();
    jdbc.sql(
            """
            select job_id, status, count(*) as shown from submission
            where job_id in (:ids) and status <> 'WITHDRAWN' group by job_id, status
            """)
        .param("ids", jobIds)
        .query(
            rs -> {
              int[] c = counts.computeIfAbsent(rs.getString("job_id"), id -> new int[4]);
              c[Counts.slotOf(SubmissionStatus.valueOf(rs.getString("status")))] +=
                  rs.getInt("shown");
            });
    Map<String, Counts> out = new HashMap<>();
    counts.forEach((job, c) -> out.put(job, Counts.of(c)));
    return out;
  }

  /** The job of this submission if the agency withdrew it: the portal then says so. */
  public Optional<String> withdrawnJobOf(String submissionId) {
    return jdbc.sql("select job_id from submission where id = ? and status = 'WITHDRAWN'")
        .param(submissionId)
        .query(String.class)
        .optional();
  }

  /**
   * The jobs on which a submission the client sees shows this file: the file is theirs to open only
   * through one of these, and only while it is public.
   */
  public List<String> jobsShowingFile(String attachmentId) {
    return jdbc.sql(
            """
            select distinct s.job_id from submitted_attachment f
              join submission s on s.id = f.submission
             where f.attachment_id = ? and s.status <> 'WITHDRAWN'
            """)
        .param(attachmentId)
        .query(String.class)
        .list();
  }

  /**
   * The job's withdrawn submissions: a withdrawn candidate disappears from the portal, their
   * earlier activity included.
   */
  public Set<String> withdrawnOf(String jobId) {
    return new HashSet<>(
        jdbc.sql("select id from submission where job_id = ? and status = 'WITHDRAWN'")
            .param(jobId)
            .query(String.class)
            .list());
  }

  /** The client's thread of each of these submissions, in three statements. */
  public Map<String, Thread> threads(Collection<String> submissionIds) {
    Map<String, List<TimelineEntry>> events = new HashMap<>();
    for (SubmissionTimeline.Line line : timeline.of(submissionIds, THREAD_EVENTS)) {
      events.computeIfAbsent(line.submissionId(), id -> new ArrayList<>()).add(line.entry());
    }
    Map<String, List<SubmissionComment>> said = new HashMap<>();
    for (SubmissionComment comment : comments.of(submissionIds)) {
      said.computeIfAbsent(comment.submissionId(), id -> new ArrayList<>()).add(comment);
    }
    Map<String, List<Update>> resent = new HashMap<>();
    for (SubmissionUpdates.Update u : updates.of(submissionIds)) {
      resent
          .computeIfAbsent(u.submissionId(), id -> new ArrayList<>())
          .add(new Update(u.at(), u.actor(), u.message(), u.filesChanged()));
    }
    Map<String, Thread> threads = new LinkedHashMap<>();
    for (String id : submissionIds) {
      threads.put(
          id,
          new Thread(
              List.copyOf(events.getOrDefault(id, List.of())),
              List.copyOf(said.getOrDefault(id, List.of())),
              List.copyOf(resent.getOrDefault(id, List.of()))));
    }
    return threads;
  }

  private List<Shown> withFiles(List<Shown> shown) {
    Map<String, List<String>> shownFiles = files.of(shown.stream().map(Shown::id).toList());
    return shown.stream()
        .map(
            s ->
                new Shown(
                    s.id(),
                    s.jobId(),
                    s.candidateId(),
                    s.message(),
                    s.firstMessage(),
                    s.submittedAt(),
                    s.status(),
                    List.copyOf(shownFiles.getOrDefault(s.id(), List.of()))))
        .toList();
  }

  private static final String SELECT =
      "select id, job_id, candidate_id, message, coalesce(first_message, message) as first_message,"
          + " created_at, status from submission";

  private static Shown row(ResultSet rs, int n) throws SQLException {
    return new Shown(
        rs.getString("id"),
        rs.getString("job_id"),
        rs.getString("candidate_id"),
        rs.getString("message"),
        rs.getString("first_message"),
        Timestamps.read(rs, "created_at"),
        SubmissionStatus.valueOf(rs.getString("status")),
        List.of());
  }
}
