package org.gitterjakarta.bench.throughput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.bench.setup.Account;
import org.gitterjakarta.bench.setup.GitterApi;

/**
 * Send throughput: C members of one room post {@code POST /api/v1/rooms/:id/chatMessages} as fast
 * as answers come; an answer means the message is stored (acknowledged write) and published.
 */
public final class ThroughputBench {

  private ThroughputBench() {}

  public static Map<Integer, ClosedLoop.Result> run(
      GitterApi api,
      List<Account> accounts,
      List<Integer> clients,
      int seconds,
      List<ProcessProbe> probes) {
    Map<Integer, ClosedLoop.Result> results = new LinkedHashMap<>();
    for (int c : clients) {
      List<Account> senders = accounts.subList(1, c + 1);
      String room = api.createRoom(accounts.get(0).token());
      api.joinAll(room, senders);
      AtomicLongArray sent = new AtomicLongArray(c);
      var result =
          ClosedLoop.run(
              api,
              c,
              3,
              seconds,
              i ->
                  api.sendRequest(
                      room,
                      senders.get(i).token(),
                      "throughput " + i + " " + sent.incrementAndGet(i)),
              probes);
      System.out.printf(
          "[bench] throughput C=%d: %.0f msgs/s, p99 %.1f ms, %d failed%n",
          c, result.perSecond(), result.millis(99), result.failed());
      results.put(c, result);
    }
    return results;
  }
}
