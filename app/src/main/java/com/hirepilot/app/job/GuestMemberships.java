package com.hirepilot.app.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which collaborator records each guest membership made, so removing the guest removes exactly
 * those; and the jobs of the workspace by client company.
 */
@Repository
class GuestMemberships {

  private final JdbcClient jdbc;

  GuestMemberships(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String guestId, String collaboratorId) {
    // A record the guest made before (removed meanwhile, now brought back) is on file already.
    boolean known =
        jdbc.sql(
                    "select count(*) from guest_collaborator where guest_id = ? and collaborator_id = ?")
                .params(guestId, collaboratorId)
                .query(Long.class)
                .single()
            > 0;
    if (!known) {
      jdbc.sql("insert into guest_collaborator (guest_id, collaborator_id) values (?, ?)")
          .params(guestId, collaboratorId)
          .update();
    }
  }

  List<String> collaboratorsOf(String guestId) {
    return jdbc.sql("select collaborator_id from guest_collaborator where guest_id = ?")
        .param(guestId)
        .query(String.class)
        .list();
  }

  /** The records the guest made on one job (one at most, by the job's unique address). */
  List<String> collaboratorsOf(String guestId, String jobId) {
    return jdbc.sql(
            """
            select g.collaborator_id from guest_collaborator g
              join collaborator c on c.id = g.collaborator_id
             where g.guest_id = ? and c.job_id = ?
            """)
        .params(guestId, jobId)
        .query(String.class)
        .list();
  }

  /** The guests whose membership made a record on this job. */
  List<String> guestsOn(String jobId) {
    return jdbc.sql(
            """
            select distinct g.guest_id from guest_collaborator g
              join collaborator c on c.id = g.collaborator_id
             where c.job_id = ?
            """)
        .param(jobId)
        .query(String.class)
        .list();
  }

  void forget(String guestId, String collaboratorId) {
    jdbc.sql("delete from guest_collaborator where guest_id = ? and collaborator_id = ?")
        .params(guestId, collaboratorId)
        .update();
  }

  void forgetAll(String guestId) {
    jdbc.sql("delete from guest_collaborator where guest_id = ?").param(guestId).update();
  }

  /** The workspace's jobs for a client company, compared as {@link Guest#companyKey}. */
  List<String> jobsOf(String workspaceId, String companyKey) {
    return jdbc.sql(
            """
            select id from job where workspace_id = ? and lower(trim(client_company)) = ?
             order by created_at, id
            """)
        .params(workspaceId, companyKey)
        .query(String.class)
        .list();
  }

  /** Each guest's jobs through their membership, in one statement, oldest job first. */
  Map<String, List<GuestService.JobAccess>> jobsOfGuests(Collection<String> guestIds) {
    Map<String, List<GuestService.JobAccess>> out = new LinkedHashMap<>();
    if (guestIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            """
            select g.guest_id, j.id as job_id, j.title, c.id as collaborator_id, c.status
              from guest_collaborator g
              join collaborator c on c.id = g.collaborator_id
              join job j on j.id = c.job_id
             where g.guest_id in (:ids)
             order by j.created_at, j.id
            """)
        .param("ids", guestIds)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getString("guest_id"), id -> new ArrayList<>())
                  .add(
                      new GuestService.JobAccess(
                          rs.getString("job_id"),
                          rs.getString("title"),
                          rs.getString("collaborator_id"),
                          Collaborator.Status.ACTIVE.name().equals(rs.getString("status"))));
            });
    return out;
  }
}
