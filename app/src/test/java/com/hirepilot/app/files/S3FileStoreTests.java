package com.hirepilot.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirepilot.app.testing.S3TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

/** The S3 store against a real S3 server (S3Mock), configured as an operator would. */
class S3FileStoreTests {

  static S3FileStore store;

  @BeforeAll
  static void connect() {
    S3TestServer server = S3TestServer.get();
    store =
        FileStoreConfiguration.s3Store(
            new FilesProperties.S3(
                S3TestServer.BUCKET,
                server.endpoint(),
                null,
                S3TestServer.ACCESS_KEY,
                S3TestServer.SECRET_KEY,
                null,
                null,
                null,
                null));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static String name() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static byte[] read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void aStoredFileOpensWithItsBytesAndLengthThenIsGoneOnceDeleted() throws IOException {
    String name = name();
    byte[] content = ("resume " + name).repeat(5000).getBytes(StandardCharsets.UTF_8);

    store.store(name, new ByteArrayInputStream(content), content.length, "application/pdf");

    assertThat(store.exists(name)).isTrue();
    Resource opened = store.open(name).orElseThrow();
    assertThat(opened.contentLength()).isEqualTo(content.length);
    assertThat(read(opened)).isEqualTo(content);
    // A second read (a byte-range request reads the resource again) fetches the object anew.
    assertThat(read(opened)).isEqualTo(content);

    store.delete(name);

    assertThat(store.exists(name)).isFalse();
    assertThat(store.open(name)).isEmpty();
    store.delete(name); // a missing file is no error
  }

  @Test
  void anUnknownFileIsEmptyAndANameThatLooksLikeAPathIsRefused() {
    assertThat(store.open(name())).isEmpty();
    assertThat(store.exists(name())).isFalse();
    assertThatThrownBy(() -> store.open("../other-bucket/key"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnreachableStoreFailsWithinItsTimeoutsRatherThanHanging() {
    FilesProperties.S3 settings =
        new FilesProperties.S3(
            S3TestServer.BUCKET,
            // A port nothing listens on: the connection is refused at once.
            "http://127.0.0.1:" + com.hirepilot.app.testing.TestPorts.free(),
            null,
            S3TestServer.ACCESS_KEY,
            S3TestServer.SECRET_KEY,
            null,
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(3));
    try (S3FileStore unreachable = FileStoreConfiguration.s3Store(settings)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> unreachable.exists(name())).isInstanceOf(RuntimeException.class);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(java.time.Duration.ofSeconds(10));
    }
  }
}
