package org.gitterjakarta.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.gitterjakarta.testsupport.http.Http;

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
    return Http.okObject(call("POST", "/groups", ownerToken, body))
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
        joins.add(
            pool.submit(() -> Http.okObject(call("POST", "/user/me/rooms", a.token(), body))));
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

  /** The signed-in user, as every client asks first. */
  public HttpRequest userRequest(String token) {
    return request("GET", "/user", token, null);
  }

  /** Sends and returns the stored message's JSON. */
  public JsonObject send(String roomId, String token, String text) {
    return Http.okObject(exchange(sendRequest(roomId, token, text)));
  }

  private HttpResponse<String> call(String method, String path, String token, String json) {
    return exchange(request(method, path, token, json));
  }

  private HttpRequest request(String method, String path, String token, String json) {
    return Http.apiRequest(base.resolve("/api/v1" + path), method, token, json).build();
  }

  public HttpResponse<String> exchange(HttpRequest request) {
    return Http.send(http, request);
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
