package dev.tributary.sftp.internal;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one remote operation on a pooled connection. When the connection breaks (it drops, or a
 * request times out) the connection is discarded and, for a retryable operation, the operation runs
 * again on a fresh connection, up to {@code maxAttempts} times with {@code retryDelay} between
 * tries. A server's refusal (no such file, permission denied) is not retried.
 */
final class Operations {
  private static final Logger log = LoggerFactory.getLogger(Operations.class);

  /** A piece of work on a connection. */
  interface Work<T> {
    T run(Connection connection) throws IOException;
  }

  private final ConnectionPool pool;
  private final ClientSettings settings;

  Operations(ConnectionPool pool, ClientSettings settings) {
    this.pool = pool;
    this.settings = settings;
  }

  ConnectionPool pool() {
    return pool;
  }

  ClientSettings settings() {
    return settings;
  }

  /**
   * Runs {@code work}; {@code action} and {@code path} name it in errors ("cannot stat 'a.csv'").
   */
  <T> T run(String action, String path, boolean retryable, Work<T> work) {
    return run(action, path, retryable, work, false);
  }

  /**
   * As {@link #run(String, String, boolean, Work)}; with {@code handOver}, a successful {@code
   * work} keeps the connection (a stream that releases it when closed).
   */
  <T> T run(String action, String path, boolean retryable, Work<T> work, boolean handOver) {
    int attempt = 1;
    while (true) {
      Connection connection = acquire(attempt);
      try {
        T result = work.run(connection);
        if (!handOver) {
          pool.release(connection, true);
        }
        return result;
      } catch (IOException e) {
        boolean answered = Errors.isServerAnswer(e) && connection.isAlive();
        pool.release(connection, answered);
        if (answered) {
          throw Errors.refused(action, path, e);
        }
        if (!retryable || attempt >= settings.maxAttempts()) {
          throw Errors.connectionLost(settings.target(), action + " '" + path + "'", e);
        }
        log.debug("connection lost during {} {}, attempt {}: retrying", action, path, attempt, e);
      } catch (RuntimeException e) {
        pool.release(connection, connection.isAlive());
        throw e;
      }
      attempt++;
      pause(settings.retryDelay());
    }
  }

  /** A connection, retrying a failed connect as long as attempts remain. */
  Connection acquire(int attempt) {
    int a = attempt;
    while (true) {
      try {
        return pool.acquire();
      } catch (TransientException e) {
        if (a >= settings.maxAttempts()) {
          throw e;
        }
        log.debug("connecting failed on attempt {}: retrying", a, e);
        a++;
        pause(settings.retryDelay());
      } catch (TributaryException e) {
        throw e;
      }
    }
  }

  static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while waiting to retry", e);
    }
  }
}
