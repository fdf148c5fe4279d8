package com.hirepilot.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.files.FilesProperties.Store;
import org.junit.jupiter.api.Test;

/** Which store {@code portal.files.store} picks, {@code auto} above all. */
class FileStoreChoiceTests {

  static final String H2 = "jdbc:h2:file:./data/portal;MODE=PostgreSQL";
  static final String POSTGRES = "jdbc:postgresql://db:5432/portal";

  static FilesProperties files(Store store, String bucket) {
    return new FilesProperties(
        store,
        false,
        new FilesProperties.S3(bucket, null, null, null, null, null, null, null, null));
  }

  @Test
  void autoIsS3WithABucketElseTheDatabaseOnPostgresElseTheLocalFolder() {
    assertThat(FileStoreConfiguration.chosen(files(Store.AUTO, "files"), H2)).isEqualTo(Store.S3);
    assertThat(FileStoreConfiguration.chosen(files(Store.AUTO, ""), POSTGRES))
        .isEqualTo(Store.DATABASE);
    assertThat(FileStoreConfiguration.chosen(files(Store.AUTO, null), H2)).isEqualTo(Store.LOCAL);
  }

  @Test
  void aNamedStoreIsTakenAsItIs() {
    assertThat(FileStoreConfiguration.chosen(files(Store.LOCAL, "files"), POSTGRES))
        .isEqualTo(Store.LOCAL);
    assertThat(FileStoreConfiguration.chosen(files(Store.DATABASE, null), H2))
        .isEqualTo(Store.DATABASE);
  }

  @Test
  void pathStyleIsTheDefaultWithAnEndpointAndRegionAndTimeoutsHaveDefaults() {
    var minio =
        new FilesProperties.S3("b", "http://minio:9000", "", null, null, null, null, null, null);
    var aws = new FilesProperties.S3("b", null, null, null, null, null, null, null, null);
    var virtualHosted =
        new FilesProperties.S3("b", "http://minio:9000", null, null, null, false, null, null, null);

    assertThat(minio.usePathStyle()).isTrue();
    assertThat(aws.usePathStyle()).isFalse();
    assertThat(virtualHosted.usePathStyle()).isFalse();
    assertThat(minio.region()).isEqualTo("us-east-1");
    assertThat(aws.connectTimeout()).hasSeconds(5);
    assertThat(aws.callTimeout()).hasSeconds(30);
  }
}
