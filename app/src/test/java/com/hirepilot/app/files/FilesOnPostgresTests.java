package com.hirepilot.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestFiles;
import com.hirepilot.app.testing.TestRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * On PostgreSQL with no object store configured, files go into the shared database: the
 * zero-configuration path for several instances. Nothing lands in the instance's own folder.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class FilesOnPostgresTests {

  @Autowired FileStore store;
  @Autowired JdbcClient jdbc;

  final StoredFileDownloads app = new StoredFileDownloads(TestRuntime.postgres());

  @Test
  void aResumeUploadedThroughTheApiIsKeptInTheDatabaseAndDownloadsAsUploaded() {
    byte[] pdf = TestFiles.pdf("Resume kept in PostgreSQL");

    JsonNode uploaded = app.uploadResume("cv.pdf", pdf);
    StoredFileDownloads.Download download = app.downloadInConsole(uploaded.get("id").asText());

    assertThat(store.kind()).isEqualTo("database");
    assertThat(download.answer().statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.header("Content-Type")).startsWith("application/pdf");
    assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("cv.pdf");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    long size =
        jdbc.sql(
                "select f.size from stored_files f join attachment a on a.storage_name = f.name"
                    + " where a.id = ?")
            .param(uploaded.get("id").asText())
            .query(Long.class)
            .single();
    assertThat(size).isEqualTo(pdf.length);
    assertThat(app.filesInAttachmentsFolder()).isZero();
  }

  @Test
  void aRefusedFileLeavesNothingStored() {
    long before = jdbc.sql("select count(*) from stored_files").query(Long.class).single();
    String candidateId =
        app.api.create("/api/candidates", "{\"name\":\"Refused file\",\"title\":\"Engineer\"}");

    var refused =
        app.api.upload(candidateId, "cv.pdf", "MZ not a resume".getBytes(), "RESUME", false);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(jdbc.sql("select count(*) from stored_files").query(Long.class).single())
        .isEqualTo(before);
  }
}
