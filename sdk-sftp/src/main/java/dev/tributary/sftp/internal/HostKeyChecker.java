package dev.tributary.sftp.internal;

import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.HostKeyRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link HostKeyPolicy} for one connection and remembers why it refused a key, so that
 * the caller can throw a {@link HostKeyRejectedException} with the fingerprint. Used by one
 * connection attempt only.
 */
final class HostKeyChecker implements HostKeyVerifier {
  private static final Logger log = LoggerFactory.getLogger(HostKeyChecker.class);

  private final HostKeyPolicy policy;
  private final @Nullable KnownHosts knownHosts;
  private @Nullable HostKeyRejectedException rejection;

  /**
   * Reads the policy's {@code known_hosts} file now, in the connecting thread.
   *
   * @throws dev.tributary.core.ConfigException if the file does not exist
   */
  HostKeyChecker(HostKeyPolicy policy) {
    this.policy = policy;
    this.knownHosts = policy.knownHostsFile().map(KnownHosts::read).orElse(null);
  }

  /** Why the key was refused, if it was. */
  @Nullable HostKeyRejectedException rejection() {
    return rejection;
  }

  @Override
  public boolean verify(String host, int port, PublicKey key) {
    String fingerprint = fingerprint(key);
    String type = KeyType.fromKey(key).toString();
    if (policy.acceptsAnyHostKey()) {
      log.warn(
          "INSECURE: accepting any host key; {}:{} offered {} {}", host, port, type, fingerprint);
      return true;
    }
    if (policy.pinnedFingerprints().contains(fingerprint)) {
      return true;
    }
    Path file = policy.knownHostsFile().orElse(null);
    if (file != null && knownHosts != null) {
      return verifyKnownHosts(knownHosts, file, host, port, key, type, fingerprint);
    }
    rejection = rejected(host, port, type, fingerprint, false, pinnedAdvice(fingerprint));
    return false;
  }

  private boolean verifyKnownHosts(
      KnownHosts knownHosts,
      Path file,
      String host,
      int port,
      PublicKey key,
      String type,
      String fingerprint) {
    if (knownHosts.verify(host, port, key)) {
      return true;
    }
    String entry = (port == 22 ? host : "[" + host + "]:" + port) + " " + type + " " + blob(key);
    String advice =
        knownHosts.changed
            ? "it differs from the key that "
                + file
                + " lists for this host: the server may have been reinstalled, or someone may be"
                + " intercepting the connection. Check the fingerprint with the server's"
                + " administrator; if it is right, replace the old line in "
                + file
                + " with: "
                + entry
            : "it is not in "
                + file
                + ". Check the fingerprint with the server's administrator; if it is right,"
                + " add this line to that file: "
                + entry;
    rejection = rejected(host, port, type, fingerprint, knownHosts.changed, advice);
    return false;
  }

  private static String pinnedAdvice(String fingerprint) {
    return "it matches none of the pinned fingerprints. If the server's administrator confirms"
        + " this fingerprint, pin it: HostKeyPolicy.fingerprints(\""
        + fingerprint
        + "\") (runner: --fingerprint "
        + fingerprint
        + ")";
  }

  private static HostKeyRejectedException rejected(
      String host, int port, String type, String fingerprint, boolean changed, String advice) {
    String message =
        (changed ? "HOST KEY CHANGED: " : "")
            + "the host key of "
            + host
            + ":"
            + port
            + " ("
            + type
            + " "
            + fingerprint
            + ") is not trusted: "
            + advice;
    return new HostKeyRejectedException(host, port, type, fingerprint, changed, message);
  }

  @Override
  public List<String> findExistingAlgorithms(String host, int port) {
    return knownHosts == null ? List.of() : knownHosts.findExistingAlgorithms(host, port);
  }

  /** The OpenSSH SHA-256 fingerprint of a public key: {@code SHA256:} + unpadded base64. */
  static String fingerprint(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blobBytes(key));
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String blob(PublicKey key) {
    return Base64.getEncoder().encodeToString(blobBytes(key));
  }

  private static byte[] blobBytes(PublicKey key) {
    return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
  }

  /** sshj's known_hosts parser, remembering whether a key for the host existed. */
  private static final class KnownHosts extends OpenSSHKnownHosts {
    private boolean changed;

    private KnownHosts(java.io.Reader reader) throws IOException {
      super(reader);
    }

    static KnownHosts read(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new dev.tributary.core.ConfigException(
            "hostKeys", "the known_hosts file " + file + " does not exist", null);
      }
      try (var reader = Files.newBufferedReader(file)) {
        return new KnownHosts(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read known_hosts file " + file, e);
      }
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
      changed = true;
      return false;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
      return false;
    }
  }
}
