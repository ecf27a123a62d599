package dev.tributary.connectors.internal;

import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ItemResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One export call sent as several requests, for vendors whose per-request limits a batch may
 * exceed: each request's items get that request's fate. A request the vendor refuses as a whole
 * with a {@code VALIDATION} error (400, 413) is split in halves until the one item it will not take
 * is rejected alone (at most 2n − 1 requests for n items); a {@code TRANSIENT} failure fails this
 * request and every one not yet sent, for the runtime to retry; {@code CONFIG} and {@code SYSTEM}
 * errors stop the call. Not thread-safe: one per call.
 */
public final class SplitRequests {
  /** Sends one request. */
  @FunctionalInterface
  public interface Sender {
    /**
     * Sends {@code items} (indexes into the batch) as one request.
     *
     * @return the items the vendor took the request but not the item of, by batch index
     * @throws TributaryException when the request failed as a whole
     */
    Map<Integer, TributaryException> send(List<Integer> items);
  }

  private final @Nullable ItemResult[] results;
  private final Deque<List<Integer>> requests;

  private SplitRequests(int batchSize, List<List<Integer>> requests) {
    this.results = new ItemResult[batchSize];
    this.requests = new ArrayDeque<>(requests);
  }

  /**
   * Sends the {@code requests} (groups of batch indexes within the vendor's limits) of a batch of
   * {@code batchSize} items of which {@code unsent} already failed (such as items that could not be
   * written), and returns one result per item.
   */
  public static BatchResult send(
      int batchSize,
      Map<Integer, TributaryException> unsent,
      List<List<Integer>> requests,
      Sender sender) {
    SplitRequests call = new SplitRequests(batchSize, requests);
    unsent.forEach(call::fail);
    while (!call.requests.isEmpty()) {
      call.next(sender);
    }
    List<ItemResult> out = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      out.add(Objects.requireNonNullElse(call.results[i], ItemResult.ok(i)));
    }
    return new BatchResult(out);
  }

  private void next(Sender sender) {
    List<Integer> items = requests.poll();
    try {
      sender.send(items).forEach(this::fail);
    } catch (TributaryException e) {
      switch (e.errorClass()) {
        case CONFIG, SYSTEM -> throw e;
        case TRANSIENT -> { // this request and the ones after it wait for the runtime's retry
          items.forEach(i -> fail(i, e));
          requests.forEach(rest -> rest.forEach(i -> fail(i, e)));
          requests.clear();
        }
        case VALIDATION -> {
          if (items.size() == 1) {
            fail(items.get(0), e);
          } else { // refused whole: find the item the vendor will not take
            requests.addFirst(List.copyOf(items.subList(items.size() / 2, items.size())));
            requests.addFirst(List.copyOf(items.subList(0, items.size() / 2)));
          }
        }
      }
    }
  }

  private void fail(int item, TributaryException e) {
    results[item] = ItemResult.failed(item, e);
  }
}
