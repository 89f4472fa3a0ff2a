package org.gitterjakarta.bench.probe;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /** How long the reading may take: a server at its open-files limit was seen not to answer. */
  static final Duration WITHIN = Duration.ofSeconds(120);

  /**
   * Runs a full GC in the process, then reads its memory; empty when it cannot be attached or does
   * not answer in time (the attempt is then left to a daemon thread).
   */
  public static Optional<JavaMemory> settled(long pid) {
    // a thread of its own: a hung reading must not hold up the next in a shared pool
    var reading = CompletableFuture.supplyAsync(() -> read(pid), JavaMemoryProbe::daemon);
    try {
      return reading.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException slow) {
      System.out.println("[bench] the server's Java memory was not read within " + WITHIN);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      System.out.println("[bench] cannot read the server's Java memory: " + e.getCause());
      return Optional.empty();
    }
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "java-memory-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private static Optional<JavaMemory> read(long pid) {
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
