package com.etoaudiobook.local;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client for tests that act as a user of the API. */
final class Http {
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final URI base;

  Http(URI base) {
    this.base = base;
  }

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      return Json.read(body, JsonNode.class);
    }
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build());
  }

  Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Reply patch(String path, String json) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Reply delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build());
  }

  /** Creates an upload and PUTs the bytes to its presigned URL, as the web page does; returns the upload id. */
  String upload(String fileName, byte[] content) {
    Reply created = post("api/uploads", Json.writeString(java.util.Map.of("fileName", fileName, "size", content.length)));
    if (created.status() != 201) {
      throw new AssertionError("POST /api/uploads: " + created.status() + " " + created.body());
    }
    JsonNode u = created.json();
    Reply put = send(HttpRequest.newBuilder(URI.create(u.get("url").asText()))
        .header("Content-Type", u.get("headers").get("Content-Type").asText())
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    if (put.status() != 200) {
      throw new AssertionError("PUT to the presigned URL: " + put.status() + " " + put.body());
    }
    return u.get("uploadId").asText();
  }

  void download(String url, Path to) {
    try {
      HttpResponse<Path> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofFile(to));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("download " + r.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls GET path until the JSON satisfies the condition or the time is up. */
  JsonNode until(String path, Predicate<JsonNode> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      Reply r = get(path);
      if (r.status() == 200) {
        last = r.json();
        if (condition.test(last)) {
          return last;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting on " + path + "; last: " + last);
  }
}
