package dev.tributary.connectors.newrelic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Packs JSON events into JSON arrays whose gzip form stays within New Relic's payload limit: the
 * whole batch if it fits, else halves, recursively (so a typical batch is compressed once). The
 * size is measured with the same {@code GZIPOutputStream} the HTTP transport compresses with, so it
 * is the size sent.
 */
final class GzipChunks {
  /** New Relic's limit: 1 MB (10^6 bytes) per POST, compressed. */
  static final int MAX_GZIPPED_BYTES = 1_000_000;

  private GzipChunks() {}

  /** The JSON array of the events at {@code items}. */
  static byte[] array(List<Integer> items, List<byte[]> events) {
    int size = 2 + Math.max(0, items.size() - 1);
    for (int i : items) {
      size += events.get(i).length;
    }
    byte[] out = new byte[size];
    out[0] = '[';
    int at = 1;
    for (int k = 0; k < items.size(); k++) {
      if (k > 0) {
        out[at++] = ',';
      }
      byte[] event = events.get(items.get(k));
      System.arraycopy(event, 0, out, at, event.length);
      at += event.length;
    }
    out[at] = ']';
    return out;
  }

  /**
   * {@code items} split into groups whose array fits in {@code limit} bytes gzipped; an event that
   * does not fit alone is a group of one that does not fit either (the caller refuses it).
   */
  static List<List<Integer>> split(List<Integer> items, List<byte[]> events, int limit) {
    List<List<Integer>> out = new ArrayList<>();
    if (!items.isEmpty()) {
      split(items, events, limit, out);
    }
    return out;
  }

  private static void split(
      List<Integer> items, List<byte[]> events, int limit, List<List<Integer>> out) {
    if (items.size() == 1 || gzippedSize(array(items, events)) <= limit) {
      out.add(List.copyOf(items));
      return;
    }
    int half = items.size() / 2;
    split(items.subList(0, half), events, limit, out);
    split(items.subList(half, items.size()), events, limit, out);
  }

  static boolean fits(byte[] json, int limit) {
    return gzippedSize(json) <= limit;
  }

  static long gzippedSize(byte[] json) {
    Counter counter = new Counter();
    try (GZIPOutputStream gzip = new GZIPOutputStream(counter)) {
      gzip.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: nothing is written anywhere
    }
    return counter.count;
  }

  private static final class Counter extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
