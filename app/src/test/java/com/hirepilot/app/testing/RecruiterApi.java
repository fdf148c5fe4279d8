package com.hirepilot.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The recruiter API over real HTTP, with a bearer token. */
public final class RecruiterApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String origin;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  public RecruiterApi(String origin, String token) {
    this.origin = origin;
    this.token = token;
  }

  public HttpResponse<String> post(String path, String json) {
    return sendJson("POST", path, json);
  }

  public HttpResponse<String> put(String path, String json) {
    return sendJson("PUT", path, json);
  }

  public HttpResponse<String> patch(String path, String json) {
    return sendJson("PATCH", path, json);
  }

  private HttpResponse<String> sendJson(String method, String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  public HttpResponse<String> upload(
      String candidateId, String filename, byte[] content, String kind, boolean isPublic) {
    String boundary = "----portal" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    try {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
                  + kind
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"public\"\r\n\r\n"
                  + isPublic
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + filename
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return send(
        request("/api/candidates/" + candidateId + "/attachments")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** {@code PUT} of one file as the multipart field {@code field}, e.g. the workspace's logo. */
  public HttpResponse<String> putFile(String path, String field, String filename, byte[] content) {
    String boundary = "----portal" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    try {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"; filename=\""
                  + filename
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** Posts and returns the created object's ID, failing unless the answer is 201. */
  public String create(String path, String json) {
    HttpResponse<String> response = post(path, json);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response).get("id").asText();
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  public static String quote(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(origin + path))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) {
    return Http.send(http, request);
  }
}
