package com.hirepilot.app.job;

import com.hirepilot.app.system.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads every portal request makes (who is signed in, which jobs they may see), with plain row
 * mappers: on that hot path Spring Data's entity mapping cost more than the queries.
 */
@Repository
class JobReads {

  private final JdbcClient jdbc;
  private final SubmissionCounts submissionCounts;

  JobReads(JdbcClient jdbc, SubmissionCounts submissionCounts) {
    this.jdbc = jdbc;
    this.submissionCounts = submissionCounts;
  }

  Optional<Collaborator> collaborator(String collaboratorId) {
    return jdbc.sql(
            """
            select id, workspace_id, job_id, email, name, status, version, created_at
            from collaborator where id = ?
            """)
        .param(collaboratorId)
        .query(JobReads::collaborator)
        .optional();
  }

  /** The jobs an address actively collaborates on in a workspace, oldest job first. */
  List<Job> openTo(String email, String workspaceId) {
    return jdbc.sql(JOBS_OPEN_TO + " order by j.created_at, j.id")
        .param("email", email)
        .param("workspaceId", workspaceId)
        .query(JobReads::job)
        .list();
  }

  Optional<Job> openTo(String jobId, String email, String workspaceId) {
    return jdbc.sql(JOBS_OPEN_TO + " and j.id = :jobId")
        .param("email", email)
        .param("workspaceId", workspaceId)
        .param("jobId", jobId)
        .query(JobReads::job)
        .optional();
  }

  /** A job in the workspace's list, with how many submissions it has in each status. */
  record Listed(
      String id,
      String title,
      String location,
      String clientCompany,
      boolean showDescriptionToClients,
      java.time.Instant createdAt,
      java.util.Map<String, Integer> submissionCounts) {}

  /**
   * The workspace's jobs, newest first, each with its submission counts per status (by status name,
   * sorted; empty for a job without submissions): the jobs, then their counts from the submission
   * feature, which owns that table. Two statements whatever the number of jobs, one when there are
   * none.
   */
  List<Listed> listed(String workspaceId) {
    List<Listed> jobs =
        jdbc.sql(
                """
                select id, title, location, client_company, show_description_to_clients, created_at
                  from job
                 where workspace_id = ?
                 order by created_at desc, id
                """)
            .param(workspaceId)
            .query(
                (rs, n) ->
                    new Listed(
                        rs.getString("id"),
                        rs.getString("title"),
                        rs.getString("location"),
                        rs.getString("client_company"),
                        rs.getBoolean("show_description_to_clients"),
                        Timestamps.read(rs, "created_at"),
                        new java.util.TreeMap<>()))
            .list();
    java.util.Map<String, java.util.Map<String, Integer>> counts =
        submissionCounts.perStatus(jobs.stream().map(Listed::id).toList());
    jobs.forEach(
        job -> job.submissionCounts().putAll(counts.getOrDefault(job.id(), java.util.Map.of())));
    return jobs;
  }

  /** How many active collaborators each of the workspace's jobs has, in one statement. */
  java.util.Map<String, Integer> activeCollaboratorCounts(String workspaceId) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    jdbc.sql(
            """
            select job_id, count(*) as people from collaborator
             where workspace_id = ? and status = 'ACTIVE' group by job_id
            """)
        .param(workspaceId)
        .query(
            rs -> {
              counts.put(rs.getString("job_id"), rs.getInt("people"));
            });
    return counts;
  }

  private static final String JOBS_OPEN_TO =
      """
      select j.id, j.workspace_id, j.owner_id, j.title, j.description, j.requirements,
             j.location, j.client_company, j.show_description_to_clients, j.version,
             j.created_at
      from job j join collaborator c on c.job_id = j.id
      where c.email = :email and c.workspace_id = :workspaceId and c.status = 'ACTIVE'
      """;

  private static Job job(ResultSet rs, int n) throws SQLException {
    return new Job(
        rs.getString("id"),
        rs.getString("workspace_id"),
        rs.getString("owner_id"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("requirements"),
        rs.getString("location"),
        rs.getString("client_company"),
        rs.getBoolean("show_description_to_clients"),
        rs.getLong("version"),
        Timestamps.read(rs, "created_at"));
  }

  private static Collaborator collaborator(ResultSet rs, int n) throws SQLException {
    return new Collaborator(
        rs.getString("id"),
        rs.getString("workspace_id"),
        rs.getString("job_id"),
        rs.getString("email"),
        rs.getString("name"),
        Collaborator.Status.valueOf(rs.getString("status")),
        rs.getLong("version"),
        Timestamps.read(rs, "created_at"));
  }
}
