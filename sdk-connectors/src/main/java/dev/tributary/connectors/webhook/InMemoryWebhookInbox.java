package dev.tributary.connectors.webhook;

import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.model.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** {@link WebhookInbox#inMemory}: a bounded queue numbered from 0. Thread-safe. */
final class InMemoryWebhookInbox implements WebhookInbox {
  private final int capacity;
  private final ArrayDeque<Event> events = new ArrayDeque<>();
  private long first; // the sequence number of events.peekFirst()

  InMemoryWebhookInbox(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void accept(List<Event> batch) {
    if (events.size() + batch.size() > capacity) {
      throw new TransientException(
          "the webhook inbox holds " + events.size() + " of " + capacity + " events",
          Duration.ofSeconds(30),
          null);
    }
    events.addAll(batch);
  }

  @Override
  public synchronized Page<Event> read(Checkpoint from, int max) {
    long start = sequence(from);
    while (first < start && !events.isEmpty()) {
      events.pollFirst();
      first++;
    }
    List<Event> page = new ArrayList<>(Math.min(max, events.size()));
    long skip = start - first;
    for (Event e : events) {
      if (skip-- > 0) {
        continue;
      }
      if (page.size() == max) {
        break;
      }
      page.add(e);
    }
    long next = Math.max(start, first) + page.size();
    boolean last = next >= first + events.size();
    return new Page<>(page, Checkpoint.at(Long.toString(next)), last);
  }

  private static long sequence(Checkpoint from) {
    String cursor = from.cursor();
    if (cursor == null) {
      return 0;
    }
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new SystemException("not a webhook inbox checkpoint: " + cursor, e);
    }
  }

  @Override
  public synchronized String toString() {
    return "WebhookInbox[inMemory, " + events.size() + "/" + capacity + "]";
  }
}
