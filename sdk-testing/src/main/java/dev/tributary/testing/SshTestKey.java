package dev.tributary.testing;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.auth.SftpPrivateKey;
import java.util.Objects;

/**
 * One fixed SSH key pair for tests, from {@link SshTestKeys}: the private key as its file text
 * (OpenSSH or PEM), the public key as an {@code authorized_keys} line and its OpenSSH {@code
 * SHA256:} fingerprint. These keys are public: never trust them anywhere but in a test.
 *
 * @param name a short name for messages, such as {@code client_ed25519}
 * @param privateKey the private key file's text
 * @param publicKey the public key as one {@code authorized_keys} / {@code known_hosts} line: type,
 *     base64 blob and comment
 * @param fingerprint the fingerprint {@code ssh-keygen -l -E sha256} prints, {@code SHA256:…}
 * @param passphrase the passphrase protecting {@code privateKey}, or empty when there is none
 */
public record SshTestKey(
    String name, String privateKey, String publicKey, String fingerprint, String passphrase) {
  public SshTestKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(passphrase, "passphrase");
  }

  /** The key type of the public key: {@code ssh-ed25519}, {@code ssh-rsa}, {@code ecdsa-…}. */
  public String type() {
    return publicKey.split(" ", 2)[0];
  }

  /** The public key without its comment: type and base64 blob. */
  public String publicKeyWithoutComment() {
    String[] parts = publicKey.split(" ", 3);
    return parts[0] + " " + parts[1];
  }

  /** This key as the SDK's login credential for {@code username}. */
  public SftpPrivateKey authorization(String username) {
    return Authorization.sftpPrivateKey(
        username,
        Secret.of(privateKey),
        passphrase.isEmpty() ? Secret.empty() : Secret.of(passphrase));
  }

  @Override
  public String toString() {
    return "SshTestKey[" + name + " " + type() + " " + fingerprint + "]";
  }
}
