package dev.tributary.core.auth;

import java.util.Objects;

/**
 * An ASCII-armored OpenPGP private key, to decrypt imported files: the pair of the public key the
 * sender encrypted to. {@link #passphrase()} is {@link Secret#empty()} when the key is not
 * protected.
 */
public record PgpPrivateKey(Secret armoredKey, Secret passphrase) implements Authorization {
  public PgpPrivateKey {
    Require.nonEmpty(armoredKey, "armoredKey");
    Objects.requireNonNull(passphrase, "passphrase");
  }

  @Override
  public String kind() {
    return "PGP private key";
  }
}
