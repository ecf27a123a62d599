package dev.tributary.sftp;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which server host keys a {@link SftpClient} trusts. Host keys are always checked: a server whose
 * key is unknown or has changed is refused with a {@link HostKeyRejectedException} that shows the
 * key's fingerprint and how to trust it. Choose one:
 *
 * <ul>
 *   <li>{@link #knownHosts(Path)}: an OpenSSH {@code known_hosts} file (hashed entries and {@code
 *       [host]:port} included), as {@code ssh} uses it;
 *   <li>{@link #fingerprints(String...)}: pinned {@code SHA256:…} fingerprints, as {@code
 *       ssh-keygen -l -E sha256 -f key.pub} prints them — the usual choice for a configured
 *       integration;
 *   <li>{@link #acceptAnyHostKeyInsecurely()}: no check at all, for throwaway test servers only.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class HostKeyPolicy {
  private static final Pattern SHA256 = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

  private final @Nullable Path knownHosts;
  private final Set<String> fingerprints;
  private final boolean acceptAny;

  private HostKeyPolicy(@Nullable Path knownHosts, Set<String> fingerprints, boolean acceptAny) {
    this.knownHosts = knownHosts;
    this.fingerprints = Set.copyOf(fingerprints);
    this.acceptAny = acceptAny;
  }

  /**
   * Trusts the keys an OpenSSH {@code known_hosts} file lists for the host (for a port other than
   * 22 the entry reads {@code [host]:port}). The file is read at each connection.
   */
  public static HostKeyPolicy knownHosts(Path file) {
    return new HostKeyPolicy(Objects.requireNonNull(file, "file"), Set.of(), false);
  }

  /**
   * Trusts exactly the host keys with these fingerprints, {@code SHA256:} followed by 43 base64
   * characters (a trailing {@code =} is allowed).
   *
   * @throws IllegalArgumentException if none is given or one is not a SHA-256 fingerprint
   */
  public static HostKeyPolicy fingerprints(String... fingerprints) {
    return fingerprints(List.of(fingerprints));
  }

  /** As {@link #fingerprints(String...)}. */
  public static HostKeyPolicy fingerprints(List<String> fingerprints) {
    Objects.requireNonNull(fingerprints, "fingerprints");
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("give at least one host key fingerprint");
    }
    Set<String> set = new LinkedHashSet<>();
    for (String f : fingerprints) {
      Objects.requireNonNull(f, "fingerprint");
      String trimmed = f.strip();
      if (!SHA256.matcher(trimmed).matches()) {
        throw new IllegalArgumentException(
            "not a SHA-256 host key fingerprint (expected SHA256: and 43 base64 characters,"
                + " as ssh-keygen -l -E sha256 prints): "
                + f);
      }
      set.add(trimmed.endsWith("=") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    }
    return new HostKeyPolicy(null, set, false);
  }

  /**
   * Accepts whatever host key the server presents. This turns off the protection against a
   * man-in-the-middle: anyone who can redirect the connection can read the files and the password.
   * Use it for throwaway test servers only; every connection logs that it is insecure.
   */
  public static HostKeyPolicy acceptAnyHostKeyInsecurely() {
    return new HostKeyPolicy(null, Set.of(), true);
  }

  /** The {@code known_hosts} file, for {@link #knownHosts(Path)}. */
  public Optional<Path> knownHostsFile() {
    return Optional.ofNullable(knownHosts);
  }

  /** The pinned fingerprints without a trailing {@code =}; empty unless pinned. */
  public Set<String> pinnedFingerprints() {
    return fingerprints;
  }

  /** Whether this is {@link #acceptAnyHostKeyInsecurely()}. */
  public boolean acceptsAnyHostKey() {
    return acceptAny;
  }

  @Override
  public String toString() {
    if (acceptAny) {
      return "HostKeyPolicy[accept any host key INSECURELY]";
    }
    return knownHosts != null
        ? "HostKeyPolicy[known_hosts " + knownHosts + "]"
        : "HostKeyPolicy[fingerprints " + fingerprints + "]";
  }
}
