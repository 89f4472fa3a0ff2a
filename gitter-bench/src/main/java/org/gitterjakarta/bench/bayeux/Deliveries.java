package org.gitterjakarta.bench.bayeux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where every subscriber's deliveries are counted and timed. The sender writes {@code bench <seq>
 * <System.nanoTime()>} as the message text (sender and receivers share this JVM, so nanoTime
 * compares); the latency lands in one HdrHistogram {@link Recorder} shared by all receiving
 * threads.
 *
 * <p>Frames are scanned for the text instead of parsed: thousands of sockets receive every message,
 * and full JSON parsing of each copy would make the load generator the bottleneck on 2 cores.
 */
public final class Deliveries {

  /** How the text appears in a compact JSON delivery (CometD's and Faye's alike). */
  static final String MARK = "\"text\":\"bench ";

  private final Recorder recorder = new Recorder(3);
  private final LongAdder received = new LongAdder();
  private final Recorder early = new Recorder(3);
  private volatile long earlyUntilNanos = Long.MIN_VALUE;

  /** How many of a run's first messages are also timed one by one (a fresh server's coldest). */
  public static final int FIRST_MESSAGES = 3;

  private final Recorder[] first = new Recorder[FIRST_MESSAGES];

  public Deliveries() {
    for (int i = 0; i < FIRST_MESSAGES; i++) {
      first[i] = new Recorder(3);
    }
  }

  void scan(String frame) {
    int at = frame.indexOf(MARK);
    if (at < 0) {
      return;
    }
    long now = System.nanoTime();
    while (at >= 0) {
      int start = at + MARK.length();
      int space = frame.indexOf(' ', start);
      int end = frame.indexOf('"', space);
      if (space > 0 && end > space) {
        long sent = Long.parseLong(frame, space + 1, end, 10);
        long micros = Math.max(0, (now - sent) / 1000);
        recorder.recordValue(micros);
        long seq = Long.parseLong(frame, start, space, 10);
        if (seq >= 0 && seq < FIRST_MESSAGES) {
          first[(int) seq].recordValue(micros);
        }
        if (sent < earlyUntilNanos) {
          early.recordValue(micros);
        }
        received.increment();
      }
      at = frame.indexOf(MARK, start);
    }
  }

  public static String text(long seq, long sentNanos) {
    return "bench " + seq + " " + sentNanos;
  }

  public long received() {
    return received.sum();
  }

  /** Starts a measured interval: forgets what was received before (e.g. during the warm-up). */
  public void reset() {
    recorder.getIntervalHistogram();
    for (Recorder message : first) {
      message.getIntervalHistogram();
    }
    received.reset();
  }

  /**
   * Latencies (µs) of each of the first {@link #FIRST_MESSAGES} messages (sequence numbers 0, 1,
   * ...) since the last reset, which this call also is: a second call returns them empty. With a
   * hundred messages each one carries 1 % of the deliveries, so a run's p99 lies at the edge of its
   * coldest message's, and these show which messages those are.
   */
  public List<Histogram> firstMessages() {
    List<Histogram> each = new ArrayList<>();
    for (Recorder message : first) {
      each.add(message.getIntervalHistogram());
    }
    return each;
  }

  /**
   * Also keeps apart the latencies of messages sent before {@code nanos} (System.nanoTime()): the
   * first seconds of a freshly started server.
   */
  public void earlyUntil(long nanos) {
    early.getIntervalHistogram();
    earlyUntilNanos = nanos;
  }

  /** Latencies (µs) of the messages sent before {@link #earlyUntil}'s time, since it was set. */
  public Histogram earlyLatencies() {
    return early.getIntervalHistogram();
  }

  /** Latencies (µs) since the last reset. */
  public Histogram latencies() {
    return recorder.getIntervalHistogram();
  }
}
