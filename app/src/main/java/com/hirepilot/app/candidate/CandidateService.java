package com.hirepilot.app.candidate;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/** Creates candidates and stores their files. */
@Service
public class CandidateService {

  private static final Tika TIKA = new Tika();

  private final Candidates candidates;
  private final Attachments attachments;
  private final AttachmentStorage storage;
  private final Clock clock;

  CandidateService(
      Candidates candidates, Attachments attachments, AttachmentStorage storage, Clock clock) {
    this.candidates = candidates;
    this.attachments = attachments;
    this.storage = storage;
    this.clock = clock;
  }

  public Candidate create(
      String workspaceId,
      String name,
      String title,
      String currentCompany,
      List<String> skills,
      String summary,
      String email,
      String phone,
      String internalNotes) {
    return candidates.save(
        new Candidate(
            Ids.next(),
            workspaceId,
            name.trim(),
            title,
            currentCompany,
            skills.stream().map(String::trim).map(Candidate.Skill::new).toList(),
            summary,
            email,
            phone,
            internalNotes,
            null,
            clock.instant()));
  }

  public Candidate get(String workspaceId, String candidateId) {
    return candidates
        .findByIdAndWorkspaceId(candidateId, workspaceId)
        .orElseThrow(() -> new NotFoundException("Candidate"));
  }

  public List<Attachment> attachmentsOf(String candidateId) {
    return attachments.findByCandidateIdOrderByCreatedAt(candidateId);
  }

  @Transactional
  public Attachment attach(
      String workspaceId,
      String candidateId,
      MultipartFile file,
      Attachment.Kind kind,
      boolean isPublic) {
    try (InputStream content = file.getInputStream()) {
      return attach(
          workspaceId,
          candidateId,
          file.getOriginalFilename(),
          content,
          file.getSize(),
          kind,
          isPublic);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores a file for a candidate. Its content type is detected from its bytes; the client's claim
   * is ignored.
   */
  @Transactional
  public Attachment attach(
      String workspaceId,
      String candidateId,
      String originalFilename,
      InputStream content,
      long size,
      Attachment.Kind kind,
      boolean isPublic) {
    get(workspaceId, candidateId);
    String storageName = Ids.next();
    storage.store(storageName, content);
    // If the row does not commit, the stored file must not outlive it.
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              storage.delete(storageName);
            }
          }
        });
    String contentType;
    try {
      contentType = TIKA.detect(storage.resolve(storageName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int version =
        kind == Attachment.Kind.RESUME
            ? attachments.latestVersion(candidateId, kind.name()) + 1
            : 1;
    Instant now = clock.instant();
    return attachments.save(
        new Attachment(
            Ids.next(),
            workspaceId,
            candidateId,
            kind,
            FileNames.sanitize(originalFilename),
            contentType,
            size,
            isPublic,
            version,
            storageName,
            null,
            now));
  }
}
