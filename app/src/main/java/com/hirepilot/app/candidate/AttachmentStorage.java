package com.hirepilot.app.candidate;

import com.hirepilot.app.system.PortalProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Keeps attachment bytes under {@code portal.data-dir/attachments}, each under a name the server
 * made up, so an upload's own file name never touches the file system.
 */
@Component
public class AttachmentStorage {

  private final Path root;

  AttachmentStorage(PortalProperties properties) {
    this.root = properties.dataDir().resolve("attachments").toAbsolutePath().normalize();
  }

  public void store(String storageName, InputStream content) {
    try {
      Files.createDirectories(root);
      Files.copy(content, resolve(storageName), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path resolve(String storageName) {
    Path path = root.resolve(storageName).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Storage names are generated, never paths");
    }
    return path;
  }

  public void delete(String storageName) {
    try {
      Files.deleteIfExists(resolve(storageName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
