package com.hirepilot.app.candidate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a candidate's files supersede which. A candidate uploads new resumes over time and a
 * private file may have a public copy; a submission shares some of these files, and whoever looks
 * at it (REX, or a recruiter resending it) needs to know whether it still shares the newest public
 * ones. The rules live here, with the files, rather than in each caller.
 */
public final class AttachmentVersions {

  private final List<Attachment> files;

  private AttachmentVersions(List<Attachment> files) {
    this.files = List.copyOf(files);
  }

  /** The versions among one candidate's files, as {@link CandidateFiles#attachmentsOf} lists. */
  public static AttachmentVersions of(List<Attachment> candidateFiles) {
    return new AttachmentVersions(candidateFiles);
  }

  /**
   * Whether no file of the same kind has a higher {@link Attachment#attachmentVersion()}, public or
   * not.
   */
  public boolean isNewestOfItsKind(Attachment file) {
    int newest =
        files.stream()
            .filter(o -> o.kind() == file.kind())
            .mapToInt(Attachment::attachmentVersion)
            .max()
            .orElse(file.attachmentVersion());
    return file.attachmentVersion() == newest;
  }

  /** The public resume with the highest {@link Attachment#attachmentVersion()}, if any. */
  public Optional<Attachment> latestPublicResume() {
    return files.stream()
        .filter(a -> a.kind() == Attachment.Kind.RESUME && a.isPublic())
        .max(Comparator.comparingInt(Attachment::attachmentVersion));
  }

  /** Whether a submission sharing these file IDs shares a resume, but not the latest public one. */
  public boolean hasNewerPublicResumeThan(Collection<String> shared) {
    Optional<Attachment> latest = latestPublicResume();
    return latest.isPresent()
        && !shared.contains(latest.get().id())
        && files.stream()
            .anyMatch(a -> a.kind() == Attachment.Kind.RESUME && shared.contains(a.id()));
  }

  /**
   * The shared files with each replaced by the candidate's newest public file of its kind, when
   * that is another file: the newest resume for an old one, a public copy for a private file. The
   * order of {@code shared} is kept, without repeats; an ID that is not one of these files stays.
   */
  public List<String> newestPublicFiles(List<String> shared) {
    List<String> out = new ArrayList<>();
    for (String id : shared) {
      Optional<Attachment> current = files.stream().filter(a -> a.id().equals(id)).findFirst();
      String chosen = id;
      if (current.isPresent()) {
        Attachment a = current.get();
        chosen =
            files.stream()
                .filter(o -> o.kind() == a.kind() && o.isPublic())
                .filter(o -> !a.isPublic() || o.createdAt().isAfter(a.createdAt()))
                .max(Comparator.comparing(Attachment::createdAt))
                .map(Attachment::id)
                .orElse(id);
      }
      if (!out.contains(chosen)) {
        out.add(chosen);
      }
    }
    return out;
  }
}
