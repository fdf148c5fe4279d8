package com.hirepilot.app.files;

import com.hirepilot.app.system.PortalProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one-off move of the files an instance kept in its data dir's attachments folder into the
 * configured store, so that every instance serves them ({@code portal.files.migrate=true}). It runs
 * at start-up and the app then goes on as usual. It may run again, or on several instances at once:
 * a file already in the store is skipped. The folder is left as it was, for the operator to remove
 * once the files download.
 */
@Component
@ConditionalOnProperty(name = "portal.files.migrate", havingValue = "true")
class FileMigration implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FileMigration.class);

  private final LocalFileStore folder;
  private final FileStore store;

  FileMigration(PortalProperties portal, FileStore store) {
    this.folder = new LocalFileStore(FileStoreConfiguration.localFolder(portal));
    this.store = store;
  }

  /** What one run did, also in its log line. */
  record Counts(int copied, int skipped) {}

  @Override
  public void run(ApplicationArguments args) {
    migrate();
  }

  Counts migrate() {
    if (store instanceof LocalFileStore local && local.root().equals(folder.root())) {
      log.info("Files: the store is the folder {} itself; nothing to move", folder.root());
      return new Counts(0, 0);
    }
    int copied = 0;
    int skipped = 0;
    for (String name : folder.names()) {
      if (store.exists(name)) {
        skipped++;
        continue;
      }
      Path file = folder.resolve(name);
      try (InputStream content = Files.newInputStream(file)) {
        // The type was detected and recorded with the attachment's row; the store needs none.
        store.store(name, content, Files.size(file), "application/octet-stream");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      copied++;
    }
    log.info(
        "Files: copied {} and skipped {} (already there) from {} into the {} store",
        copied,
        skipped,
        folder.root(),
        store.kind());
    return new Counts(copied, skipped);
  }
}
