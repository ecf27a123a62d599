package dev.tributary.core.connector;

/**
 * The line between a connector call and the run it belongs to: what the connector tells the runtime
 * while it works (bytes moved, for the run's progress) and what it may ask (whether the run should
 * stop). The runtime counts items itself; connectors never need to.
 *
 * <p>Implementations are thread-safe and cheap to call.
 */
public interface RunReporter {
  /** Adds {@code bytes} moved over the transport (request and file bodies) to the run's total. */
  void bytesTransferred(long bytes);

  /**
   * Whether the runtime asked the run to stop (shutdown, cancel, pause). A long call — a file
   * export streaming a whole audience — may end early at a safe point by throwing a {@link
   * dev.tributary.core.TransientException}: nothing past the last checkpoint counts as done, and
   * the next run does it again.
   */
  boolean stopRequested();

  /** A reporter that counts nothing and never asks to stop: for calls outside a runtime. */
  static RunReporter none() {
    return NoReporter.INSTANCE;
  }
}

/** {@link RunReporter#none()}. */
enum NoReporter implements RunReporter {
  INSTANCE;

  @Override
  public void bytesTransferred(long bytes) {}

  @Override
  public boolean stopRequested() {
    return false;
  }
}
