package com.hirepilot.app.job;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A Job REQ: the opening a client hired the agency to fill. */
public record Job(
    @Id String id,
    String workspaceId,
    String ownerId,
    String title,
    String description,
    String requirements,
    String location,
    String clientCompany,
    boolean showDescriptionToClients,
    @Version Long version,
    Instant createdAt) {}
