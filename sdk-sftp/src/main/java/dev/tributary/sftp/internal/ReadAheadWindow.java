package dev.tributary.sftp.internal;

/**
 * How many bytes a download keeps asked for but not yet received. It keeps about twice what the
 * link holds (the rate the reader takes bytes at, times the shortest round trip seen), never less
 * than {@link #FLOOR_BYTES} and never more than the configured read-ahead.
 *
 * <p>Why not always the maximum: a server queues the answers to every read it has been sent. When
 * the reader is slower than the link (a JVM that has not compiled its AES yet, or an import
 * consuming the stream), OpenSSH's {@code sftp-server} holds up to the whole read-ahead in its
 * output buffer and, measured with 64 reads of 255 KiB in flight on loopback, spends its CPU on
 * that buffer instead of sending: a 1 GiB download that takes 2 s warm took 12–17 s from a fresh
 * JVM. On a long, fast link the measured round trip is long and the window grows to the maximum,
 * like TCP's slow start.
 */
final class ReadAheadWindow {
  /**
   * The least kept in flight: enough for loopback and a LAN at full speed. From a fresh JVM on
   * loopback, 1 or 2 MiB downloaded 1 GiB in 4.1–5.1 s, 4 MiB in 5.0–5.9 s, 8 MiB in 6.7–10.7 s.
   */
  static final long FLOOR_BYTES = 2L << 20;

  /** Reads between two measurements of the reader's rate. */
  static final int SAMPLE_READS = 16;

  private final int maxReads;
  private long targetBytes = FLOOR_BYTES;
  private long minRoundTripNanos = Long.MAX_VALUE;
  private long sampleStartNanos;
  private long sampleBytes;
  private int sampleReads;

  ReadAheadWindow(int maxReads, long nowNanos) {
    if (maxReads < 1) {
      throw new IllegalArgumentException("maxReads must be at least 1, was " + maxReads);
    }
    this.maxReads = maxReads;
    this.sampleStartNanos = nowNanos;
  }

  /** The reads to keep in flight, each of {@code readSize} bytes. */
  int reads(int readSize) {
    long reads = (targetBytes + readSize - 1) / readSize;
    return (int) Math.max(1, Math.min(maxReads, reads));
  }

  /**
   * The reader took the answer to the oldest read, {@code bytes} long, sent at {@code sentNanos}.
   * {@code waited}: its answer had not arrived when the reader asked for it, so {@code nowNanos}
   * (just after it arrived) minus {@code sentNanos} is a round trip.
   */
  void answered(long bytes, long sentNanos, boolean waited, long nowNanos) {
    if (waited) {
      minRoundTripNanos = Math.min(minRoundTripNanos, Math.max(1, nowNanos - sentNanos));
    }
    sampleBytes += bytes;
    if (++sampleReads < SAMPLE_READS) {
      return;
    }
    long elapsed = Math.max(1, nowNanos - sampleStartNanos);
    if (minRoundTripNanos != Long.MAX_VALUE) {
      double bytesPerNano = (double) sampleBytes / elapsed;
      targetBytes = Math.max(FLOOR_BYTES, (long) (2 * bytesPerNano * minRoundTripNanos));
    }
    sampleStartNanos = nowNanos;
    sampleBytes = 0;
    sampleReads = 0;
  }
}
