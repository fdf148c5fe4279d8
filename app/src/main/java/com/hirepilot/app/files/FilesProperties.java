package com.hirepilot.app.files;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The {@code portal.files.*} settings (docs/configuration-files.md).
 *
 * @param store {@code auto}, {@code local}, {@code database} or {@code s3}
 * @param migrate at start-up, copy the data dir's attachments folder into the store
 */
@ConfigurationProperties("portal.files")
record FilesProperties(@DefaultValue("auto") Store store, boolean migrate, S3 s3) {

  enum Store {
    AUTO,
    LOCAL,
    DATABASE,
    S3
  }

  FilesProperties {
    if (s3 == null) {
      s3 = new S3(null, null, "us-east-1", null, null, null, null, null, null);
    }
  }

  /**
   * @param endpoint the store's address when it is not AWS itself (MinIO, ...)
   * @param accessKey with {@code secretKey}, fixed credentials; else the AWS default chain
   * @param pathStyle {@code http://host/bucket/key} addresses; by default, when an endpoint is set
   */
  record S3(
      String bucket,
      String endpoint,
      @DefaultValue("us-east-1") String region,
      String accessKey,
      String secretKey,
      Boolean pathStyle,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration readTimeout,
      @DefaultValue("30s") Duration callTimeout) {

    S3 {
      if (!StringUtils.hasText(region)) {
        region = "us-east-1";
      }
      connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(5);
      readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(30);
      callTimeout = callTimeout != null ? callTimeout : Duration.ofSeconds(30);
    }

    boolean configured() {
      return StringUtils.hasText(bucket);
    }

    boolean usePathStyle() {
      return pathStyle != null ? pathStyle : StringUtils.hasText(endpoint);
    }

    boolean hasKeys() {
      return StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey);
    }
  }
}
