package dev.tributary.connectors.internal;

/** The one check every connector that takes a batch size makes of it. */
public final class BatchSizes {
  private BatchSizes() {}

  /**
   * {@code maxBatchSize} itself, when it is at least 1.
   *
   * @throws IllegalArgumentException naming the value, when it is below 1
   */
  public static int atLeastOne(int maxBatchSize) {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1: " + maxBatchSize);
    }
    return maxBatchSize;
  }
}
