package com.hirepilot.app.candidate;

import com.hirepilot.app.files.FileStore;
import com.hirepilot.app.system.NotFoundException;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Callers check the file is the caller's in their own transaction and ask for the bytes after
 * it: the store is read outside it, and the answer is written to the client with no pooled
 * connection held, however slow the client.
 */
@Component
public class AttachmentDownloads {

  private final CandidateFiles candidateFiles;
  private final FileStore files;

  AttachmentDownloads(CandidateFiles candidateFiles, FileStore files) {
    this.candidateFiles = candidateFiles;
    this.files = files;
  }

  /** One of the workspace's files for its recruiters, private ones included; else 404. */
  public ResponseEntity<Resource> forRecruiter(String workspaceId, String attachmentId) {
    Attachment file = candidateFiles.file(workspaceId, attachmentId);
    return send(file.filename(), file.contentType(), file.storageName());
  }

  /** The hardened answer for a file already checked to be the caller's to download. */
  public ResponseEntity<Resource> send(String filename, String contentType, String storageName) {
    Resource content =
        files.open(storageName).orElseThrow(() -> new NotFoundException("Attachment"));
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
        .body(content);
  }
}
