package dev.tributary.pgp;

import java.util.List;

/**
 * None of the private keys held can open a message: it was encrypted for other keys. {@link
 * #recipientKeyIds()} are the key IDs the message names (an all-zero ID is a hidden recipient) and
 * {@link #heldFingerprints()} the fingerprints of the keys that were tried, so a user can see which
 * key the sender used and which one to configure.
 */
public class PgpWrongKeyException extends PgpKeyException {
  private static final long serialVersionUID = 1L;

  private final List<String> recipientKeyIds;
  private final List<String> heldFingerprints;

  public PgpWrongKeyException(List<String> recipientKeyIds, List<String> heldFingerprints) {
    super(
        "the message was encrypted for key ID(s) "
            + String.join(", ", recipientKeyIds)
            + ", but the private key(s) held are "
            + String.join(", ", heldFingerprints)
            + "; configure the private key whose (sub)key ID matches, or ask the sender to"
            + " encrypt to your public key");
    this.recipientKeyIds = List.copyOf(recipientKeyIds);
    this.heldFingerprints = List.copyOf(heldFingerprints);
  }

  /** The key IDs (16 hex digits) the message was encrypted for; 0000000000000000 is hidden. */
  public List<String> recipientKeyIds() {
    return recipientKeyIds;
  }

  /** The fingerprints of the private keys that were tried. */
  public List<String> heldFingerprints() {
    return heldFingerprints;
  }
}
