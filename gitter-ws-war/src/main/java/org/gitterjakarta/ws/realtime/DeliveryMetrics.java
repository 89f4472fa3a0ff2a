package org.gitterjakarta.ws.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * This realtime instance's delivery figures at {@code /metrics}: deliveries to subscribers, the lag
 * from an event's publication to its hand-over to CometD, and the clients connected. The hot path
 * pays one counter increment and one histogram update per event, never work per socket.
 */
@ApplicationScoped
public class DeliveryMetrics {

  static final String DELIVERIES = "gitter_fanout_deliveries";
  static final String LAG = "gitter_fanout_lag";
  static final String SOCKETS = "gitter_realtime_sockets";

  @Inject MetricRegistry registry;

  /** Tags the figures like the domain's ({@code war}: gitter-ejb's ProductMetrics). */
  @Resource(lookup = "java:app/AppName")
  String applicationName;

  private volatile Counter deliveries;
  private volatile Timer lag;

  /**
   * Registers, from the servlet's start (the application's context; the fan-out runs on the Redis
   * subscriber's thread, where Payara would find no application registry).
   */
  void attach(LocalClients clients) {
    Tag war = new Tag("war", applicationName);
    deliveries =
        registry.counter(
            Metadata.builder()
                .withName(DELIVERIES)
                .withDescription("Live events handed to a subscribed Bayeux client, one per client")
                .build(),
            war);
    // a timer, not a histogram in milliseconds: Payara's Prometheus output converts a histogram's
    // mean and max to seconds but not its quantiles and sum
    lag =
        registry.timer(
            Metadata.builder()
                .withName(LAG)
                .withDescription("From a live event's publication to its hand-over to CometD")
                .withUnit(MetricUnits.SECONDS)
                .build(),
            war);
    registry.gauge(
        Metadata.builder()
            .withName(SOCKETS)
            .withDescription(
                "Bayeux clients connected to this instance (websocket or long-polling)")
            .build(),
        clients::count,
        war);
  }

  /** An event went to {@code subscribers} clients; published at epoch millis (0: unknown). */
  void delivered(int subscribers, long publishedAt) {
    Counter count = deliveries;
    if (count == null || subscribers == 0) {
      return;
    }
    count.inc(subscribers);
    if (publishedAt > 0) {
      // clocks of different hosts may disagree by a little: never a negative lag
      lag.update(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - publishedAt)));
    }
  }
}
