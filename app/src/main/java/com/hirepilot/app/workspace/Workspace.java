package com.hirepilot.app.workspace;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** One recruiting agency: everything else belongs to exactly one workspace. */
public record Workspace(@Id String id, String name, @Version Long version, Instant createdAt) {

  public static Workspace create(String id, String name, Instant now) {
    return new Workspace(id, name, null, now);
  }
}
