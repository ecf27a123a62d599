package dev.tributary.connectors.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.connector.Checkpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Pages a Mailchimp collection sorted by a time stamp, ascending, as a keyset with an offset: each
 * query asks from a second before the highest time committed ({@link KeysetPosition#sinceFor}), and
 * moves on by offset only while a page brings no later time (many records changed in the same
 * second). Offsets therefore never reach far into a collection that changes while it is read: a
 * record changed during a pass moves behind the read position and is read again later, instead of
 * shifting an offset over an unread record.
 *
 * <p>The cursor-boundary rule: records before the committed high are skipped (they were read),
 * those at the high by their keys ({@code seenAtCursor}); so neither are records lost nor repeated
 * at the boundary, across pages, runs and restarts.
 */
final class KeysetPager {
  /** One page: the records not yet committed, the checkpoint after them, and whether it ends. */
  record Result(List<JsonNode> records, Checkpoint next, boolean last) {}

  private final String timeField;
  private final String keyField;

  KeysetPager(String timeField, String keyField) {
    this.timeField = timeField;
    this.keyField = keyField;
  }

  Result page(KeysetPosition pos, Set<String> seen, JsonNode items, int pageSize) {
    Instant high = pos.high();
    Set<String> atHigh = new LinkedHashSet<>(high == null ? Set.of() : seen);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode item : items) {
      Instant time = KeysetPosition.parseTime(text(item, timeField));
      String key = text(item, keyField);
      if (time == null || key == null) {
        out.add(item); // cannot be placed: read, never skipped
        continue;
      }
      if (high != null && time.isBefore(high)) {
        continue;
      }
      if (high != null && time.equals(high)) {
        if (atHigh.add(key)) {
          out.add(item);
        }
        continue;
      }
      high = time;
      atHigh.clear();
      atHigh.add(key);
      out.add(item);
    }
    boolean last = items.size() < pageSize;
    KeysetPosition next;
    Instant since = high == null ? null : KeysetPosition.sinceFor(high);
    if (last) {
      next = new KeysetPosition(since, 0, high);
    } else if (since != null && (pos.since() == null || since.isAfter(pos.since()))) {
      next = new KeysetPosition(since, 0, high);
    } else {
      next = new KeysetPosition(pos.since(), pos.offset() + items.size(), high);
    }
    Set<String> keys = high == null ? Set.of() : atHigh;
    return new Result(out, new Checkpoint(next.encode(), keys), last);
  }

  static @Nullable String text(JsonNode item, String field) {
    JsonNode node = item.path(field);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
