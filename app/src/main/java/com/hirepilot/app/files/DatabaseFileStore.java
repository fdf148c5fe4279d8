package com.hirepilot.app.files;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files in the shared database (table {@code stored_files}): on PostgreSQL with no object store,
 * every instance serves every file with nothing more to set up.
 *
 * <p>A file is stored inside the caller's transaction, so it commits, or rolls back, with the row
 * that names it. A download reads the whole file in one short statement and gives the connection
 * back before the first byte goes to the client: a slow client never holds a pooled connection.
 * Uploads are at most {@code portal.attachments.max-size} (10 MB by default), so holding one file
 * in memory for the length of its download is affordable.
 */
final class DatabaseFileStore implements FileStore {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  DatabaseFileStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void store(String name, InputStream content, long size, String contentType) {
    jdbc.update(
        "insert into stored_files (name, content, size, created_at) values (?, ?, ?, ?)",
        ps -> {
          ps.setString(1, FileStore.checked(name));
          ps.setBinaryStream(2, content, size);
          ps.setLong(3, size);
          ps.setTimestamp(4, Timestamp.from(clock.instant()));
        });
  }

  @Override
  public Optional<Resource> open(String name) {
    List<byte[]> found =
        jdbc.query(
            "select content from stored_files where name = ?",
            (rs, row) -> rs.getBytes(1),
            FileStore.checked(name));
    return found.stream().findFirst().map(bytes -> new ByteArrayResource(bytes, "stored file"));
  }

  @Override
  public void delete(String name) {
    jdbc.update("delete from stored_files where name = ?", FileStore.checked(name));
  }

  @Override
  public boolean exists(String name) {
    return !jdbc.queryForList(
            "select 1 from stored_files where name = ?", Integer.class, FileStore.checked(name))
        .isEmpty();
  }

  @Override
  public String kind() {
    return "database";
  }
}
