package dev.tributary.core.trigger;

import dev.tributary.core.model.AudienceChange;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Runs a backfill and live changes into one {@link MicroBatcher} at the same time, so that live
 * changes flow at once instead of queueing behind a long backfill — without a backfilled state ever
 * overwriting a newer live change.
 *
 * <p>While the backfill runs, the gate remembers the latest live change per key. A backfilled
 * change for a key that already had a live change is delivered coalesced with it ({@code
 * coalesce(backfilled, live)}), i.e. the live change applies after the backfilled state: an exit
 * that arrived during the backfill still wins over the "entered" the backfill read earlier, and a
 * field change still reaches a user the backfill enters. Memory: one entry per key that changed
 * during the backfill, released by {@link #finish()}.
 *
 * <p>Thread-safe. While backfilling, live and backfilled offers for all keys are serialised (both
 * feed the same bounded batcher anyway); afterwards live offers go straight to the batcher.
 *
 * @param <K> the key
 * @param <T> the change type
 */
public final class BackfillGate<K, T> {
  private final MicroBatcher<K, T> batcher;
  private final Function<? super T, ? extends K> key;
  private final BinaryOperator<T> coalesce;
  private final Map<K, T> liveDuringBackfill = new HashMap<>();
  private volatile boolean backfilling = true;

  /** A gate in the backfilling state in front of {@code batcher}. */
  public BackfillGate(
      MicroBatcher<K, T> batcher,
      Function<? super T, ? extends K> key,
      BinaryOperator<T> coalesce) {
    this.batcher = Objects.requireNonNull(batcher, "batcher");
    this.key = Objects.requireNonNull(key, "key");
    this.coalesce = Objects.requireNonNull(coalesce, "coalesce");
  }

  /** A gate for audience changes, keyed and coalesced as {@link AudienceChanges} says. */
  public static BackfillGate<AudienceChanges.Key, AudienceChange> forAudienceChanges(
      MicroBatcher<AudienceChanges.Key, AudienceChange> batcher) {
    return new BackfillGate<>(batcher, AudienceChanges::key, AudienceChanges::coalesce);
  }

  /** Offers a live change; see {@link MicroBatcher#offer(Object)}. */
  public void offerLive(T change) throws InterruptedException {
    if (backfilling) {
      synchronized (this) {
        if (backfilling) {
          liveDuringBackfill.merge(key.apply(change), change, coalesce);
          batcher.offer(change);
          return;
        }
      }
    }
    batcher.offer(change);
  }

  /**
   * Offers a change the backfill read, applying after it any live change of its key seen since the
   * backfill started.
   *
   * @throws IllegalStateException after {@link #finish()}
   */
  public synchronized void offerBackfilled(T change) throws InterruptedException {
    if (!backfilling) {
      throw new IllegalStateException("the backfill is finished");
    }
    T live = liveDuringBackfill.get(key.apply(change));
    batcher.offer(live == null ? change : coalesce.apply(change, live));
  }

  /** Ends the backfill: from now on live changes pass straight through. */
  public synchronized void finish() {
    backfilling = false;
    liveDuringBackfill.clear();
  }

  public boolean backfilling() {
    return backfilling;
  }
}
