package dev.tributary.sftp;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.SftpPassword;
import dev.tributary.core.auth.SftpPrivateKey;
import dev.tributary.sftp.internal.ClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures an {@link SftpClient}; get one from {@link SftpClient#builder(String)}. Only the
 * authorization is required. Not thread-safe; {@link #build()} copies the settings.
 */
public final class SftpClientBuilder {
  private final String host;
  private int port = 22;
  private @Nullable Authorization authorization;
  private @Nullable HostKeyPolicy hostKeys;
  private String baseDirectory = "";
  private Duration connectTimeout = Duration.ofSeconds(15);
  private Duration socketTimeout = Duration.ofSeconds(60);
  private Duration requestTimeout = Duration.ofSeconds(60);
  private Duration keepAliveInterval = Duration.ofSeconds(15);
  private int maxConnections = 4;
  private int maxAttempts = 3;
  private Duration retryDelay = Duration.ofSeconds(1);
  private int readAheadRequests = 64;
  private int readRequestSize = 255 * 1024;
  private int writeRequestSize = 255 * 1024;
  private int maxUnconfirmedWrites = 0; // as many as keep 2 MiB unconfirmed

  SftpClientBuilder(String host) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    this.host = host.strip();
  }

  /** The SSH port. Default 22. */
  public SftpClientBuilder port(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535: " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * How to log in: an {@link SftpPassword} or an {@link SftpPrivateKey} (OpenSSH or PEM, with or
   * without a passphrase). Required.
   */
  public SftpClientBuilder authorization(Authorization authorization) {
    Objects.requireNonNull(authorization, "authorization");
    if (!(authorization instanceof SftpPassword) && !(authorization instanceof SftpPrivateKey)) {
      throw new IllegalArgumentException(
          "an SFTP server needs an SFTP password or an SFTP private key, not a "
              + authorization.kind());
    }
    this.authorization = authorization;
    return this;
  }

  /**
   * Which host keys to trust. Default: {@code ~/.ssh/known_hosts}, as {@code ssh} does. Pin the
   * server's fingerprint with {@link HostKeyPolicy#fingerprints(String...)} for a configured
   * integration.
   */
  public SftpClientBuilder hostKeys(HostKeyPolicy hostKeys) {
    this.hostKeys = Objects.requireNonNull(hostKeys, "hostKeys");
    return this;
  }

  /**
   * The directory every remote path is relative to and cannot leave, absolute ({@code /exports}) or
   * relative to the login directory. Default: the login directory.
   */
  public SftpClientBuilder baseDirectory(String baseDirectory) {
    this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
    return this;
  }

  /** How long to wait for the TCP connection. Default 15 s. */
  public SftpClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /**
   * How long the socket may stay silent before the connection counts as dead. Default 60 s; keep it
   * above the keep-alive interval.
   */
  public SftpClientBuilder socketTimeout(Duration timeout) {
    this.socketTimeout = positive(timeout, "socketTimeout");
    return this;
  }

  /** How long to wait for the answer to one SFTP request. Default 60 s. */
  public SftpClientBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /**
   * How often an idle connection asks the server whether it is still there (OpenSSH {@code
   * keepalive@openssh.com}); after 5 unanswered it is dropped. Default 15 s: it keeps NAT and
   * firewalls from cutting idle pooled connections and notices a dead peer.
   */
  public SftpClientBuilder keepAliveInterval(Duration interval) {
    this.keepAliveInterval = positive(interval, "keepAliveInterval");
    return this;
  }

  /**
   * How many SSH connections may be open at once; further calls wait. Default 4. Many servers limit
   * sessions per user (OpenSSH's {@code MaxStartups}, vendors' own limits).
   */
  public SftpClientBuilder maxConnections(int maxConnections) {
    this.maxConnections = atLeast(1, maxConnections, "maxConnections");
    return this;
  }

  /**
   * How many times an operation is tried when the connection drops or cannot be opened; transfers
   * resume rather than restart. Default 3. A refusal by the server (no such file, permission
   * denied, bad login) is never retried.
   */
  public SftpClientBuilder maxAttempts(int maxAttempts) {
    this.maxAttempts = atLeast(1, maxAttempts, "maxAttempts");
    return this;
  }

  /** The pause before another attempt. Default 1 s. */
  public SftpClientBuilder retryDelay(Duration delay) {
    Objects.requireNonNull(delay, "retryDelay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("retryDelay must not be negative: " + delay);
    }
    this.retryDelay = delay;
    return this;
  }

  /**
   * Download tuning: the most reads in flight (default 64) and bytes asked per read (default 255
   * KiB, what OpenSSH's server allows; servers that allow less answer with less and the client
   * adapts). A download keeps about twice what the link holds in flight (the rate it reads at times
   * the round trip), at least 2 MiB and at most {@code requests} reads, so a slow reader does not
   * make the server queue the whole read-ahead. Memory per download is at most about their product.
   */
  public SftpClientBuilder readAhead(int requests, int requestSize) {
    this.readAheadRequests = atLeast(1, requests, "requests");
    this.readRequestSize = atLeast(1024, requestSize, "requestSize");
    return this;
  }

  /**
   * Upload tuning: bytes per write and writes in flight. Memory per upload is about their product.
   *
   * <p>A write is never larger than the server allows: a write above its limit may end the session.
   * Where the server states its limit (OpenSSH's {@code limits@openssh.com}: 255 KiB), a write
   * takes up to that limit, by default the whole of it; where it does not, at most one SSH packet
   * of the server (typically 32 KiB), which every server accepts. Larger writes spare the server
   * work per request: on OpenSSH a warm upload runs 30–40% faster with 255 KiB writes than with 32
   * KiB ones. By default as many writes are in flight as keep 2 MiB unconfirmed (8 of 255 KiB, 64
   * of 32 KiB).
   *
   * @param requestSize bytes per write, 1 KiB to 255 KiB (default 255 KiB)
   * @param maxUnconfirmed writes in flight, at least 1
   */
  public SftpClientBuilder writeBehind(int requestSize, int maxUnconfirmed) {
    this.writeRequestSize = atLeast(1024, requestSize, "requestSize");
    if (requestSize > 255 * 1024) {
      throw new IllegalArgumentException("requestSize must be at most 255 KiB: " + requestSize);
    }
    this.maxUnconfirmedWrites = atLeast(1, maxUnconfirmed, "maxUnconfirmed");
    return this;
  }

  /**
   * Builds the client; it connects on first use.
   *
   * @throws IllegalStateException if no authorization was set
   */
  public SftpClient build() {
    Authorization auth = authorization;
    if (auth == null) {
      throw new IllegalStateException("set authorization(...) before build()");
    }
    HostKeyPolicy keys = hostKeys;
    if (keys == null) {
      keys =
          HostKeyPolicy.knownHosts(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }
    return new SftpClient(
        new ClientSettings(
            host,
            port,
            auth,
            keys,
            baseDirectory,
            connectTimeout,
            socketTimeout,
            requestTimeout,
            keepAliveInterval,
            maxConnections,
            maxAttempts,
            retryDelay,
            readAheadRequests,
            readRequestSize,
            writeRequestSize,
            maxUnconfirmedWrites));
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }

  private static int atLeast(int min, int value, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }
}
