package com.hirepilot.app.files;

import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * The one place uploaded files live, whichever store is configured ({@code portal.files.store}).
 * Files are named by the server (an ID), never by what an upload called itself, and are written
 * once: a new version of a resume is a new file.
 */
public interface FileStore {

  /** What a generated name looks like: no separators, nothing a path or a key could misread. */
  Pattern NAMES = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  /**
   * Keeps {@code content} under {@code name}.
   *
   * @param size the content's exact length in bytes
   * @param contentType the type detected from the bytes, kept where the store can keep it
   */
  void store(String name, InputStream content, long size, String contentType);

  /**
   * The file to send, or empty when there is none by that name. The resource is read once, by
   * whoever sends it, and closes what it holds when read.
   */
  Optional<Resource> open(String name);

  /** Removes the file; a missing one is no error. */
  void delete(String name);

  boolean exists(String name);

  /** The store's kind, for logs: {@code local}, {@code database} or {@code s3}. */
  String kind();

  /**
   * @throws IllegalArgumentException unless {@code name} is one the server could have made
   */
  static String checked(String name) {
    if (name == null || !NAMES.matcher(name).matches()) {
      throw new IllegalArgumentException("Stored files have generated names, never paths");
    }
    return name;
  }
}
