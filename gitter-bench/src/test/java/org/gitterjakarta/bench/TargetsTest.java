package org.gitterjakarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.gitterjakarta.bench.report.Verdict;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @Test
  void fanoutAtOneHundredIsMetWhenNoSlowerThanFaye() {
    Verdict equal = Targets.fanoutP99(100, 1, 18.0, 18.0);
    Verdict slower = Targets.fanoutP99(100, 1, 42.0, 18.0);

    assertThat(equal.target()).isEqualTo("fan-out p99 at S=100 ≤ Faye's");
    assertThat(equal.result()).isEqualTo("met");
    assertThat(slower.measured()).isEqualTo("42.0 ms vs 18.0 ms (ratio 2.33)");
    assertThat(slower.result()).isEqualTo("missed");
  }

  @Test
  void fanoutAtOneThousandNeedsAThirdOfFaye() {
    assertThat(Targets.fanoutP99(1000, 1.0 / 3, 30.0, 90.0).result()).isEqualTo("met");
    assertThat(Targets.fanoutP99(1000, 1.0 / 3, 61.0, 88.0).result()).isEqualTo("missed");
    assertThat(Targets.fanoutP99(1000, 1.0 / 3, 61.0, 88.0).target())
        .isEqualTo("fan-out p99 at S=1,000 ≤ 1/3 of Faye's");
  }

  @Test
  void aSizeNotRunIsNotJudged() {
    assertThat(Targets.fanoutP99(1000, 1.0 / 3, Double.NaN, 88.0).result())
        .isEqualTo("not measured");
    assertThat(Targets.nothingLost(5000, -1, 0, 0, 0).result()).isEqualTo("not measured");
    assertThat(Targets.sendsAt64(Double.NaN).result()).isEqualTo("not measured");
    assertThat(Targets.sendsNotFalling(950, Double.NaN).result()).isEqualTo("not measured");
  }

  @Test
  void oneLostDeliveryMissesTheTarget() {
    assertThat(Targets.nothingLost(5000, 0, 750_000, 0, 0).result()).isEqualTo("met");
    assertThat(Targets.nothingLost(5000, 0, 600_000, 1000, 0).result())
        .as("sockets that never subscribed")
        .isEqualTo("missed");
    assertThat(Targets.nothingLost(5000, 0, 745_000, 0, 1).result()).isEqualTo("missed");
    Verdict lost = Targets.nothingLost(5000, 1, 750_000, 0, 0);
    assertThat(lost.measured()).isEqualTo("1 lost of 750,000");
    assertThat(lost.result()).isEqualTo("missed");
  }

  @Test
  void sendThroughputMustReachTwoThousandAndNotFallWithMoreSenders() {
    assertThat(Targets.sendsAt64(2000).result()).isEqualTo("met");
    assertThat(Targets.sendsAt64(655).result()).isEqualTo("missed");
    assertThat(Targets.sendsNotFalling(950, 655).result()).isEqualTo("missed");
    assertThat(Targets.sendsNotFalling(950, 655).measured()).isEqualTo("950 → 655 msgs/s (×0.69)");
    assertThat(Targets.sendsNotFalling(2000, 2100).result()).isEqualTo("met");
  }

  @Test
  void historyIsJudgedPerQueryKindOnlyOnTheFullSizeRoom() {
    assertThat(Targets.historyPages("latest page", 5100, 100_000).result()).isEqualTo("met");
    assertThat(Targets.historyPages("beforeId pages", 727, 100_000).result()).isEqualTo("missed");
    assertThat(Targets.historyPages("latest page", 9000, 200).result()).isEqualTo("not measured");
    assertThat(Targets.historyPages("beforeId pages", 727, 100_000).target())
        .isEqualTo("≥ 5,000 history pages/s (beforeId pages)");
  }

  @Test
  void socketsJudgedAtTheirCounts() {
    assertThat(Targets.kibPerSocket(19.9, 10_000).result()).isEqualTo("met");
    assertThat(Targets.kibPerSocket(19.9, 7_000).result())
        .as("too few held to judge")
        .isEqualTo("not measured");
    assertThat(Targets.kibPerSocket(29.2, 10_000).result()).isEqualTo("missed");
    assertThat(Targets.kibPerSocket(Double.NaN, 0).result()).isEqualTo("not measured");
    assertThat(Targets.socketsHeld(20_000, 20_000, "").result()).isEqualTo("met");
    Verdict short_ = Targets.socketsHeld(20_000, 19_300, " (open files)");
    assertThat(short_.measured()).isEqualTo("19,300 held of 20,000 (open files)");
    assertThat(short_.result()).isEqualTo("missed");
    assertThat(Targets.socketsHeld(10_000, 10_000, "").result()).isEqualTo("not measured");
  }

  @Test
  void aFreshInstanceMayBeAtMostTwiceAsSlowAsAWarmOneAtOneThousand() {
    assertThat(Targets.freshFanout("instance restarted", 1000, 120, 61, 0).result())
        .isEqualTo("met");
    Verdict slow = Targets.freshFanout("instance restarted", 1000, 531, 91, 0);
    assertThat(slow.measured()).isEqualTo("531.0 ms fresh vs 91.0 ms warm at S=1,000 (×5.84)");
    assertThat(slow.result()).isEqualTo("missed");
    assertThat(slow.target()).startsWith("fresh instance (instance restarted):");
    assertThat(Targets.freshFanout("instance restarted", 20, 500, 10, 0).result())
        .isEqualTo("not measured");
  }

  @Test
  void aRestartLeftOutIsNotMeasuredAndSaysWhy() {
    Verdict left = Targets.freshNotRestarted("instance and its stores restarted");
    assertThat(left.target()).startsWith("fresh instance (instance and its stores restarted):");
    assertThat(left.measured()).isEqualTo("not in --fresh-restarts");
    assertThat(left.result()).isEqualTo("not measured");
  }

  @Test
  void anInstanceWarmedByTrafficIsNoLongerFreshAndIsNotJudged() {
    Verdict warmed = Targets.freshFanout("instance restarted", 1000, 120, 61, 10);
    assertThat(warmed.measured()).endsWith("after 10 s of warm-up traffic");
    assertThat(warmed.result()).isEqualTo("not measured");
  }

  @Test
  void coldStartWithinThirtySeconds() {
    assertThat(Targets.coldStart("restart", 18.7).result()).isEqualTo("met");
    assertThat(Targets.coldStart("restart", 31).result()).isEqualTo("missed");
  }

  @Test
  void throughputsAreGivenAsAFractionOfTheStaticCeiling() {
    assertThat(Targets.ofCeiling(990, 4950)).isEqualTo(0.2);
    assertThat(Targets.ofCeiling(990, Double.NaN)).isNaN();
  }
}
