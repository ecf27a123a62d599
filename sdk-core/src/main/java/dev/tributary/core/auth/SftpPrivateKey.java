package dev.tributary.core.auth;

import java.util.Objects;

/**
 * An SFTP login with a private key in OpenSSH ({@code -----BEGIN OPENSSH PRIVATE KEY-----}) or PEM
 * format; {@link #passphrase()} is {@link Secret#empty()} when the key is not protected.
 */
public record SftpPrivateKey(String username, Secret privateKey, Secret passphrase)
    implements Authorization {
  public SftpPrivateKey {
    Require.nonBlank(username, "username");
    Require.nonEmpty(privateKey, "privateKey");
    Objects.requireNonNull(passphrase, "passphrase");
  }

  @Override
  public String kind() {
    return "SFTP private key";
  }
}
