package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ring on its own, one filler and one emptier thread: every buffer arrives once, in order, with
 * its length and contents; a full or empty ring makes its side wait, and {@code close} or an
 * interrupt ends every wait. A ring that wakes a parked side only for several buffers ({@code
 * wakeAt}) still wakes it for the end, for {@code awaitEmpty} and for {@code close}: a wake-up
 * missed there would show as a wait of {@link BufferRing#OWNER_CHECK_MILLIS}, the parked side's
 * timeout, so those tests allow half of it.
 */
@Timeout(10)
class BufferRingTest {
  @Test
  void count_mustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new BufferRing(3, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3");
    assertThat(new BufferRing(1, 16).isClosed()).isFalse();
  }

  @Test
  void wakeAt_mustBeFromOneToTheCount() {
    assertThatThrownBy(() -> new BufferRing(8, 16, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wakeAt must be from 1 to 8: 0");
    assertThatThrownBy(() -> new BufferRing(8, 16, null, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wakeAt must be from 1 to 8: 9");
    assertThat(new BufferRing(8, 16, null, 8).isClosed()).isFalse();
  }

  @ParameterizedTest(name = "{0} buffers, woken for {1}")
  @CsvSource({"4, 1", "8, 4", "8, 8"})
  void buffers_arriveInOrder_withTheirLengthsAndContents(int buffers, int wakeAt) throws Exception {
    BufferRing ring = new BufferRing(buffers, 64, null, wakeAt);
    int count = 200_000;
    Background filler =
        Background.start(
            "filler",
            () -> {
              for (int i = 0; i < count; i++) {
                byte[] b = ring.claim();
                int length = i % 65;
                for (int j = 0; j < length; j++) {
                  b[j] = (byte) (i + j);
                }
                ring.publish(length);
              }
              ring.claim();
              ring.publish(-1);
            });
    int i = 0;
    int n;
    while ((n = ring.next()) >= 0) {
      assertThat(n).as("length of buffer %d", i).isEqualTo(i % 65);
      byte[] b = ring.current();
      for (int j = 0; j < n; j++) {
        if (b[j] != (byte) (i + j)) {
          assertThat(b[j]).as("buffer %d, byte %d", i, j).isEqualTo((byte) (i + j));
        }
      }
      ring.release();
      i++;
    }
    assertThat(n).isEqualTo(-1);
    assertThat(i).isEqualTo(count);
    assertThat(filler.join()).isNull();
  }

  @Test
  void awaitEmpty_returnsOnceTheEmptierReleasedEverything() throws Exception {
    BufferRing ring = new BufferRing(2, 8);
    ring.claim();
    ring.publish(8);
    ring.claim();
    ring.publish(8);
    Background waiter = Background.start("waiter", ring::awaitEmpty);
    waiter.awaitParkedInRing();
    assertThat(ring.next()).isEqualTo(8);
    ring.release();
    assertThat(waiter.thread().isAlive()).isTrue();
    assertThat(ring.next()).isEqualTo(8);
    ring.release();
    assertThat(waiter.join()).isNull();
  }

  @Test
  void close_wakesAFillerWaitingForAFullRing() throws Exception {
    BufferRing ring = fullRing();
    Background filler = Background.start("filler", ring::claim);
    filler.awaitParkedInRing();

    ring.close();

    assertThat(filler.join())
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void close_wakesAnEmptierWaitingForAnEmptyRing() throws Exception {
    BufferRing ring = new BufferRing(2, 8);
    int[] got = new int[1];
    Background emptier = Background.start("emptier", () -> got[0] = ring.next());
    emptier.awaitParkedInRing();

    ring.close();

    assertThat(emptier.join()).isNull();
    assertThat(got[0]).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void interrupt_endsTheWaitOfEitherSide_andClosesTheRing() throws Exception {
    BufferRing full = fullRing();
    Background filler = Background.start("filler", full::claim);
    filler.awaitParkedInRing();
    filler.thread().interrupt();
    assertThat(filler.join()).isInstanceOf(InterruptedIOException.class);
    assertThat(filler.interruptedAtEnd()).as("interrupt status kept").isTrue();
    assertThat(full.isClosed()).isTrue();

    BufferRing empty = new BufferRing(2, 8);
    int[] got = new int[1];
    Background emptier = Background.start("emptier", () -> got[0] = empty.next());
    emptier.awaitParkedInRing();
    emptier.thread().interrupt();
    assertThat(emptier.join()).isNull();
    assertThat(got[0]).isEqualTo(Integer.MIN_VALUE);
    assertThat(emptier.interruptedAtEnd()).as("interrupt status kept").isTrue();
  }

  @Test
  void interrupt_endsAwaitEmpty_withInterruptedIoException() throws Exception {
    BufferRing ring = fullRing();
    Background waiter = Background.start("waiter", ring::awaitEmpty);
    waiter.awaitParkedInRing();
    waiter.thread().interrupt();
    assertThat(waiter.join()).isInstanceOf(InterruptedIOException.class);
    assertThat(waiter.interruptedAtEnd()).as("interrupt status kept").isTrue();
  }

  /**
   * An interrupt already pending does not fail an awaitEmpty that has nothing to wait for (it used
   * to throw InterruptedIOException all the same), and stays pending for the caller.
   */
  @Test
  void awaitEmpty_withNothingToWaitFor_ignoresAPendingInterrupt_andKeepsIt() throws Exception {
    BufferRing ring = new BufferRing(2, 8);
    Background waiter =
        Background.start(
            "waiter",
            () -> {
              Thread.currentThread().interrupt();
              ring.awaitEmpty(); // nothing published
              ring.claim();
              ring.publish(8);
              assertThat(ring.next()).isEqualTo(8);
              ring.release();
              ring.awaitEmpty(); // all of it released
            });
    assertThat(waiter.join()).isNull();
    assertThat(waiter.interruptedAtEnd()).as("interrupt status kept").isTrue();
    assertThat(ring.isClosed()).isFalse();
  }

  /** A ring of two buffers, both published and none released. */
  @Test
  void eachBuffer_isMadeOnce_andHandedOutAgainOnEveryLap() throws Exception {
    BufferRing ring = new BufferRing(4, 32, null, 2);
    byte[][] firstLap = new byte[4][];
    for (int lap = 0; lap < 3; lap++) {
      for (int i = 0; i < 4; i++) {
        byte[] b = ring.claim();
        assertThat(b).hasSize(32);
        if (lap == 0) {
          for (int j = 0; j < i; j++) {
            assertThat(b).as("buffer %d against %d", i, j).isNotSameAs(firstLap[j]);
          }
          firstLap[i] = b;
        } else {
          assertThat(b).as("lap %d, buffer %d", lap, i).isSameAs(firstLap[i]);
        }
        ring.publish(i);
        assertThat(ring.next()).isEqualTo(i);
        assertThat(ring.current()).isSameAs(b);
        ring.release();
      }
    }
  }

  @Test
  void wakeAt_aParkedEmptier_isWokenOnlyOnceThatManyBuffersArePublished() throws Exception {
    BufferRing ring = new BufferRing(8, 8, null, 4);
    int[] got = new int[1];
    Background emptier = Background.start("emptier", () -> got[0] = ring.next());
    emptier.awaitParkedInRing();
    for (int i = 1; i <= 3; i++) {
      ring.claim();
      ring.publish(i);
    }
    Thread.sleep(100);
    assertThat(LockSupport.getBlocker(emptier.thread()))
        .as("the emptier, with 3 of 4 buffers published")
        .isInstanceOf(BufferRing.class);

    ring.claim();
    ring.publish(4);

    assertEndsSoon(emptier);
    assertThat(got[0]).isEqualTo(1);
  }

  @Test
  void wakeAt_aParkedFiller_isWokenOnlyOnceThatManyBuffersAreFree() throws Exception {
    BufferRing ring = new BufferRing(8, 8, null, 4);
    for (int i = 0; i < 8; i++) {
      ring.claim();
      ring.publish(8);
    }
    Background filler = Background.start("filler", ring::claim);
    filler.awaitParkedInRing();
    for (int i = 0; i < 3; i++) {
      ring.next();
      ring.release();
    }
    Thread.sleep(100);
    assertThat(LockSupport.getBlocker(filler.thread()))
        .as("the filler, with 3 of 4 buffers free")
        .isInstanceOf(BufferRing.class);

    ring.next();
    ring.release();

    assertEndsSoon(filler);
  }

  @Test
  void wakeAt_theEnd_wakesAParkedEmptier_withFewerBuffersPublished() throws Exception {
    BufferRing ring = new BufferRing(8, 8, null, 4);
    int[] got = new int[2];
    Background emptier =
        Background.start(
            "emptier",
            () -> {
              got[0] = ring.next();
              ring.release();
              got[1] = ring.next();
            });
    emptier.awaitParkedInRing();

    ring.claim();
    ring.publish(5);
    ring.claim();
    ring.publish(-1);

    assertEndsSoon(emptier);
    assertThat(got).containsExactly(5, -1);
  }

  @Test
  void wakeAt_awaitEmpty_wakesAnEmptierParkedWithFewerBuffersPublished() throws Exception {
    BufferRing ring = new BufferRing(8, 8, null, 4);
    Background emptier =
        Background.start(
            "emptier",
            () -> {
              while (ring.next() >= 0) {
                ring.release();
              }
            });
    emptier.awaitParkedInRing();
    ring.claim();
    ring.publish(8);

    long start = System.nanoTime();
    ring.awaitEmpty();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(millis).as("awaitEmpty's wait, ms").isLessThan(BufferRing.OWNER_CHECK_MILLIS / 2);
    ring.close();
    assertThat(emptier.join()).isNull();
  }

  /** The thread ends within half the parked side's timeout: it was woken, not timed out. */
  private static void assertEndsSoon(Background side) throws InterruptedException {
    side.thread().join(BufferRing.OWNER_CHECK_MILLIS / 2);
    assertThat(side.thread().isAlive())
        .as(
            "%s still waiting after %d ms",
            side.thread().getName(), BufferRing.OWNER_CHECK_MILLIS / 2)
        .isFalse();
    assertThat(side.join()).isNull();
  }

  private static BufferRing fullRing() throws InterruptedIOException {
    BufferRing ring = new BufferRing(2, 8);
    for (int i = 0; i < 2; i++) {
      ring.claim();
      ring.publish(8);
    }
    return ring;
  }
}
