package dev.tributary.sftp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadAheadWindowTest {
  private static final int READ = 255 * 1024;
  private static final long MS = 1_000_000L;

  /** Feeds {@code reads} answers of {@link #READ} bytes, one every {@code gapNanos}. */
  private static long feed(
      ReadAheadWindow w, long now, int reads, long gapNanos, boolean waited, long rttNanos) {
    for (int i = 0; i < reads; i++) {
      now += gapNanos;
      w.answered(READ, now - rttNanos, waited, now);
    }
    return now;
  }

  private static int readsFor(long bytes) {
    return (int) ((bytes + READ - 1) / READ);
  }

  @Test
  void startsWithTheFloorInReadsOfTheCurrentSize() {
    ReadAheadWindow w = new ReadAheadWindow(64, 0);

    assertThat(w.reads(READ)).isEqualTo(readsFor(ReadAheadWindow.FLOOR_BYTES));
    assertThat(w.reads(16 * 1024)).isEqualTo(64); // the floor in 16 KiB reads is more than the cap
    assertThat(new ReadAheadWindow(3, 0).reads(READ)).isEqualTo(3);
  }

  @Test
  void aSlowReaderThatNeverWaitsStaysAtTheFloor() {
    ReadAheadWindow w = new ReadAheadWindow(64, 0);

    feed(w, 0, 200, 100 * MS, false, 0);

    assertThat(w.reads(READ)).isEqualTo(readsFor(ReadAheadWindow.FLOOR_BYTES));
  }

  @Test
  void aLongFastLinkGrowsTheWindowToTwiceWhatTheLinkHolds() {
    ReadAheadWindow w = new ReadAheadWindow(1000, 0);
    long gap = MS; // one 255 KiB answer per millisecond: 249 MiB/s
    long rtt = 50 * MS;

    feed(w, 0, ReadAheadWindow.SAMPLE_READS, gap, true, rtt);

    double bytesPerNano = (double) READ / gap;
    assertThat(w.reads(READ)).isEqualTo(readsFor((long) (2 * bytesPerNano * rtt)));
  }

  @Test
  void neverMoreThanTheConfiguredReads() {
    ReadAheadWindow w = new ReadAheadWindow(64, 0);

    feed(w, 0, 4 * ReadAheadWindow.SAMPLE_READS, MS, true, 200 * MS);

    assertThat(w.reads(READ)).isEqualTo(64);
  }

  @Test
  void theShortestRoundTripCountsAndTheWindowShrinksWhenTheReaderSlowsDown() {
    ReadAheadWindow w = new ReadAheadWindow(1000, 0);
    long now = feed(w, 0, ReadAheadWindow.SAMPLE_READS, MS, true, 100 * MS);
    int grown = w.reads(READ);

    now = feed(w, now, ReadAheadWindow.SAMPLE_READS, MS, true, 20 * MS); // shorter trip seen
    int afterShortTrip = w.reads(READ);
    feed(w, now, ReadAheadWindow.SAMPLE_READS, 50 * MS, false, 0); // the reader slowed down

    assertThat(afterShortTrip).isLessThan(grown);
    assertThat(w.reads(READ)).isEqualTo(readsFor(ReadAheadWindow.FLOOR_BYTES));
  }

  @Test
  void refusesANonPositiveMaximum() {
    assertThatThrownBy(() -> new ReadAheadWindow(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
