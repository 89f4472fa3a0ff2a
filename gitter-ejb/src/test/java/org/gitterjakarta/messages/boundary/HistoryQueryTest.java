package org.gitterjakarta.messages.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gitterjakarta.problems.Problem;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

  static HistoryQuery query(Integer limit, Integer skip) {
    return new HistoryQuery(limit, skip, null, null, null, false);
  }

  @Test
  void pagesFiftyByDefaultAndAHundredAtMost() {
    assertThat(query(null, null).pageSize()).isEqualTo(50);
    assertThat(query(20, null).pageSize()).isEqualTo(20);
    assertThat(query(500, null).pageSize()).isEqualTo(100);
  }

  @Test
  void refusesNonPositiveLimitsAndSkipsBeyondGittersLimit() {
    assertThatThrownBy(() -> query(0, null).pageSize()).isInstanceOf(Problem.class);
    assertThat(query(null, 5000).skipped()).isEqualTo(5000);
    assertThatThrownBy(() -> query(null, 5001).skipped()).hasMessageContaining("5000");
    assertThatThrownBy(() -> query(null, -1).skipped()).isInstanceOf(Problem.class);
  }
}
