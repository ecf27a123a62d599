package dev.tributary.pgp;

import java.util.List;

/**
 * A message was encrypted to keys, and none of the private keys held has the secret of a key that
 * can decrypt: each holds only signing or certification keys, or stubs. GnuPG exports a private key
 * so when {@code gpg --export-secret-subkeys} is given a signing subkey's fingerprint with {@code
 * !}: the encryption subkey is left out, public part and all, so the message's key ID matches
 * nothing held. {@link #heldFingerprints()} names the keys held. A {@link PgpWrongKeyException}:
 * nothing held opens the message.
 */
public class PgpNoDecryptionKeyException extends PgpWrongKeyException {
  private static final long serialVersionUID = 1L;

  /**
   * @param recipientKeyIds the key IDs the message names, as in {@link PgpWrongKeyException}
   * @param heldFingerprints the fingerprints of the private keys held, none of which can decrypt
   */
  public PgpNoDecryptionKeyException(List<String> recipientKeyIds, List<String> heldFingerprints) {
    super(describe(recipientKeyIds, heldFingerprints), recipientKeyIds, heldFingerprints);
  }

  private static String describe(List<String> recipients, List<String> held) {
    return "the message was encrypted for key ID(s) "
        + String.join(", ", recipients)
        + ", but "
        + (held.size() == 1
            ? "the private key held, " + held.get(0) + ", has no secret key that can decrypt"
            : "none of the private keys held, "
                + String.join(", ", held)
                + ", has a secret key"
                + " that can decrypt")
        + ": only signing or certification keys (as gpg --export-secret-subkeys leaves a key when"
        + " given a signing subkey's fingerprint with '!'); configure the private key exported"
        + " with its encryption subkey";
  }
}
