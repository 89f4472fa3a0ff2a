package org.gitterjakarta.unread.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomLanesTest {

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
  private final List<String> threads = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstStarted = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  @Test
  void aLoneJobRunsAtOnceInItsCallersThreadAndLeavesNoLane() {
    var lanes = new RoomLanes<String>(8, this::record);

    lanes.run("room", "m1");

    assertThat(batches).containsExactly(List.of("m1"));
    assertThat(threads).containsExactly(Thread.currentThread().getName());
    assertThat(lanes.size()).as("an idle room keeps nothing").isZero();
  }

  @Test
  void jobsArrivingWhileABatchRunsRunTogetherInArrivalOrderAndEachCallerWaitsForItsOwn()
      throws Exception {
    var lanes = new RoomLanes<String>(8, this::holdFirstThenRecord);
    Future<?> first = callers.submit(() -> lanes.run("room", "m0"));
    List<Future<?>> waiting = queueBehindTheFirst(lanes, "m1", "m2", "m3", "m4", "m5");
    callers.submit(() -> lanes.run("other", "x")).get(10, TimeUnit.SECONDS);

    assertThat(waiting).as("each caller waits for its own job").noneMatch(Future::isDone);
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : waiting) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThat(batches)
        .as("another room never waits for this one")
        .containsExactly(List.of("x"), List.of("m0"), List.of("m1", "m2", "m3", "m4", "m5"));
    assertThat(lanes.size()).isZero();
  }

  @Test
  void aBatchHoldsAtMostTheLimitAndTheRestFollowInOrder() throws Exception {
    var lanes = new RoomLanes<String>(2, this::holdFirstThenRecord);
    Future<?> first = callers.submit(() -> lanes.run("room", "m0"));
    List<Future<?>> waiting = queueBehindTheFirst(lanes, "m1", "m2", "m3", "m4", "m5");

    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : waiting) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThat(batches)
        .containsExactly(List.of("m0"), List.of("m1", "m2"), List.of("m3", "m4"), List.of("m5"));
  }

  @Test
  void aFailedBatchFailsEveryCallerInItAndTheLaneGoesOn() throws Exception {
    var lanes =
        new RoomLanes<String>(
            8,
            batch -> {
              if (batch.contains("doomed")) {
                throw new IllegalStateException("Redis said no to " + batch.size());
              }
              holdFirstThenRecord(batch);
            });
    Future<?> first = callers.submit(() -> lanes.run("room", "m0"));
    List<Future<?>> failing = queueBehindTheFirst(lanes, "doomed", "doomed", "doomed");

    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : failing) {
      assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasRootCauseMessage("Redis said no to 3");
    }
    lanes.run("room", "after");
    assertThat(batches).containsExactly(List.of("m0"), List.of("after"));
  }

  @Test
  void anErrorReachesItsCallerAndLeavesTheLaneFree() {
    var lanes =
        new RoomLanes<String>(
            8,
            batch -> {
              if (batch.contains("broken")) {
                throw new StackOverflowError("deep");
              }
              record(batch);
            });

    assertThatThrownBy(() -> lanes.run("room", "broken")).isInstanceOf(StackOverflowError.class);
    lanes.run("room", "after");

    assertThat(batches).containsExactly(List.of("after"));
    assertThat(lanes.size()).isZero();
  }

  /** The batch with m0 blocks until released, so the callers after it queue up. */
  private void holdFirstThenRecord(List<String> batch) {
    if (batch.contains("m0")) {
      firstStarted.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    record(batch);
  }

  private void record(List<String> batch) {
    batches.add(List.copyOf(batch));
    threads.add(Thread.currentThread().getName());
  }

  /** Callers of these jobs, each queued in turn while the batch with m0 is held. */
  private List<Future<?>> queueBehindTheFirst(RoomLanes<String> lanes, String... jobs)
      throws InterruptedException {
    assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
    List<Future<?>> waiting = new ArrayList<>();
    for (String job : jobs) {
      waiting.add(callers.submit(() -> lanes.run("room", job)));
      awaitWaiting(lanes, waiting.size());
    }
    return waiting;
  }

  /** Until the room's lane holds that many waiting callers (while its first batch runs). */
  private static void awaitWaiting(RoomLanes<String> lanes, int callers)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lanes.waitingIn("room") < callers && System.nanoTime() < until) {
      Thread.sleep(1);
    }
    assertThat(lanes.waitingIn("room")).isEqualTo(callers);
  }
}
