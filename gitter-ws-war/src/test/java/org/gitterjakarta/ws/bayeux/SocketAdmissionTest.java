package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SocketAdmissionTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final AtomicLong openFiles = new AtomicLong(900);
  private final AtomicInteger counts = new AtomicInteger();

  private SocketAdmission admission(int maxSockets, long fileLimit, long fileReserve) {
    return new SocketAdmission(
        maxSockets,
        fileLimit,
        fileReserve,
        () -> {
          counts.incrementAndGet();
          return openFiles.get();
        },
        now::get);
  }

  @Test
  void refusesAtTheConfiguredNumberOfSockets() {
    var admission = admission(3, 0, 0);

    assertThat(admission.refusal(2)).isEmpty();
    assertThat(admission.refusal(3)).hasValue("3 websockets open, the most this instance takes");
    assertThat(admission.refusal(4)).isPresent();
  }

  @Test
  void refusesOnceFewerThanTheReserveOfFilesAreLeft() {
    var admission = admission(0, 20_000, 1_000);

    openFiles.set(18_999);
    assertThat(admission.refusal(18_000)).isEmpty();
    now.addAndGet(SECOND);
    openFiles.set(19_000);
    assertThat(admission.refusal(18_001))
        .hasValue(
            "19000 files open of the process's limit of 20000, 1000 kept for the stores'"
                + " connections");
  }

  @Test
  void countsTheFilesAtMostOnceASecondAndTakesEachSocketSinceAsOneMore() {
    var admission = admission(0, 20_000, 1_000); // counted at once: 900 files, no socket
    assertThat(counts).hasValue(1);
    assertThat(admission.refusal(100)).isEmpty();
    assertThat(counts).as("within the second").hasValue(1);

    now.addAndGet(SECOND);
    openFiles.set(18_000);
    assertThat(admission.refusal(17_000)).isEmpty();
    // a burst: the files are not listed again, but the sockets opened since are counted
    assertThat(admission.refusal(17_999)).isEmpty();
    assertThat(admission.refusal(18_000)).isPresent();
    assertThat(counts).hasValue(2);

    now.addAndGet(SECOND);
    openFiles.set(18_500); // some sockets closed meanwhile
    assertThat(admission.refusal(17_500)).isEmpty();
    assertThat(counts).hasValue(3);
  }

  @Test
  void theFilesAloneDecideForWhatIsNotAWebsocket() {
    var admission = admission(3, 20_000, 1_000);

    assertThat(admission.fileRefusal(10)).as("more websockets than the cap").isEmpty();
    now.addAndGet(SECOND);
    openFiles.set(19_500);
    assertThat(admission.fileRefusal(0)).isPresent();
  }

  @Test
  void noFileCheckWithoutALimitOrAReserve() {
    openFiles.set(1_000_000);
    assertThat(admission(0, 0, 1_000).refusal(10)).isEmpty();
    assertThat(admission(0, 20_000, 0).refusal(10)).isEmpty();
    assertThat(counts).hasValue(0);
  }

  @Test
  void aCountThatFailsIsTakenAsNoFileLeftAndRetriedASecondLater() {
    var failing = new AtomicInteger();
    var admission =
        new SocketAdmission(
            0,
            20_000,
            1_000,
            () -> {
              if (failing.getAndIncrement() == 0) {
                throw new InternalError("Unable to open directory /proc/self/fd");
              }
              return 900;
            },
            now::get);

    assertThat(admission.fileRefusal(0)).hasValueSatisfying(r -> r.startsWith("20000 files open"));
    assertThat(admission.fileRefusal(0)).as("within the second").isPresent();
    now.addAndGet(SECOND);
    assertThat(admission.fileRefusal(0)).isEmpty();
  }

  @Test
  void tellsItsRulesAndWhetherTheReserveTakesHalfTheFiles() {
    assertThat(admission(2, 20_000, 1_000))
        .hasToString(
            "at most 2 websockets; new ones refused once 1000 of the process's 20000 open files"
                + " are left");
    assertThat(admission(0, 0, 1_000))
        .hasToString("no set number of websockets; no open-files check");
    assertThat(admission(0, 20_000, 1_000).reservesHalfTheFiles()).isFalse();
    assertThat(admission(0, 1_024, 1_000).reservesHalfTheFiles()).isTrue();
  }

  @Test
  void refusesNegativeSettings() {
    assertThatThrownBy(() -> admission(-1, 0, 0))
        .hasMessageContaining("gitter.ws.max-sockets must be 0 or more");
    assertThatThrownBy(() -> admission(0, 0, -1))
        .hasMessageContaining("gitter.ws.file-reserve must be 0 or more");
  }
}
