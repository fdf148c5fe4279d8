package com.hirepilot.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in a bucket of an S3-compatible object store (AWS S3, MinIO, ...), one object per file,
 * keyed by its generated name. A download streams from the store to the client and holds no
 * database connection. The bucket must exist: the app never creates one.
 */
final class S3FileStore implements FileStore, AutoCloseable {

  private final S3Client s3;
  private final String bucket;

  S3FileStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public void store(String name, InputStream content, long size, String contentType) {
    s3.putObject(
        put -> put.bucket(bucket).key(FileStore.checked(name)).contentType(contentType),
        RequestBody.fromInputStream(content, size));
  }

  @Override
  public Optional<Resource> open(String name) {
    GetObjectRequest request =
        GetObjectRequest.builder().bucket(bucket).key(FileStore.checked(name)).build();
    try {
      // Fetched now, not when the answer is written, so a missing file is a 404 and not a
      // download cut short after its headers.
      return Optional.of(new ObjectResource(s3, request, s3.getObject(request)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(String name) {
    s3.deleteObject(delete -> delete.bucket(bucket).key(FileStore.checked(name)));
  }

  @Override
  public boolean exists(String name) {
    try {
      s3.headObject(head -> head.bucket(bucket).key(FileStore.checked(name)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      // A HEAD answer has no body, so a missing key may come back as a plain 404.
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public void close() {
    s3.close();
  }

  /**
   * An object as a download: the stream already open is handed out first; a second reader (a
   * byte-range request reads the resource again) gets a fresh one.
   */
  private static final class ObjectResource extends AbstractResource {

    private final S3Client s3;
    private final GetObjectRequest request;
    private final long length;
    private ResponseInputStream<GetObjectResponse> first;

    ObjectResource(
        S3Client s3, GetObjectRequest request, ResponseInputStream<GetObjectResponse> first) {
      this.s3 = s3;
      this.request = request;
      this.first = first;
      Long contentLength = first.response().contentLength();
      this.length = contentLength != null ? contentLength : -1;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (first != null) {
        InputStream stream = first;
        first = null;
        return stream;
      }
      return s3.getObject(request);
    }

    @Override
    public long contentLength() {
      return length; // a negative length sends the file without one, never reads it twice
    }

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public boolean isReadable() {
      return true;
    }

    @Override
    public String getDescription() {
      return "S3 object " + request.bucket() + "/" + request.key();
    }
  }
}
