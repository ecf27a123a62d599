package dev.tributary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fixed SSH keys for tests, with their fingerprints, so that a test can pin a host key or authorize
 * a client key without generating one. Made with {@code ssh-keygen} and committed under {@code
 * dev/tributary/testing/ssh/}; the fingerprints are what {@code ssh-keygen -l -E sha256} prints.
 * Every key here is public knowledge: use them in tests only.
 *
 * <p>The protected keys use the passphrase {@value #PASSPHRASE}.
 */
public final class SshTestKeys {
  /** The passphrase of {@link #CLIENT_ED25519_PROTECTED} and {@link #CLIENT_RSA_PEM_PROTECTED}. */
  public static final String PASSPHRASE = "tributary-test-passphrase";

  /** Ed25519 in the OpenSSH format, no passphrase. */
  public static final SshTestKey CLIENT_ED25519 =
      load("client_ed25519", "SHA256:1XrX+XBF6RDrL3bpC5GsEKnLjBHnlpRH3YAUZP5RVDw", "");

  /** Ed25519 in the OpenSSH format, protected by {@link #PASSPHRASE}. */
  public static final SshTestKey CLIENT_ED25519_PROTECTED =
      load(
          "client_ed25519_protected",
          "SHA256:+4SK6DF1L6pJ87AZ1/Pd3279AuOTdCHv3/cqa5F6iik",
          PASSPHRASE);

  /** RSA 3072 in the PEM ("BEGIN RSA PRIVATE KEY") format, no passphrase. */
  public static final SshTestKey CLIENT_RSA_PEM =
      load("client_rsa_pem", "SHA256:pugPomropLCMnacTyMy8pDMJ2Oz65qaer3xNRhY5S90", "");

  /** RSA 3072 in the encrypted PEM format, protected by {@link #PASSPHRASE}. */
  public static final SshTestKey CLIENT_RSA_PEM_PROTECTED =
      load(
          "client_rsa_pem_protected",
          "SHA256:NVaHHTHCyLbgZh/ktUCxoHAR1mPmyHxLpIU7WT8uDm0",
          PASSPHRASE);

  /** An ECDSA P-256 host key (OpenSSH format), the embedded server's default. */
  public static final SshTestKey HOST_ECDSA =
      load("host_ecdsa", "SHA256:TZPz/uogU+1og0o2uby7bcvcnUHqQwwBHenY9p/YdiU", "");

  /** An Ed25519 host key (OpenSSH format), for a second server or a "changed host key" test. */
  public static final SshTestKey HOST_ED25519 =
      load("host_ed25519", "SHA256:5wKLO2bRdUvrNMGkPa6AsjpZyBBTbYlWy87rbCNPvU0", "");

  private SshTestKeys() {}

  /** Every client key above. */
  public static List<SshTestKey> clientKeys() {
    return List.of(
        CLIENT_ED25519, CLIENT_ED25519_PROTECTED, CLIENT_RSA_PEM, CLIENT_RSA_PEM_PROTECTED);
  }

  private static SshTestKey load(String name, String fingerprint, String passphrase) {
    return new SshTestKey(
        name, resource(name), resource(name + ".pub").strip(), fingerprint, passphrase);
  }

  private static String resource(String file) {
    String path = "ssh/" + file;
    try (InputStream in = SshTestKeys.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("test key resource missing: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test key " + path, e);
    }
  }
}
