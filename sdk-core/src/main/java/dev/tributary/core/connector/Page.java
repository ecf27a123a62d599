package dev.tributary.core.connector;

import java.util.List;
import java.util.Objects;

/**
 * One page an {@link ImportConnector} read.
 *
 * @param records the records of this page, in source order
 * @param next the checkpoint to save once every record of this page is committed
 * @param last whether the source has nothing more after this page for now
 * @param <T> the record type
 */
public record Page<T>(List<T> records, Checkpoint next, boolean last) {
  public Page {
    records = List.copyOf(records);
    Objects.requireNonNull(next, "next");
  }
}
