package org.gitterjakarta.bench.probe;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What a JVM's live objects take, read through its own management beans (the Attach API starts its
 * local JMX agent): the heap in use right after a full collection, plus its direct and mapped
 * buffers (network buffers live there). Unlike the resident set this does not move with the
 * collector's choice to hand heap back to the system, so deltas of it are per-object costs.
 */
public final class JavaMemoryProbe {

  /** Heap in use after a full GC, and direct + mapped buffers, in MiB. */
  public record JavaMemory(double heapMiB, double buffersMiB) {

    public double totalMiB() {
      return heapMiB + buffersMiB;
    }
  }

  private JavaMemoryProbe() {}

  /** Runs a full GC in the process, then reads its memory; empty when it cannot be attached. */
  public static Optional<JavaMemory> settled(long pid) {
    try {
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
      try (JMXConnector jmx =
          JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
        MBeanServerConnection beans = jmx.getMBeanServerConnection();
        MemoryMXBean memory =
            ManagementFactory.newPlatformMXBeanProxy(
                beans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        memory.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long buffers = 0;
        for (BufferPoolMXBean pool :
            ManagementFactory.getPlatformMXBeans(beans, BufferPoolMXBean.class)) {
          buffers += Math.max(0, pool.getMemoryUsed());
        }
        return Optional.of(new JavaMemory(heap / 1048576.0, buffers / 1048576.0));
      } finally {
        vm.detach();
      }
    } catch (Exception e) {
      System.out.println("[bench] cannot read the server's Java memory: " + e);
      return Optional.empty();
    }
  }
}
