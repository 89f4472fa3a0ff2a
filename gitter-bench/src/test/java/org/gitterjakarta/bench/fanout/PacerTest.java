package org.gitterjakarta.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacerTest {

  private HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Answers 200, except 429 with a JSON body to text "refuse me". */
  @BeforeEach
  void server() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String text =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          byte[] body =
              (text.equals("refuse me") ? "{\"error\":\"Too Many Requests\"}" : "{}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(text.equals("refuse me") ? 429 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Function<String, CompletableFuture<HttpResponse<String>>> sender() {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return text ->
        http.sendAsync(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(text)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void countsEveryAnswerAndSaysWhatTheFirstFailedSendGot() {
    Pacer.Sent sent = Pacer.send(sender(), 20, 1, n -> n % 5 == 3 ? "refuse me" : "fine " + n);

    assertEquals(16, sent.ok());
    assertEquals(4, sent.failed());
    assertTrue(
        sent.firstFailure().startsWith("message 3: HTTP 429 after "), () -> sent.firstFailure());
    assertTrue(sent.firstFailure().endsWith("{\"error\":\"Too Many Requests\"}"));
    assertEquals(20, sent.ackLatency().getTotalCount());
  }

  @Test
  void aRunWithoutFailuresHasNoFirstFailure() {
    Pacer.Sent sent = Pacer.send(sender(), 20, 1, n -> "fine " + n);

    assertEquals(20, sent.ok());
    assertNull(sent.firstFailure());
  }

  @Test
  void aSendThatNeverGotAnAnswerSaysWhy() {
    String failure =
        Pacer.failure(
            null,
            new java.util.concurrent.CompletionException(
                new HttpTimeoutException("request timed out")),
            30_001_000);

    assertEquals("java.net.http.HttpTimeoutException: request timed out after 30001 ms", failure);
  }

  @Test
  void aSenderThatThrowsCountsAsAFailedSendAndTheRunGoesOn() {
    Pacer.Sent sent =
        Pacer.send(
            text -> {
              if (text.equals("1")) {
                throw new IllegalStateException("no connection");
              }
              return sender().apply(text);
            },
            10,
            1,
            Long::toString);

    assertEquals(9, sent.ok());
    assertEquals(1, sent.failed());
    assertTrue(sent.firstFailure().startsWith("message 1: java.lang.IllegalStateException"));
  }
}
