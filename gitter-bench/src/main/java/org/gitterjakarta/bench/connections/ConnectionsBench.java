package org.gitterjakarta.bench.connections;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.bench.bayeux.Fleet;
import org.gitterjakarta.bench.probe.JavaMemoryProbe;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.bench.report.Machine;
import org.gitterjakarta.bench.setup.Account;
import org.gitterjakarta.bench.setup.GitterApi;
import org.gitterjakarta.bench.setup.GitterProcesses;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/**
 * Idle connections: Bayeux websocket clients (handshaken with a member's token, subscribed to a
 * room's messages) added up to each count and held; the server's RSS delta over its RSS before the
 * first one, each reading taken after a full GC ({@code jcmd GC.run}) so heap garbage does not
 * count.
 */
public final class ConnectionsBench {

  public record Step(
      int target,
      int opened,
      int failed,
      int held,
      double openSeconds,
      double rssMiB,
      double deltaMiB,
      double javaMiB,
      double javaDeltaMiB,
      long serverFiles,
      long benchFiles,
      String firstFailure) {

    /** The growth of the server's live Java memory (heap after GC, buffers), per socket held. */
    public double kibPerConnection() {
      return held == 0 || Double.isNaN(javaMiB) ? Double.NaN : javaDeltaMiB * 1024 / held;
    }

    /** The growth of the server's resident set per socket held; moves with the heap's sizing. */
    public double rssKibPerConnection() {
      // rssMiB is negative when the server's RSS could not be read (e.g. no file descriptor left)
      return held == 0 || rssMiB < 0 ? Double.NaN : deltaMiB * 1024 / held;
    }
  }

  /**
   * What bounds the count: each side's limit on open files (the server inherits the bench's), the
   * files the server had open before the first client, and the client's ephemeral port range (one
   * client address to one server port: one port per socket).
   */
  public record Limits(
      long serverFilesLimit,
      long serverFilesBefore,
      long serverFilesReserve,
      long benchFilesLimit,
      long benchFilesBefore,
      String ephemeralPorts) {

    /**
     * Sockets the server takes before it refuses more: it keeps a reserve of its open-files limit
     * for its stores' connections.
     */
    public long serverRoom() {
      return serverFilesLimit < 0 ? -1 : serverFilesLimit - serverFilesReserve - serverFilesBefore;
    }

    /** Sockets the bench can open before it runs out of file descriptors. */
    public long benchRoom() {
      return benchFilesLimit < 0 ? -1 : benchFilesLimit - benchFilesBefore;
    }
  }

  public record Result(List<Step> steps, Limits limits) {}

  static final int HOLD_SECONDS = 10;
  private static final ProcessProbe BENCH = ProcessProbe.self("bench");

  private ConnectionsBench() {}

  public static Result run(
      GitterRun gitter, GitterApi api, List<Account> accounts, List<Integer> counts) {
    ProcessProbe server = GitterProcesses.server(gitter);
    String room = api.createRoom(accounts.get(0).token());
    List<Account> members = accounts.subList(1, accounts.size());
    api.joinAll(room, members);
    List<String> tokens = members.stream().map(Account::token).toList();
    URI endpoint = gitter.bayeux();
    double baselineJava = javaMiB(server);
    double baseline = settledRssMiB(server);
    var limits =
        new Limits(
            server.openFilesLimit(),
            server.openFiles(),
            serverFilesReserve(),
            BENCH.openFilesLimit(),
            BENCH.openFiles(),
            Machine.ephemeralPorts());
    System.out.printf(
        "[bench] connections: open files limit server %d (%d open), bench %d (%d open); ephemeral"
            + " ports %s%n",
        limits.serverFilesLimit(),
        limits.serverFilesBefore(),
        limits.benchFilesLimit(),
        limits.benchFilesBefore(),
        limits.ephemeralPorts());
    List<Step> steps = new ArrayList<>();
    try (Fleet fleet = new Fleet(endpoint, "/api/v1/rooms/" + room + "/chatMessages")) {
      for (int target : counts.stream().sorted().toList()) {
        long start = System.nanoTime();
        fleet.open(target - fleet.opened() - fleet.failed(), tokens);
        double openSeconds = (System.nanoTime() - start) / 1e9;
        Pause.sleep(HOLD_SECONDS * 1000L);
        // counted right after the hold: the memory readings after it can take a minute or more
        int held = fleet.held();
        long serverFiles = server.openFiles();
        long benchFiles = BENCH.openFiles();
        double java = javaMiB(server);
        double rss = settledRssMiB(server);
        var step =
            new Step(
                target,
                fleet.opened(),
                fleet.failed(),
                held,
                openSeconds,
                rss,
                rss - baseline,
                java,
                java - baselineJava,
                serverFiles,
                benchFiles,
                fleet.firstFailure());
        System.out.printf(
            "[bench] connections %d: %d held, %d failed, %.1f KiB each, open files: server %d, bench"
                + " %d %s%n",
            target,
            step.held(),
            step.failed(),
            step.kibPerConnection(),
            step.serverFiles(),
            step.benchFiles(),
            step.firstFailure());
        steps.add(step);
      }
    }
    return new Result(steps, limits);
  }

  /**
   * The server's {@code gitter.ws.file-reserve}: as the bench's environment sets it, or its
   * default.
   */
  static long serverFilesReserve() {
    String set = System.getenv("GITTER_WS_FILE_RESERVE");
    return set == null || set.isBlank() ? 1000 : Long.parseLong(set.trim());
  }

  private static double javaMiB(ProcessProbe server) {
    return JavaMemoryProbe.settled(server.pid())
        .map(JavaMemoryProbe.JavaMemory::totalMiB)
        .orElse(Double.NaN);
  }

  /** How long {@code jcmd GC.run} may take before the RSS is read without it. */
  static final long GC_RUN_SECONDS = 60;

  private static double settledRssMiB(ProcessProbe server) {
    Process gc = null;
    try {
      gc =
          new ProcessBuilder("jcmd", "" + server.pid(), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      // seen hanging for 20 minutes after the server had been at its open-files limit
      if (!gc.waitFor(GC_RUN_SECONDS, TimeUnit.SECONDS)) {
        System.out.println(
            "[bench] jcmd GC.run did not answer in "
                + GC_RUN_SECONDS
                + " s, RSS read without a GC");
      }
    } catch (IOException e) {
      System.out.println("[bench] jcmd GC.run failed, RSS read without a GC: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (gc != null && gc.isAlive()) {
        gc.destroyForcibly(); // never left behind, whether it hung or the wait was interrupted
      }
    }
    Pause.sleep(2000);
    return server.rssKiB() / 1024.0;
  }
}
