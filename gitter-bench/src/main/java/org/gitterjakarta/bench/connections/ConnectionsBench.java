package org.gitterjakarta.bench.connections;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.gitterjakarta.bench.bayeux.Fleet;
import org.gitterjakarta.bench.probe.ProcessProbe;
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
      String firstFailure) {

    public double kibPerConnection() {
      return held == 0 ? Double.NaN : deltaMiB * 1024 / held;
    }
  }

  static final int HOLD_SECONDS = 10;

  private ConnectionsBench() {}

  public static List<Step> run(
      GitterRun gitter, GitterApi api, List<Account> accounts, List<Integer> counts) {
    ProcessProbe server = GitterProcesses.server(gitter);
    String room = api.createRoom(accounts.get(0).token());
    List<Account> members = accounts.subList(1, accounts.size());
    api.joinAll(room, members);
    List<String> tokens = members.stream().map(Account::token).toList();
    URI endpoint = gitter.bayeux();
    double baseline = settledRssMiB(server);
    List<Step> steps = new ArrayList<>();
    try (Fleet fleet = new Fleet(endpoint, "/api/v1/rooms/" + room + "/chatMessages")) {
      for (int target : counts.stream().sorted().toList()) {
        long start = System.nanoTime();
        fleet.open(target - fleet.opened() - fleet.failed(), tokens);
        double openSeconds = (System.nanoTime() - start) / 1e9;
        Pause.sleep(HOLD_SECONDS * 1000L);
        double rss = settledRssMiB(server);
        var step =
            new Step(
                target,
                fleet.opened(),
                fleet.failed(),
                fleet.held(),
                openSeconds,
                rss,
                rss - baseline,
                fleet.firstFailure());
        System.out.printf(
            "[bench] connections %d: %d held, %d failed, %.1f KiB each%n",
            target, step.held(), step.failed(), step.kibPerConnection());
        steps.add(step);
      }
    }
    return steps;
  }

  private static double settledRssMiB(ProcessProbe server) {
    try {
      new ProcessBuilder("jcmd", "" + server.pid(), "GC.run")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      System.out.println("[bench] jcmd GC.run failed, RSS read without a GC: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pause.sleep(2000);
    return server.rssKiB() / 1024.0;
  }
}
