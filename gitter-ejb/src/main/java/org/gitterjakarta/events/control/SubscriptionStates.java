package org.gitterjakarta.events.control;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Whether the live subscriptions of every application in this JVM stand. Each WAR carries its own
 * copy of this module, and with it its own subscription, while the instance answers readiness once:
 * the platform MBean server is what the WARs share, so each subscription is registered there
 * ({@code org.gitterjakarta:type=LiveSubscription}) and the one readiness check reads them all.
 * Operators see the same beans in any JMX console.
 */
public final class SubscriptionStates {

  private static final System.Logger LOGGER = System.getLogger(SubscriptionStates.class.getName());
  static final String DOMAIN = "org.gitterjakarta";
  static final String TYPE = "LiveSubscription";

  /** What JMX shows of one subscription. */
  public interface LiveSubscriptionMXBean {
    boolean isReceiving();
  }

  private SubscriptionStates() {}

  /** Publishes one subscription's state; returns its name, for {@link #remove}. */
  public static ObjectName add(BooleanSupplier receiving) {
    try {
      ObjectName name = new ObjectName(DOMAIN + ":type=" + TYPE + ",id=" + UUID.randomUUID());
      LiveSubscriptionMXBean state = receiving::getAsBoolean;
      server().registerMBean(new StandardMBean(state, LiveSubscriptionMXBean.class, true), name);
      return name;
    } catch (JMException e) {
      throw new IllegalStateException("Cannot publish the live subscription's state", e);
    }
  }

  public static void remove(ObjectName name) {
    try {
      server().unregisterMBean(name);
    } catch (JMException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "Live subscription state already gone: " + name, e);
    }
  }

  /** Whether every subscription of this JVM receives (true when there is none). */
  public static boolean allReceiving() {
    MBeanServer server = server();
    for (ObjectName name : names(server)) {
      try {
        if (!Boolean.TRUE.equals(server.getAttribute(name, "Receiving"))) {
          return false;
        }
      } catch (JMException gone) {
        // unregistered between the query and the read: its application is stopping
      }
    }
    return true;
  }

  private static Set<ObjectName> names(MBeanServer server) {
    try {
      return server.queryNames(new ObjectName(DOMAIN + ":type=" + TYPE + ",*"), null);
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MBeanServer server() {
    return ManagementFactory.getPlatformMBeanServer();
  }
}
