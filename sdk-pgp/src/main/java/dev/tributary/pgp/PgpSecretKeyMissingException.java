package dev.tributary.pgp;

import java.util.List;

/**
 * A message was encrypted to a subkey of a private key that is held, but the secret part of that
 * subkey is not in it: the key holds only a stub, as GnuPG leaves one when a subkey's secret was
 * deleted or exported without it ({@code gpg --export-secret-subkeys}, S2K mode 1001 gnu-dummy), or
 * the secret is on a smartcard (a divert-to-card stub, S2K mode 1002), which this library cannot
 * use. {@link #subkeyFingerprint()} names the subkey, {@link #onSmartcard()} says which of the two
 * it is. A {@link PgpWrongKeyException}: nothing held opens the message.
 */
public class PgpSecretKeyMissingException extends PgpWrongKeyException {
  private static final long serialVersionUID = 1L;

  private final String keyFingerprint;
  private final String subkeyFingerprint;
  private final boolean onSmartcard;

  /**
   * @param recipientKeyIds the key IDs the message names, as in {@link PgpWrongKeyException}
   * @param heldFingerprints the fingerprints of the private keys held
   * @param keyFingerprint the fingerprint of the private key that holds the stub
   * @param subkeyFingerprint the fingerprint of the (sub)key the message was encrypted to
   * @param onSmartcard whether the stub says the secret is on a smartcard
   */
  public PgpSecretKeyMissingException(
      List<String> recipientKeyIds,
      List<String> heldFingerprints,
      String keyFingerprint,
      String subkeyFingerprint,
      boolean onSmartcard) {
    super(
        describe(keyFingerprint, subkeyFingerprint, onSmartcard),
        recipientKeyIds,
        heldFingerprints);
    this.keyFingerprint = keyFingerprint;
    this.subkeyFingerprint = subkeyFingerprint;
    this.onSmartcard = onSmartcard;
  }

  private static String describe(String key, String subkey, boolean onSmartcard) {
    String start =
        "the message was encrypted to subkey "
            + subkey
            + " of private key "
            + key
            + ", which is held, but ";
    if (onSmartcard) {
      return start
          + "the secret of that subkey is on a smartcard (the key holds a GnuPG divert-to-card"
          + " stub for it), and a smartcard cannot be used here; decrypt with gpg and the card";
    }
    return start
        + "the secret of that subkey is missing: the key holds only a stub for it (GnuPG's"
        + " gnu-dummy, as left by gpg --export-secret-subkeys or a deleted subkey secret);"
        + " configure the private key exported with that subkey's secret";
  }

  /** The fingerprint of the private key that holds the stub. */
  public String keyFingerprint() {
    return keyFingerprint;
  }

  /** The fingerprint of the subkey (or primary key) the message was encrypted to. */
  public String subkeyFingerprint() {
    return subkeyFingerprint;
  }

  /** Whether the secret is on a smartcard (a divert-to-card stub) rather than simply absent. */
  public boolean onSmartcard() {
    return onSmartcard;
  }
}
