package org.gitterjakarta.bench;

import org.gitterjakarta.bench.report.Verdict;

/**
 * Issue 18's targets as pure judgements of measured numbers: each returns the report's verdict,
 * with {@code met} null when the run was too small (e.g. {@code --quick}) to judge it.
 */
final class Targets {

  static final double SENDS_PER_SECOND = 2000;
  static final double HISTORY_PAGES_PER_SECOND = 5000;
  static final int HISTORY_ROOM = 100_000;
  static final double KIB_PER_SOCKET = 20;
  static final int MEMORY_SOCKETS = 10_000;
  static final int HELD_SOCKETS = 20_000;
  static final double COLD_START_SECONDS = 30;
  static final double FRESH_FACTOR = 2;

  private Targets() {}

  static Verdict coldStart(String which, double seconds) {
    return new Verdict(
        "cold start ≤ 30 s (" + which + ")",
        String.format("%.1f s", seconds),
        Double.isNaN(seconds) ? null : seconds <= COLD_START_SECONDS);
  }

  /** Ours at most {@code fraction} of Faye's p99 at S; NaN when S was not run. */
  static Verdict fanoutP99(int s, double fraction, double oursMillis, double fayeMillis) {
    String target =
        String.format(
            "fan-out p99 at S=%,d ≤ %sFaye's",
            s, fraction == 1 ? "" : "1/" + Math.round(1 / fraction) + " of ");
    if (Double.isNaN(oursMillis) || Double.isNaN(fayeMillis)) {
      return new Verdict(target, "S=" + s + " not run", null);
    }
    double ratio = oursMillis / fayeMillis;
    return new Verdict(
        target,
        String.format("%.1f ms vs %.1f ms (ratio %.2f)", oursMillis, fayeMillis, ratio),
        ratio <= fraction);
  }

  /**
   * Nothing lost at S; {@code lost} negative when S was not run. Sockets that never subscribed and
   * sends that failed are losses too: the deliveries expected count only what was sent to sockets
   * that were there.
   */
  static Verdict nothingLost(int s, long lost, long expected, long socketsFailed, long sendFailed) {
    String target = String.format("nothing lost at S=%,d", s);
    if (lost < 0) {
      return new Verdict(target, "S=" + s + " not run", null);
    }
    String measured =
        String.format("%,d lost of %,d", lost, expected)
            + (socketsFailed > 0
                ? String.format(", %,d sockets not subscribed", socketsFailed)
                : "")
            + (sendFailed > 0 ? String.format(", %,d sends failed", sendFailed) : "");
    return new Verdict(target, measured, lost == 0 && socketsFailed == 0 && sendFailed == 0);
  }

  /** NaN when C was not run. */
  static Verdict sendsAt64(double perSecond) {
    String target = "≥ 2,000 persisted msgs/s at C=64";
    return Double.isNaN(perSecond)
        ? new Verdict(target, "C=64 not run", null)
        : new Verdict(
            target, String.format("%.0f msgs/s", perSecond), perSecond >= SENDS_PER_SECOND);
  }

  /** Throughput at C=64 not below C=16's; NaN when either was not run. */
  static Verdict sendsNotFalling(double at16, double at64) {
    String target = "send throughput not falling from C=16 to C=64";
    if (Double.isNaN(at16) || Double.isNaN(at64)) {
      return new Verdict(target, "C=16 or C=64 not run", null);
    }
    return new Verdict(
        target, String.format("%.0f → %.0f msgs/s (×%.2f)", at16, at64, at64 / at16), at64 >= at16);
  }

  static Verdict historyPages(String kind, double perSecond, int roomMessages) {
    return new Verdict(
        "≥ 5,000 history pages/s (" + kind + ")",
        String.format("%.0f req/s on %,d messages", perSecond, roomMessages),
        roomMessages < HISTORY_ROOM || Double.isNaN(perSecond)
            ? null
            : perSecond >= HISTORY_PAGES_PER_SECOND);
  }

  /**
   * The memory per idle socket at the 10,000 step; NaN when that step was not run. Judged only when
   * (nearly) all of them were held: fewer sockets would flatter the figure.
   */
  static Verdict kibPerSocket(double kib, int held) {
    String target = "≤ 20 KiB per idle websocket at 10,000";
    if (Double.isNaN(kib)) {
      return new Verdict(target, "10,000 not run, or the server's memory not readable", null);
    }
    String measured = String.format("%.1f KiB (%,d held)", kib, held);
    return new Verdict(
        target, measured, held >= MEMORY_SOCKETS * 99 / 100 ? kib <= KIB_PER_SOCKET : null);
  }

  /** {@code tried} is the largest count tried; held those subscribed and still open. */
  static Verdict socketsHeld(int tried, int held, String why) {
    String target = "20,000 sockets held by one instance";
    String measured = String.format("%,d held of %,d", held, tried) + (why.isEmpty() ? "" : why);
    return tried < HELD_SOCKETS
        ? new Verdict(target, measured, null)
        : new Verdict(target, measured, held >= HELD_SOCKETS);
  }

  /**
   * Fresh p99 within twice the warm p99 at the same S; judged only at S = 1,000 and without warm-up
   * traffic: with it (an experiment) the instance is no longer fresh.
   */
  static Verdict freshFanout(
      String restart, int s, double freshMillis, double warmMillis, int warmUpSeconds) {
    String target = freshTarget(restart);
    if (Double.isNaN(freshMillis) || Double.isNaN(warmMillis)) {
      return new Verdict(target, "fresh or warm S=" + s + " not run", null);
    }
    double ratio = freshMillis / warmMillis;
    String measured =
        String.format(
            "%.1f ms fresh vs %.1f ms warm at S=%,d (×%.2f)", freshMillis, warmMillis, s, ratio);
    if (warmUpSeconds > 0) {
      return new Verdict(
          target, measured + " after " + warmUpSeconds + " s of warm-up traffic", null);
    }
    return new Verdict(target, measured, s == 1000 ? ratio <= FRESH_FACTOR : null);
  }

  /** A restart the run was told to leave out ({@code --fresh-restarts}). */
  static Verdict freshNotRestarted(String restart) {
    return new Verdict(freshTarget(restart), "not in --fresh-restarts", null);
  }

  private static String freshTarget(String restart) {
    return "fresh instance (" + restart + "): fan-out p99 at S=1,000 in its first minute ≤ 2× warm";
  }

  /** A throughput as a fraction of the static-file ceiling measured in the same run. */
  static double ofCeiling(double perSecond, double ceiling) {
    return ceiling > 0 ? perSecond / ceiling : Double.NaN;
  }
}
