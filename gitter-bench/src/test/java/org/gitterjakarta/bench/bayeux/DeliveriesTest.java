package org.gitterjakarta.bench.bayeux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveriesTest {

  Deliveries cut = new Deliveries();

  static String frame(long seq, long sentNanos) {
    return "[{\"data\":{\"model\":{\"text\":\"" + Deliveries.text(seq, sentNanos) + "\"}}}]";
  }

  @Test
  void keepsTheMessagesSentBeforeTheEarlyTimeApart() {
    long now = System.nanoTime();
    cut.reset();
    cut.earlyUntil(now);

    cut.scan(frame(1, now - 1_000_000));
    cut.scan(frame(2, now + 1));

    assertThat(cut.received()).isEqualTo(2);
    assertThat(cut.earlyLatencies().getTotalCount()).isEqualTo(1);
    assertThat(cut.latencies().getTotalCount()).isEqualTo(2);
  }

  @Test
  void keepsNothingApartUnlessAsked() {
    cut.scan(frame(1, System.nanoTime()));

    assertThat(cut.earlyLatencies().getTotalCount()).isZero();
    assertThat(cut.received()).isEqualTo(1);
  }
}
