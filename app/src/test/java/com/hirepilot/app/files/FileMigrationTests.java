package com.hirepilot.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.testing.TestRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@code portal.files.migrate=true}: the files of an instance's attachments folder move into the
 * database store (here on H2, the same table and migration as on PostgreSQL), and a second run
 * copies nothing twice.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class FileMigrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  static PortalProperties withDataDir(Path dataDir) {
    return new PortalProperties(null, dataDir, null, null, null, null, null, null, null, null);
  }

  static byte[] read(FileStore store, String name) throws IOException {
    try (InputStream in = store.open(name).orElseThrow().getInputStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void theFolderOfTwoFilesMovesIntoTheDatabaseOnceAndStaysWhereItWas() throws IOException {
    Path dataDir = Files.createTempDirectory("portal-migration-");
    Path folder = Files.createDirectories(dataDir.resolve("attachments"));
    String first = UUID.randomUUID().toString().replace("-", "");
    String second = UUID.randomUUID().toString().replace("-", "");
    byte[] firstBytes = "%PDF-1.4 first resume".getBytes(StandardCharsets.UTF_8);
    byte[] secondBytes = "a plain text attachment".getBytes(StandardCharsets.UTF_8);
    Files.write(folder.resolve(first), firstBytes);
    Files.write(folder.resolve(second), secondBytes);
    DatabaseFileStore database = new DatabaseFileStore(jdbc, clock);
    FileMigration migration = new FileMigration(withDataDir(dataDir), database);

    FileMigration.Counts firstRun = migration.migrate();
    FileMigration.Counts secondRun = migration.migrate();

    assertThat(firstRun).isEqualTo(new FileMigration.Counts(2, 0));
    assertThat(secondRun).isEqualTo(new FileMigration.Counts(0, 2));
    assertThat(read(database, first)).isEqualTo(firstBytes);
    assertThat(read(database, second)).isEqualTo(secondBytes);
    assertThat(
            jdbc.queryForObject("select size from stored_files where name = ?", Long.class, second))
        .isEqualTo(secondBytes.length);
    assertThat(Files.exists(folder.resolve(first))).isTrue();
  }

  @Test
  void intoTheFolderItselfThereIsNothingToMove() throws IOException {
    Path dataDir = Files.createTempDirectory("portal-migration-");
    Files.write(
        Files.createDirectories(dataDir.resolve("attachments")).resolve("abc"), new byte[] {1});
    LocalFileStore sameFolder = new LocalFileStore(dataDir.resolve("attachments"));

    assertThat(new FileMigration(withDataDir(dataDir), sameFolder).migrate())
        .isEqualTo(new FileMigration.Counts(0, 0));
  }
}
