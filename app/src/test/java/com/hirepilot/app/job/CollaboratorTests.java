package com.hirepilot.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Collaborator's state changes keep what identifies the record: ID, job, address and version. */
class CollaboratorTests {

  private static final Instant INVITED = Instant.parse("2026-01-05T09:00:00Z");

  private final Collaborator casey =
      new Collaborator(
          "c1", "w1", "j1", "casey@acme.test", "Casey", Collaborator.Status.ACTIVE, 3L, INVITED);

  @Test
  void removedKeepsTheRecordWithoutAccess() {
    Collaborator removed = casey.removed();

    assertThat(removed.isActive()).isFalse();
    assertThat(removed)
        .isEqualTo(
            new Collaborator(
                "c1",
                "w1",
                "j1",
                "casey@acme.test",
                "Casey",
                Collaborator.Status.REMOVED,
                3L,
                INVITED));
  }

  @Test
  void restoredIsActiveAgainUnderTheSameRecord() {
    Collaborator restored = casey.removed().restored("Casey Client");

    assertThat(restored)
        .isEqualTo(
            new Collaborator(
                "c1",
                "w1",
                "j1",
                "casey@acme.test",
                "Casey Client",
                Collaborator.Status.ACTIVE,
                3L,
                INVITED));
  }

  @Test
  void restoredWithoutANameKeepsTheOldOne() {
    assertThat(casey.removed().restored(null).name()).isEqualTo("Casey");
  }

  @Test
  void renamedChangesOnlyTheName() {
    assertThat(casey.renamed("Casey C.")).isEqualTo(withName(casey, "Casey C."));
    assertThat(casey.removed().renamed("Casey C.").isActive()).isFalse();
  }

  @Test
  void renamedWithoutANameKeepsTheOldOne() {
    assertThat(casey.renamed(null)).isEqualTo(casey);
  }

  private static Collaborator withName(Collaborator c, String name) {
    return new Collaborator(
        c.id(),
        c.workspaceId(),
        c.jobId(),
        c.email(),
        name,
        c.status(),
        c.version(),
        c.createdAt());
  }
}
