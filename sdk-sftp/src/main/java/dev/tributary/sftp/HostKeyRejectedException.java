package dev.tributary.sftp;

import dev.tributary.core.ConfigException;
import java.util.Objects;

/**
 * The server's host key is not trusted: it is unknown, or it differs from the one trusted for the
 * host (the server was reinstalled — or someone intercepts the connection). The message shows the
 * offered key's fingerprint and how to trust it; {@link #fingerprint()} gives it to code.
 *
 * <p>A {@link dev.tributary.core.ErrorClass#CONFIG} error: retrying cannot help until someone who
 * can check the fingerprint with the server's administrator trusts it.
 */
public final class HostKeyRejectedException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final int port;
  private final String keyType;
  private final String fingerprint;
  private final boolean changed;

  /**
   * @param changed whether a different key was trusted for this host (rather than none)
   */
  public HostKeyRejectedException(
      String host, int port, String keyType, String fingerprint, boolean changed, String message) {
    super("hostKeys", message, null);
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.changed = changed;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The offered key's type: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
  public String keyType() {
    return keyType;
  }

  /** The offered key's fingerprint, {@code SHA256:…} as {@code ssh-keygen -l} prints it. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Whether another key is trusted for this host: the key has changed. */
  public boolean changed() {
    return changed;
  }
}
