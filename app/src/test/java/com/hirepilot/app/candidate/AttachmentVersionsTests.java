package com.hirepilot.app.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.candidate.Attachment.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which of a candidate's files supersede which, without a database. */
class AttachmentVersionsTests {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  static Attachment file(String id, Kind kind, int version, boolean isPublic, int day) {
    return new Attachment(
        id,
        "w1",
        "c1",
        kind,
        id + ".pdf",
        "application/pdf",
        100,
        isPublic,
        version,
        id + "-stored",
        0L,
        T0.plusSeconds(day * 86_400L));
  }

  final Attachment resume1 = file("r1", Kind.RESUME, 1, true, 1);
  final Attachment resume2 = file("r2", Kind.RESUME, 2, true, 2);
  final Attachment resume3Private = file("r3", Kind.RESUME, 3, false, 3);
  final Attachment letterPrivate = file("l1", Kind.COVER_LETTER, 1, false, 1);
  final Attachment letterPublic = file("l2", Kind.COVER_LETTER, 1, true, 0);

  final AttachmentVersions versions =
      AttachmentVersions.of(List.of(resume1, resume2, resume3Private, letterPrivate, letterPublic));

  @Test
  void theNewestOfAKindIsTheHighestVersionPublicOrNot() {
    assertThat(versions.isNewestOfItsKind(resume3Private)).isTrue();
    assertThat(versions.isNewestOfItsKind(resume2)).isFalse();
    assertThat(versions.isNewestOfItsKind(resume1)).isFalse();
    // Versions count resumes: files of another kind that share a version are all the newest.
    assertThat(versions.isNewestOfItsKind(letterPrivate)).isTrue();
    assertThat(versions.isNewestOfItsKind(letterPublic)).isTrue();
  }

  @Test
  void theLatestPublicResumeSkipsPrivateOnes() {
    assertThat(versions.latestPublicResume()).contains(resume2);
    assertThat(AttachmentVersions.of(List.of(resume3Private, letterPublic)).latestPublicResume())
        .isEmpty();
    assertThat(AttachmentVersions.of(List.of()).latestPublicResume()).isEmpty();
  }

  @Test
  void aNewerPublicResumeCountsOnlyWhenTheSubmissionSharesAnOlderResume() {
    assertThat(versions.hasNewerPublicResumeThan(Set.of("r1", "l2"))).isTrue();
    assertThat(versions.hasNewerPublicResumeThan(Set.of("r3"))).isTrue();
    assertThat(versions.hasNewerPublicResumeThan(Set.of("r2"))).isFalse();
    assertThat(versions.hasNewerPublicResumeThan(Set.of("r1", "r2"))).isFalse();
    assertThat(versions.hasNewerPublicResumeThan(Set.of("l2"))).isFalse();
    assertThat(versions.hasNewerPublicResumeThan(Set.of())).isFalse();
    assertThat(AttachmentVersions.of(List.of(resume3Private)).hasNewerPublicResumeThan(Set.of()))
        .isFalse();
  }

  @Test
  void anOldResumeIsReplacedByTheNewestPublicOne() {
    assertThat(versions.newestPublicFiles(List.of("r1", "l2"))).containsExactly("r2", "l2");
  }

  @Test
  void aPrivateFileIsReplacedByAPublicFileOfItsKindEvenAnOlderOne() {
    assertThat(versions.newestPublicFiles(List.of("l1"))).containsExactly("l2");
    assertThat(versions.newestPublicFiles(List.of("r3"))).containsExactly("r2");
  }

  @Test
  void aPrivateFileWithNoPublicFileOfItsKindStays() {
    assertThat(AttachmentVersions.of(List.of(letterPrivate)).newestPublicFiles(List.of("l1")))
        .containsExactly("l1");
  }

  @Test
  void theNewestFilesKeepTheOrderWithoutRepeatsAndUnknownIdsStay() {
    assertThat(versions.newestPublicFiles(List.of("gone", "r1", "r2", "l2")))
        .containsExactly("gone", "r2", "l2");
    assertThat(versions.newestPublicFiles(List.of("r2", "l2"))).isEqualTo(List.of("r2", "l2"));
    assertThat(versions.newestPublicFiles(List.of())).isEmpty();
  }
}
