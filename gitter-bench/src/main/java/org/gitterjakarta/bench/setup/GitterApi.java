package org.gitterjakarta.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The REST API v1 calls the bench makes, as any client makes them. */
public final class GitterApi {

  private final URI base;
  private final HttpClient http;

  public GitterApi(URI base) {
    this.base = base;
    // a pool of its own threads: the default one grows without bound under 64 senders
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1 as browsers and node clients speak it here; an h2c upgrade would also trip
            // Node
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4, daemon("api-client")))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public HttpClient http() {
    return http;
  }

  /** A new community of the owner; the id of its default room. */
  public String createRoom(String ownerToken) {
    String uri = "bench" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"uri\":\"" + uri + "\",\"name\":\"Bench " + uri + "\"}";
    return ok(call("POST", "/groups", ownerToken, body))
        .getJsonObject("defaultRoom")
        .getString("id");
  }

  /** Every account joins the room (16 at a time), as a member whose unread counts are kept. */
  public void joinAll(String roomId, List<Account> accounts) {
    ExecutorService pool = Executors.newFixedThreadPool(16, daemon("join"));
    try {
      String body = "{\"id\":\"" + roomId + "\"}";
      List<Future<JsonObject>> joins = new java.util.ArrayList<>();
      for (Account a : accounts) {
        joins.add(pool.submit(() -> ok(call("POST", "/user/me/rooms", a.token(), body))));
      }
      for (Future<JsonObject> join : joins) {
        join.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("joining failed: " + e.getMessage(), e);
    } finally {
      pool.shutdown();
    }
  }

  public HttpRequest sendRequest(String roomId, String token, String text) {
    return request(
        "POST",
        "/rooms/" + roomId + "/chatMessages",
        token,
        "{\"text\":" + Json.createValue(text) + "}");
  }

  public HttpRequest historyRequest(String roomId, String token, String beforeId) {
    String query = "?limit=50" + (beforeId == null ? "" : "&beforeId=" + beforeId);
    return request("GET", "/rooms/" + roomId + "/chatMessages" + query, token, null);
  }

  /** Sends and returns the stored message's JSON. */
  public JsonObject send(String roomId, String token, String text) {
    return ok(exchange(sendRequest(roomId, token, text)));
  }

  private HttpResponse<String> call(String method, String path, String token, String json) {
    return exchange(request(method, path, token, json));
  }

  private HttpRequest request(String method, String path, String token, String json) {
    return HttpRequest.newBuilder(base.resolve("/api/v1" + path))
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  public HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  public static java.util.concurrent.ThreadFactory daemon(String name) {
    var count = new java.util.concurrent.atomic.AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
