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
  void timesEachOfTheFirstMessagesAlone() {
    long now = System.nanoTime();
    cut.scan(frame(0, now - 300_000_000));
    cut.scan(frame(0, now - 300_000_000));
    cut.scan(frame(2, now - 5_000_000));
    cut.scan(frame(3, now - 1_000_000)); // past the first three
    cut.scan(frame(10, now - 1_000_000)); // starts with a 1 but is the eleventh
    cut.scan(frame(1_000_000_000_000L, now - 1_000_000)); // far past any index

    var first = cut.firstMessages();

    assertThat(first).hasSize(Deliveries.FIRST_MESSAGES);
    assertThat(first.get(0).getTotalCount()).isEqualTo(2);
    assertThat(first.get(0).getMinValue()).isGreaterThanOrEqualTo(300_000);
    assertThat(first.get(1).getTotalCount()).isZero();
    assertThat(first.get(2).getTotalCount()).isEqualTo(1);
    assertThat(first.get(2).getMaxValue()).isLessThan(300_000);
    assertThat(cut.received()).isEqualTo(6);
  }

  @Test
  void forgetsTheFirstMessagesOnReset() {
    cut.scan(frame(0, System.nanoTime()));
    cut.reset();

    assertThat(cut.firstMessages().get(0).getTotalCount()).isZero();
  }

  @Test
  void keepsNothingApartUnlessAsked() {
    cut.scan(frame(1, System.nanoTime()));

    assertThat(cut.earlyLatencies().getTotalCount()).isZero();
    assertThat(cut.received()).isEqualTo(1);
  }
}
