package com.hirepilot.app.candidate;

import com.hirepilot.app.files.FileStore;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Candidates' files: stores them (only types this portal accepts, whatever the client claims),
 * shows them to clients or hides them, and tells which of them a submission may show.
 */
@Service
public class CandidateFiles {

  private static final Tika TIKA = new Tika();

  private final CandidateDirectory directory;
  private final CandidateReads reads;
  private final Attachments attachments;
  private final FileStore files;
  private final Clock clock;

  CandidateFiles(
      CandidateDirectory directory,
      CandidateReads reads,
      Attachments attachments,
      FileStore files,
      Clock clock) {
    this.directory = directory;
    this.reads = reads;
    this.attachments = attachments;
    this.files = files;
    this.clock = clock;
  }

  /** Every file of the workspace's candidate, every resume version, newest first. */
  @Transactional(readOnly = true)
  public List<Attachment> filesNewestFirst(String workspaceId, String candidateId) {
    directory.get(workspaceId, candidateId);
    return attachments.findByCandidateIdOrderByCreatedAtDescAttachmentVersionDesc(candidateId);
  }

  /** Shows a file to clients (once it is part of a submission) or hides it. */
  @Transactional
  public Attachment setPublic(
      String workspaceId, String candidateId, String attachmentId, boolean isPublic) {
    directory.get(workspaceId, candidateId);
    Attachment a =
        attachments
            .findByIdAndWorkspaceId(attachmentId, workspaceId)
            .filter(found -> found.candidateId().equals(candidateId))
            .orElseThrow(() -> new NotFoundException("Attachment"));
    return attachments.save(
        new Attachment(
            a.id(),
            a.workspaceId(),
            a.candidateId(),
            a.kind(),
            a.filename(),
            a.contentType(),
            a.size(),
            isPublic,
            a.attachmentVersion(),
            a.storageName(),
            a.version(),
            a.createdAt()));
  }

  /** One of the workspace's files, for a recruiter: private ones too; another's answers 404. */
  @Transactional(readOnly = true)
  public Attachment file(String workspaceId, String attachmentId) {
    return attachments
        .findByIdAndWorkspaceId(attachmentId, workspaceId)
        .orElseThrow(() -> new NotFoundException("Attachment"));
  }

  /**
   * Each candidate's newest public resume's ID, in one statement; those without one are left out.
   */
  public Map<String, String> newestPublicResumes(Collection<String> candidateIds) {
    return reads.newestPublicResumes(candidateIds);
  }

  public List<Attachment> attachmentsOf(String candidateId) {
    return attachments.findByCandidateIdOrderByCreatedAt(candidateId);
  }

  /**
   * Checks that each ID names one of the candidate's files, so it may be shown with a submission.
   *
   * @return the IDs, each once, in the order given
   * @throws InvalidInputException naming {@code attachmentIds} for a file that is not theirs
   */
  public List<String> filesOf(String workspaceId, String candidateId, List<String> attachmentIds) {
    List<String> wanted = List.copyOf(new LinkedHashSet<>(attachmentIds));
    Set<String> theirs =
        attachments.findAllById(wanted).stream()
            .filter(a -> a.workspaceId().equals(workspaceId))
            .filter(a -> a.candidateId().equals(candidateId))
            .map(Attachment::id)
            .collect(Collectors.toSet());
    for (String attachmentId : wanted) {
      if (!theirs.contains(attachmentId)) {
        throw new InvalidInputException(
            "attachmentIds", "attachment " + attachmentId + " is not this candidate's");
      }
    }
    return wanted;
  }

  /**
   * The public ones among these files, in the order given, in one statement: what a client may see
   * and download.
   */
  public List<Attachment> publicFiles(Collection<String> attachmentIds) {
    Map<String, Attachment> found =
        reads.publicFiles(attachmentIds).stream().collect(Collectors.toMap(Attachment::id, a -> a));
    return attachmentIds.stream().map(found::get).filter(Objects::nonNull).toList();
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
    directory.get(workspaceId, candidateId);
    String filename = FileNames.sanitize(originalFilename);
    // The upload waits in a temporary file while its type is checked: nothing reaches the store
    // unless it is a type this portal accepts, and the store is written in one go.
    Path upload = null;
    try {
      upload = Files.createTempFile("upload-", ".tmp");
      Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
      // The temporary name says nothing of the type: Tika goes by the bytes alone.
      String byBytes = TIKA.detect(upload);
      String contentType =
          UploadTypes.accepted(byBytes, filename, upload)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "file",
                          filename
                              + " is not a file type this portal accepts (its content is "
                              + byBytes
                              + "). Upload a "
                              + UploadTypes.ACCEPTED
                              + " file."));
      String storageName = Ids.next();
      try (InputStream stored = Files.newInputStream(upload)) {
        files.store(storageName, stored, Files.size(upload), contentType);
      }
      // If the row does not commit, the stored file must not outlive it. (The database store
      // wrote inside this transaction: its row is gone with the rollback, and this finds none.)
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                files.delete(storageName);
              }
            }
          });
      return saveAttachment(
          workspaceId, candidateId, kind, filename, contentType, size, isPublic, storageName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (upload != null) {
        try {
          Files.deleteIfExists(upload);
        } catch (IOException e) {
          // A leftover in the temporary folder is harmless.
        }
      }
    }
  }

  private Attachment saveAttachment(
      String workspaceId,
      String candidateId,
      Attachment.Kind kind,
      String filename,
      String contentType,
      long size,
      boolean isPublic,
      String storageName) {
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
            filename,
            contentType,
            size,
            isPublic,
            version,
            storageName,
            null,
            now));
  }
}
