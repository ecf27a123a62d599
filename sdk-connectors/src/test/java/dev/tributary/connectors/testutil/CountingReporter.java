package dev.tributary.connectors.testutil;

import dev.tributary.core.connector.RunReporter;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link RunReporter} that adds up the bytes reported. */
public final class CountingReporter implements RunReporter {
  private final AtomicLong bytes = new AtomicLong();

  @Override
  public void bytesTransferred(long n) {
    bytes.addAndGet(n);
  }

  @Override
  public boolean stopRequested() {
    return false;
  }

  public long bytes() {
    return bytes.get();
  }
}
