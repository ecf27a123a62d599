package dev.tributary.sftp.internal;

import dev.tributary.core.TransientException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Reuses SFTP connections across operations and limits how many are open at once. {@link
 * #acquire()} blocks while {@code maxConnections} are in use. A connection that broke is closed
 * instead of being returned. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
  private final ClientSettings settings;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  ConnectionPool(ClientSettings settings) {
    this.settings = settings;
    this.permits = new Semaphore(settings.maxConnections(), true);
  }

  /** A live connection for the caller's exclusive use; give it back with {@link #release}. */
  Connection acquire() {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while waiting for an SFTP connection", e);
    }
    try {
      Connection c;
      while ((c = pollIdle()) != null) {
        if (c.isAlive()) {
          return c;
        }
        c.close();
      }
      return Connection.open(settings);
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private synchronized @Nullable Connection pollIdle() {
    if (closed) {
      throw new IllegalStateException("the SFTP client is closed");
    }
    return idle.pollFirst();
  }

  /** Returns a connection; a broken one ({@code healthy == false} or no longer alive) is closed. */
  void release(Connection connection, boolean healthy) {
    try {
      boolean keep = healthy && connection.isAlive();
      synchronized (this) {
        if (keep && !closed) {
          idle.addFirst(connection);
          return;
        }
      }
      connection.close();
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    Deque<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    toClose.forEach(Connection::close);
  }
}
