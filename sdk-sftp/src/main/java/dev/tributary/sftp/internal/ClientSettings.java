package dev.tributary.sftp.internal;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.SftpPassword;
import dev.tributary.core.auth.SftpPrivateKey;
import dev.tributary.sftp.HostKeyPolicy;
import java.time.Duration;

/**
 * Everything a {@link dev.tributary.sftp.SftpClient} was built with, checked by its builder.
 *
 * @param baseDirectory the directory every remote path is relative to; empty for the login
 *     directory
 */
public record ClientSettings(
    String host,
    int port,
    Authorization authorization,
    HostKeyPolicy hostKeys,
    String baseDirectory,
    Duration connectTimeout,
    Duration socketTimeout,
    Duration requestTimeout,
    Duration keepAliveInterval,
    int maxConnections,
    int maxAttempts,
    Duration retryDelay,
    int readAheadRequests,
    int readRequestSize,
    int writeRequestSize,
    int maxUnconfirmedWrites) {

  /** {@code user@host:port} for messages. */
  public String target() {
    return username() + "@" + host + ":" + port;
  }

  public String username() {
    if (authorization instanceof SftpPassword p) {
      return p.username();
    }
    if (authorization instanceof SftpPrivateKey k) {
      return k.username();
    }
    throw new IllegalStateException("not an SFTP authorization: " + authorization.kind());
  }
}
