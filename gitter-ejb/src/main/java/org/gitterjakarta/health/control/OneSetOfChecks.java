package org.gitterjakarta.health.control;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The instance-wide claim to serve the health checks, held in the platform MBean server (what the
 * WARs of one JVM share) as {@code org.gitterjakarta:type=HealthChecks}: registering a name there
 * succeeds once, so exactly one application holds it until it stops.
 */
final class OneSetOfChecks {

  private static final System.Logger LOGGER = System.getLogger(OneSetOfChecks.class.getName());
  static final String NAME = "org.gitterjakarta:type=HealthChecks";

  /** What JMX shows of the claim: who holds it. */
  public interface HealthChecksMXBean {
    String getServedBy();
  }

  private OneSetOfChecks() {}

  /** Takes the claim for {@code holder}; false when another application of this JVM has it. */
  static boolean claim(String holder) {
    try {
      HealthChecksMXBean claim = () -> holder;
      server().registerMBean(new StandardMBean(claim, HealthChecksMXBean.class, true), name());
      return true;
    } catch (javax.management.InstanceAlreadyExistsException taken) {
      return false;
    } catch (JMException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Cannot claim the health checks; serving them", e);
      return true;
    }
  }

  static void release() {
    try {
      server().unregisterMBean(name());
    } catch (JMException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "The health checks' claim was already gone", e);
    }
  }

  private static ObjectName name() throws JMException {
    return new ObjectName(NAME);
  }

  private static javax.management.MBeanServer server() {
    return ManagementFactory.getPlatformMBeanServer();
  }
}
