package org.gitterjakarta.bench.ceiling;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.bench.setup.Account;
import org.gitterjakarta.bench.setup.GitterApi;
import org.gitterjakarta.bench.throughput.ClosedLoop;

/**
 * Three requests of falling cost to the container, by the same client and concurrency as the
 * history reads: a static file of the web WAR (the floor of any request), {@code /health/live} (a
 * JAX-RS resource with no store behind it) and {@code GET /api/v1/user} (authentication and one
 * user read).
 */
public final class CeilingBench {

  public static final String STATIC = "static CSS file";
  public static final String LIVE = "GET /health/live";
  public static final String USER = "GET /api/v1/user";

  /** A stylesheet every page of the web WAR links. */
  public static final String CSS = "/resources/css/gitter.css";

  private CeilingBench() {}

  public static Map<String, ClosedLoop.Result> run(
      GitterApi api,
      URI base,
      Account reader,
      int clients,
      int seconds,
      List<ProcessProbe> probes) {
    Map<String, HttpRequest> requests = new LinkedHashMap<>();
    requests.put(STATIC, get(base.resolve(CSS)).build());
    requests.put(LIVE, get(base.resolve("/health/live")).build());
    requests.put(USER, api.userRequest(reader.token()));
    Map<String, ClosedLoop.Result> results = new LinkedHashMap<>();
    requests.forEach(
        (kind, request) -> {
          var result = ClosedLoop.run(api, clients, 3, seconds, c -> request, probes);
          System.out.printf(
              "[bench] ceiling %s: %.0f req/s, p99 %.1f ms, %d failed%n",
              kind, result.perSecond(), result.millis(99), result.failed());
          results.put(kind, result);
        });
    return results;
  }

  private static HttpRequest.Builder get(URI uri) {
    return HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30));
  }
}
