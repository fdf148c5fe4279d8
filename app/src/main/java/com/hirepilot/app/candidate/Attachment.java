package com.hirepilot.app.candidate;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;

/**
 * A file stored for a candidate.
 *
 * @param isPublic whether clients may download it once it is part of a submission
 * @param attachmentVersion counts a candidate's RESUME uploads up, so "the latest resume" is known
 * @param storageName the server-generated file name under the data directory
 */
public record Attachment(
    @Id String id,
    String workspaceId,
    String candidateId,
    Kind kind,
    String filename,
    String contentType,
    long size,
    @Column("is_public") boolean isPublic,
    int attachmentVersion,
    String storageName,
    @Version Long version,
    Instant createdAt) {

  public enum Kind {
    RESUME,
    COVER_LETTER,
    OTHER
  }
}
