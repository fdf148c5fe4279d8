package com.hirepilot.app.candidate;

import com.hirepilot.app.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A stored file as a download, the one way every page and API sends one: the sanitised name as an
 * attachment, the type detected from the bytes at upload, and nothing in the file able to run on
 * this origin (nosniff, a sandboxing CSP) or to linger in a cache.
 */
@Component
public class AttachmentDownloads {

  private final CandidateService candidates;
  private final AttachmentStorage storage;

  AttachmentDownloads(CandidateService candidates, AttachmentStorage storage) {
    this.candidates = candidates;
    this.storage = storage;
  }

  /** One of the workspace's files for its recruiters, private ones included; else 404. */
  public ResponseEntity<Resource> forRecruiter(String workspaceId, String attachmentId) {
    Attachment file = candidates.file(workspaceId, attachmentId);
    return send(file.filename(), file.contentType(), storage.resolve(file.storageName()));
  }

  /** The hardened answer for a file already checked to be the caller's to download. */
  public static ResponseEntity<Resource> send(String filename, String contentType, Path path) {
    if (!Files.isReadable(path)) {
      throw new NotFoundException("Attachment");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(FileNames.sanitize(filename), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(new FileSystemResource(path));
  }
}
