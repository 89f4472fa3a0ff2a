package org.gitterjakarta.st;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for black-box tests: status, headers and JSON of a reply. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> get(URI uri, String... headers) {
    return send(HttpRequest.newBuilder(uri).GET(), headers);
  }

  static HttpResponse<String> postJson(URI uri, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"),
        headers);
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a streamed response ends with in {@link #lines}: the server closed it, cleanly or not. */
  static final String END = "<end>";

  /** The response's lines, read in the background into a queue, then {@link #END}. */
  static java.util.concurrent.BlockingQueue<String> lines(
      HttpResponse<java.util.stream.Stream<String>> response) {
    var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(lines::add);
              } catch (UncheckedIOException closed) {
                // the end all the same
              }
              lines.add(END);
            });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) json(response.body());
  }

  static JsonArray array(HttpResponse<String> response) {
    return (JsonArray) json(response.body());
  }

  static JsonStructure json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
