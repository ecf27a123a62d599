package dev.tributary.connectors.amplitude;

import java.util.Arrays;

/**
 * Amplitude IDs of one snapshot, as a sorted array of {@code long}s (8 bytes each: 16 MB for the
 * documented maximum of two million users), to find who left since the previous snapshot. An ID
 * that is not a number makes the set {@linkplain #usable() unusable}, and leavers are then not
 * computed.
 */
final class LongIds {
  private long[] ids = new long[1024];
  private int size;
  private boolean usable = true;
  private boolean sorted;

  void add(String id) {
    long value;
    try {
      value = Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      usable = false;
      return;
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size++] = value;
    sorted = false;
  }

  boolean usable() {
    return usable;
  }

  boolean contains(String id) {
    if (!sorted) {
      Arrays.sort(ids, 0, size);
      sorted = true;
    }
    try {
      return Arrays.binarySearch(ids, 0, size, Long.parseLong(id.strip())) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
