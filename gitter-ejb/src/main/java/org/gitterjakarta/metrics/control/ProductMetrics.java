package org.gitterjakarta.metrics.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The domain's figures in the application registry; Prometheus sees counters with {@code _total}
 * and timers in seconds. Each WAR has its own registry, and Payara 6 does not tell them apart in
 * its output, so every figure carries the tag {@code war} (the application's name): an instance's
 * figure is the sum over its WARs. Outside an application server (the CLI) there is no registry and
 * nothing is counted.
 */
@ApplicationScoped
public class ProductMetrics {

  static final String MESSAGES_SENT = "gitter_messages_sent";
  static final String RATE_LIMITED = "gitter_rate_limited";
  static final String UNREAD_FANOUT = "gitter_unread_fanout";
  static final String UNREAD_BATCH = "gitter_unread_batch_messages";
  static final String REDIS_ERRORS = "gitter_redis_errors";
  static final String MONGO_ERRORS = "gitter_mongo_errors";
  static final String WAR_TAG = "war";

  /**
   * Redis connections are made by a pool factory, not by CDI: they reach this application's counter
   * here. Static per class loader, so per WAR, as the registry is.
   */
  private static volatile Counter redisErrorCount;

  @Inject Instance<MetricRegistry> registries;

  private Counter messagesSent;
  private Counter rateLimited;
  private Counter mongoErrors;
  private Timer unreadFanout;
  private Histogram unreadBatch;

  /**
   * Registers at deployment, in the application's context: created lazily, the bean could first be
   * needed on a thread of no application (a Redis subscriber's), where Payara finds no registry.
   */
  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // being notified creates the bean, which registers in @PostConstruct
  }

  @PostConstruct
  void register() {
    if (!registries.isResolvable()) {
      return;
    }
    MetricRegistry registry = registries.get();
    Tag war = new Tag(WAR_TAG, applicationName());
    messagesSent = registry.counter(describe(MESSAGES_SENT, "Chat messages stored by a send"), war);
    rateLimited =
        registry.counter(describe(RATE_LIMITED, "API requests refused by a rate limit (429)"), war);
    mongoErrors =
        registry.counter(
            describe(MONGO_ERRORS, "Failed MongoDB commands and failed server heartbeats"), war);
    redisErrorCount =
        registry.counter(
            describe(REDIS_ERRORS, "Redis calls that failed: unreachable, timed out, broken"), war);
    unreadFanout =
        registry.timer(
            Metadata.builder()
                .withName(UNREAD_FANOUT)
                .withDescription("Working out and storing (or queueing) one message's unread items")
                .withUnit(MetricUnits.SECONDS)
                .build(),
            war);
    unreadBatch =
        registry.histogram(
            describe(
                UNREAD_BATCH,
                "Messages of one room whose unread items were stored together by one script call"),
            war);
  }

  /** The WAR's application name ({@code gitter-api}, ...), as Jakarta EE names it. */
  private static String applicationName() {
    try {
      return (String) new InitialContext().lookup("java:app/AppName");
    } catch (NamingException e) {
      return "unknown";
    }
  }

  @PreDestroy
  void unregister() {
    redisErrorCount = null;
  }

  public void messageSent() {
    increment(messagesSent);
  }

  public void rateLimited() {
    increment(rateLimited);
  }

  public void mongoFailed() {
    increment(mongoErrors);
  }

  /** For code outside CDI: a Redis call failed. */
  public static void redisFailed() {
    increment(redisErrorCount);
  }

  public void unreadFanout(Duration took) {
    if (unreadFanout != null) {
      unreadFanout.update(took);
    }
  }

  public void unreadBatch(int messages) {
    if (unreadBatch != null) {
      unreadBatch.update(messages);
    }
  }

  private static void increment(Counter counter) {
    if (counter != null) {
      counter.inc();
    }
  }

  private static Metadata describe(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
