package dev.tributary.sftp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a {@link FileImport} may read a file, so that it never reads one the sender is still
 * uploading. Immutable.
 *
 * <ul>
 *   <li>{@link #sizeStableFor(Duration)}: the file's size and time stamp have not changed for a
 *       while — for senders that write in place. The importer remembers what it saw on earlier
 *       runs, so run it on a schedule shorter than the interval.
 *   <li>{@link #doneFile(String)}: a done-file {@code NAME + suffix} exists — for senders that
 *       write one after the data.
 *   <li>{@link #immediately()}: any file is complete — for senders that upload atomically (under a
 *       temporary name, then renamed), as {@link SftpClient} does.
 * </ul>
 */
public final class Readiness {
  private static final Readiness IMMEDIATELY = new Readiness(null, null);

  private final @Nullable Duration stableFor;
  private final @Nullable String doneSuffix;

  private Readiness(@Nullable Duration stableFor, @Nullable String doneSuffix) {
    this.stableFor = stableFor;
    this.doneSuffix = doneSuffix;
  }

  public static Readiness immediately() {
    return IMMEDIATELY;
  }

  /** Ready once size and modification time stayed the same for {@code interval}. */
  public static Readiness sizeStableFor(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    return new Readiness(interval, null);
  }

  /** Ready once the file {@code NAME + suffix} exists (for example {@code .done}). */
  public static Readiness doneFile(String suffix) {
    Objects.requireNonNull(suffix, "suffix");
    if (suffix.isEmpty() || suffix.contains("/")) {
      throw new IllegalArgumentException("suffix must be non-empty and have no '/': " + suffix);
    }
    return new Readiness(null, suffix);
  }

  public Optional<Duration> stableInterval() {
    return Optional.ofNullable(stableFor);
  }

  public Optional<String> doneFileSuffix() {
    return Optional.ofNullable(doneSuffix);
  }

  @Override
  public String toString() {
    return stableFor != null
        ? "Readiness[size stable for " + stableFor + "]"
        : doneSuffix != null ? "Readiness[done-file " + doneSuffix + "]" : "Readiness[immediately]";
  }
}
