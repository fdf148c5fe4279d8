package com.hirepilot.app.files;

import com.hirepilot.app.system.PortalProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Picks the one {@link FileStore}. {@code auto}: S3 when a bucket is set; else the database when it
 * is PostgreSQL, where several instances may share it; else the data dir's folder (the embedded H2
 * default is one instance).
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FileStoreConfiguration.class);

  /** The data dir's folder, where files were kept before any other store existed. */
  static Path localFolder(PortalProperties portal) {
    return portal.dataDir().resolve("attachments");
  }

  static FilesProperties.Store chosen(FilesProperties files, String datasourceUrl) {
    if (files.store() != FilesProperties.Store.AUTO) {
      return files.store();
    }
    if (files.s3().configured()) {
      return FilesProperties.Store.S3;
    }
    return datasourceUrl != null && datasourceUrl.startsWith("jdbc:postgresql:")
        ? FilesProperties.Store.DATABASE
        : FilesProperties.Store.LOCAL;
  }

  @Bean
  FileStore fileStore(
      FilesProperties files,
      PortalProperties portal,
      @Value("${spring.datasource.url:}") String datasourceUrl,
      JdbcTemplate jdbc,
      Clock clock) {
    FileStore store =
        switch (chosen(files, datasourceUrl)) {
          case S3 -> s3Store(files.s3());
          case DATABASE -> new DatabaseFileStore(jdbc, clock);
          case LOCAL, AUTO -> new LocalFileStore(localFolder(portal));
        };
    log.info("Uploaded files are kept in the {} store", store.kind());
    return store;
  }

  static S3FileStore s3Store(FilesProperties.S3 settings) {
    if (!settings.configured()) {
      throw new IllegalStateException(
          "portal.files.store=s3 needs portal.files.s3.bucket (PORTAL_FILES_S3_BUCKET)");
    }
    AwsCredentialsProvider credentials =
        settings.hasKeys()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
            : DefaultCredentialsProvider.builder().build();
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(settings.connectTimeout())
                    .socketTimeout(settings.readTimeout()))
            .overrideConfiguration(call -> call.apiCallTimeout(settings.callTimeout()))
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.usePathStyle());
    if (StringUtils.hasText(settings.endpoint())) {
      builder.endpointOverride(URI.create(settings.endpoint()));
    }
    return new S3FileStore(builder.build(), settings.bucket());
  }
}
