package dev.tributary.connectors.file;

import dev.tributary.core.auth.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP server the CSV e-mail export sends through, and the sender address: what a host
 * configures once for all its e-mail exports.
 *
 * <pre>{@code
 * MailServer smtp = MailServer.builder("smtp.example.com", "exports@example.com")
 *     .login("exports@example.com", Secret.of(password))   // port 587 with STARTTLS by default
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the password.
 */
public final class MailServer {
  /** How the connection to the server is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
    STARTTLS,
    /** TLS from the start (SMTPS, port 465). */
    SSL,
    /** No encryption: only for a relay on the same machine or a test server. */
    NONE
  }

  private final String host;
  private final int port;
  private final Security security;
  private final String from;
  private final @Nullable String username;
  private final Secret password;
  private final Duration timeout;

  private MailServer(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.security = b.security;
    this.from = b.from;
    this.username = b.username;
    this.password = b.password;
    this.timeout = b.timeout;
  }

  /** A server at {@code host} sending as {@code from}. */
  public static Builder builder(String host, String from) {
    return new Builder(host, from);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Security security() {
    return security;
  }

  public String from() {
    return from;
  }

  /** The login name, if the server needs a login. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  Secret password() {
    return password;
  }

  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "MailServer["
        + host
        + ":"
        + port
        + " "
        + security
        + ", from "
        + from
        + (username == null ? "" : ", login " + username + " / " + Secret.REDACTED)
        + "]";
  }

  /** Builds a {@link MailServer}. Not thread-safe. */
  public static final class Builder {
    private final String host;
    private final String from;
    private int port = 587;
    private Security security = Security.STARTTLS;
    private @Nullable String username;
    private Secret password = Secret.empty();
    private Duration timeout = Duration.ofSeconds(30);

    private Builder(String host, String from) {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(from, "from");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      if (!from.contains("@")) {
        throw new IllegalArgumentException("from must be an e-mail address: " + from);
      }
      this.host = host.strip();
      this.from = from.strip();
    }

    /** The port. Default 587 (submission with STARTTLS); 465 for SSL. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1-65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** How the connection is protected. Default {@link Security#STARTTLS}, required. */
    public Builder security(Security security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    /** Logs in with this name and password. Default: no login (a trusted relay). */
    public Builder login(String username, Secret password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** How long connecting, and each read and write, may take. Default 30 s. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public MailServer build() {
      return new MailServer(this);
    }
  }
}
