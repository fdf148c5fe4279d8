package com.hirepilot.rex.tools;

/**
 * Who is talking to REX. The role decides the tool set; the workspace bounds every lookup.
 *
 * @param userId the recruiter's ID, or the collaborator's ID for a client
 * @param email the caller's own address (for a client, the one their links go to)
 */
public record Caller(Role role, String workspaceId, String userId, String name, String email) {

  public enum Role {
    /** A recruiter or support user, with a recruiter API token: every tool. */
    RECRUITER,
    /** A client signed in to the portal: their own access and jobs, nothing internal. */
    CLIENT
  }

  public boolean isClient() {
    return role == Role.CLIENT;
  }
}
