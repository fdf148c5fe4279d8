package com.hirepilot.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Files in a folder of this machine ({@code portal.data-dir/attachments}): the embedded default,
 * one instance, nothing to set up. Another instance cannot see them.
 */
final class LocalFileStore implements FileStore {

  private final Path root;

  LocalFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  @Override
  public void store(String name, InputStream content, long size, String contentType) {
    try {
      Files.createDirectories(root);
      Files.copy(content, resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<Resource> open(String name) {
    Path path = resolve(name);
    return Files.isReadable(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
  }

  @Override
  public void delete(String name) {
    try {
      Files.deleteIfExists(resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean exists(String name) {
    return Files.isRegularFile(resolve(name));
  }

  @Override
  public String kind() {
    return "local";
  }

  /** The names of the files in the folder, for moving them to another store. */
  List<String> names() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> NAMES.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path resolve(String name) {
    return root.resolve(FileStore.checked(name));
  }
}
