package com.hirepilot.app.workspace;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Another agency beside the tests' own, for checks that workspaces never see each other. */
public final class OtherWorkspaces {

  private OtherWorkspaces() {}

  /** Creates a workspace with one admin recruiter whose API token is {@code token}. */
  public static void create(ApplicationContext app, String name, String token) {
    Workspace other =
        app.getBean(Workspaces.class)
            .save(Workspace.create(UUID.randomUUID().toString(), name, Instant.now()));
    Recruiter olly =
        app.getBean(Recruiters.class)
            .save(
                Recruiter.create(
                    UUID.randomUUID().toString(),
                    other.id(),
                    "Olly",
                    "olly-" + UUID.randomUUID() + "@other.test",
                    null,
                    Recruiter.Role.ADMIN,
                    Instant.now()));
    app.getBean(ApiTokens.class)
        .save(
            new ApiToken(
                UUID.randomUUID().toString(),
                other.id(),
                olly.id(),
                "Olly's token",
                TokenHashes.sha256(token),
                Instant.now(),
                null,
                null));
  }
}
