package com.hirepilot.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * With {@code portal.files.store=s3}, an uploaded resume goes to the bucket of a real S3 server
 * (S3Mock) and comes back from it, nowhere else.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnS3.class)
class FilesOnS3Tests {

  @Autowired FileStore store;
  @Autowired JdbcClient jdbc;

  final StoredFileDownloads app = new StoredFileDownloads(TestRuntime.s3());

  @Test
  void aResumeUploadedThroughTheApiIsKeptInTheBucketAndDownloadsWithItsHeaders() {
    byte[] pdf = TestFiles.pdf("Resume kept in S3");

    JsonNode uploaded = app.uploadResume("cv in s3.pdf", pdf);
    StoredFileDownloads.Download download = app.downloadInConsole(uploaded.get("id").asText());

    assertThat(store.kind()).isEqualTo("s3");
    assertThat(download.answer().statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.header("Content-Type")).startsWith("application/pdf");
    assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
    assertThat(download.header("Content-Disposition")).startsWith("attachment");
    assertThat(ContentDisposition.parse(download.header("Content-Disposition")).getFilename())
        .isEqualTo("cv in s3.pdf");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    String storageName =
        jdbc.sql("select storage_name from attachment where id = ?")
            .param(uploaded.get("id").asText())
            .query(String.class)
            .single();
    assertThat(store.exists(storageName)).isTrue();
    assertThat(app.filesInAttachmentsFolder()).isZero();
  }

  @Test
  void aFileMissingFromTheBucketIsNotFound() {
    JsonNode uploaded = app.uploadResume("gone.pdf", TestFiles.pdf("Soon gone"));
    String storageName =
        jdbc.sql("select storage_name from attachment where id = ?")
            .param(uploaded.get("id").asText())
            .query(String.class)
            .single();
    store.delete(storageName);

    assertThat(app.downloadInConsole(uploaded.get("id").asText()).answer().statusCode())
        .isEqualTo(404);
  }
}
