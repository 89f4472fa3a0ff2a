package org.gitterjakarta.testsupport.http;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/** A small HTTP/JSON helper: status, headers and JSON of a reply. */
public final class Http {

  /** What a streamed response ends with in {@link #lines}: the server closed it, cleanly or not. */
  public static final String END = "<end>";

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  public static HttpResponse<String> get(URI uri, String... headers) {
    return send(HttpRequest.newBuilder(uri).GET(), headers);
  }

  public static HttpResponse<String> postJson(URI uri, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"),
        headers);
  }

  /**
   * A REST call as API clients make it: bearer token, and a JSON body unless {@code json} is null.
   */
  public static HttpRequest.Builder apiRequest(URI uri, String method, String token, String json) {
    return HttpRequest.newBuilder(uri)
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(TIMEOUT);
  }

  /** Sends with the shared client; {@code headers} are name, value pairs. */
  public static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(CLIENT, request.timeout(TIMEOUT).build());
  }

  public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The response's lines, read in the background into a queue, then {@link #END}. */
  public static BlockingQueue<String> lines(HttpResponse<Stream<String>> response) {
    var lines = new LinkedBlockingQueue<String>();
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

  /** The body of a 200 reply as an object; any other status is an {@link IllegalStateException}. */
  public static JsonObject okObject(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return object(response);
  }

  public static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) json(response.body());
  }

  public static JsonArray array(HttpResponse<String> response) {
    return (JsonArray) json(response.body());
  }

  public static JsonStructure json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
