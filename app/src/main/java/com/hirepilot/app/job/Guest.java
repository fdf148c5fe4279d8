package com.hirepilot.app.job;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A guest collaborator: a client contact an admin added to the whole workspace for one client
 * company. While the guest is on record they are a collaborator on every job of that company, the
 * current ones and each one opened later.
 */
public record Guest(
    @Id String id,
    String workspaceId,
    String email,
    String name,
    String clientCompany,
    String companyKey,
    String addedBy,
    @Version Long version,
    Instant createdAt) {

  /** How a job's client company is compared with a guest's: trimmed, in any case. */
  public static String companyKey(String clientCompany) {
    return clientCompany == null ? null : clientCompany.strip().toLowerCase(Locale.ROOT);
  }
}
