package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TroubleTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** What was logged, each line as its level and formatted text. */
  static final class Lines implements System.Logger {
    final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg + (thrown == null ? "" : " [" + thrown.getMessage() + "]"));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      boolean plain = params == null || params.length == 0;
      lines.add(level + " " + (plain ? format : MessageFormat.format(format, params)));
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(level + " " + msgSupplier.get());
    }
  }

  @Test
  void aRunOfTroublesIsLoggedWhenItStartsAndWhenItIsOverNotEachTime() {
    var log = new Lines();
    var trouble = new Trouble(log, "Checks failing", 0, System::nanoTime);

    trouble.over();
    trouble.happened("connection refused");
    trouble.happened("connection refused");
    trouble.happened("too many open files", new IllegalStateException("no file"));
    assertThat(trouble.occurrences()).isEqualTo(3);
    trouble.over();
    trouble.over();
    trouble.happened("the store's {0} isn't there", new IllegalStateException("gone"));

    assertThat(log.lines)
        .containsExactly(
            "WARNING Checks failing: connection refused",
            "INFO Checks failing: over, after 3 times",
            "WARNING Checks failing: the store's {0} isn't there [gone]");
  }

  @Test
  void itIsOverOnlyAQuietTimeAfterTheLastTimeAndTheWorkPausesUntilThen() {
    var log = new Lines();
    var now = new AtomicLong(1_000 * SECOND);
    var trouble = new Trouble(log, "Refusing", 10 * SECOND, now::get);

    assertThat(trouble.paused()).as("nothing went wrong yet").isFalse();
    trouble.happened("full");
    assertThat(trouble.paused()).isTrue();
    now.addAndGet(9 * SECOND);
    trouble.over();
    assertThat(trouble.paused()).as("a success within the quiet time ends nothing").isTrue();
    trouble.happened("full again");
    now.addAndGet(9 * SECOND);
    assertThat(trouble.paused()).as("the quiet time counts from the last time").isTrue();
    now.addAndGet(SECOND);
    assertThat(trouble.paused()).isFalse();
    trouble.over();

    assertThat(log.lines)
        .containsExactly("WARNING Refusing: full", "INFO Refusing: over, after 2 times");
    assertThat(trouble.occurrences()).isZero();
  }
}
