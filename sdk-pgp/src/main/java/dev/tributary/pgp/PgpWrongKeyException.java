package dev.tributary.pgp;

import java.util.List;

/**
 * Nothing held opens a message: it was encrypted for other keys, or with another password, or the
 * session keys given are not its own. {@link #recipientKeyIds()} are the key IDs the message names
 * (an all-zero ID is a hidden recipient), {@link #heldFingerprints()} the fingerprints of the keys
 * that were tried, {@link #passwordEncryptions()} how many passwords the message is encrypted with,
 * {@link #passwordsTried()} how many were tried and {@link #sessionKeysTried()} how many session
 * keys, so a user can see what the sender used and what to configure. A password or session key is
 * never in the message.
 */
public class PgpWrongKeyException extends PgpKeyException {
  private static final long serialVersionUID = 1L;

  private final List<String> recipientKeyIds;
  private final List<String> heldFingerprints;
  private final int passwordEncryptions;
  private final int passwordsTried;
  private final int sessionKeysTried;

  public PgpWrongKeyException(List<String> recipientKeyIds, List<String> heldFingerprints) {
    this(recipientKeyIds, heldFingerprints, 0, 0);
  }

  /**
   * @param passwordEncryptions how many password-encrypted session keys (SKESK packets) the message
   *     holds
   * @param passwordsTried how many passwords were tried on them
   */
  public PgpWrongKeyException(
      List<String> recipientKeyIds,
      List<String> heldFingerprints,
      int passwordEncryptions,
      int passwordsTried) {
    this(recipientKeyIds, heldFingerprints, passwordEncryptions, passwordsTried, 0);
  }

  /**
   * @param sessionKeysTried how many session keys given to the decryptor were tried
   */
  public PgpWrongKeyException(
      List<String> recipientKeyIds,
      List<String> heldFingerprints,
      int passwordEncryptions,
      int passwordsTried,
      int sessionKeysTried) {
    super(
        describe(
            recipientKeyIds,
            heldFingerprints,
            passwordEncryptions,
            passwordsTried,
            sessionKeysTried));
    this.recipientKeyIds = List.copyOf(recipientKeyIds);
    this.heldFingerprints = List.copyOf(heldFingerprints);
    this.passwordEncryptions = passwordEncryptions;
    this.passwordsTried = passwordsTried;
    this.sessionKeysTried = sessionKeysTried;
  }

  /**
   * For a subclass that says more precisely what is wrong: {@code message}, for a message encrypted
   * to keys only, with none of the given passwords or session keys tried.
   */
  protected PgpWrongKeyException(
      String message, List<String> recipientKeyIds, List<String> heldFingerprints) {
    super(message);
    this.recipientKeyIds = List.copyOf(recipientKeyIds);
    this.heldFingerprints = List.copyOf(heldFingerprints);
    this.passwordEncryptions = 0;
    this.passwordsTried = 0;
    this.sessionKeysTried = 0;
  }

  private static String describe(
      List<String> recipients,
      List<String> held,
      int passwordEncryptions,
      int passwordsTried,
      int sessionKeysTried) {
    if (sessionKeysTried == 0) {
      return describe(recipients, held, passwordEncryptions, passwordsTried);
    }
    String sessionKeys =
        sessionKeysTried == 1
            ? "the session key given does not open the message"
            : "none of the " + sessionKeysTried + " session keys given opens the message";
    if (held.isEmpty() && passwordsTried == 0) {
      return sessionKeys
          + "; check that it is this message's own (from sop decrypt --session-key-out or gpg"
          + " --show-session-key on this message), or configure a private key or password";
    }
    return sessionKeys + ", and " + describe(recipients, held, passwordEncryptions, passwordsTried);
  }

  private static String describe(
      List<String> recipients, List<String> held, int passwordEncryptions, int passwordsTried) {
    if (passwordEncryptions == 0 && held.isEmpty()) {
      return "the message was encrypted for key ID(s) "
          + String.join(", ", recipients)
          + " and not with a password, but no private key is held"
          + (passwordsTried == 0 ? "" : ", so no password can open it")
          + "; configure the private key whose (sub)key ID matches";
    }
    if (passwordEncryptions == 0) {
      return "the message was encrypted for key ID(s) "
          + String.join(", ", recipients)
          + ", but the private key(s) held are "
          + String.join(", ", held)
          + "; configure the private key whose (sub)key ID matches, or ask the sender to"
          + " encrypt to your public key";
    }
    // Passwords from here on: the key part, if any, comes first, joined with " and ".
    String keys = recipients.isEmpty() ? "" : "for key ID(s) " + String.join(", ", recipients);
    String keysHeld =
        recipients.isEmpty()
            ? ""
            : held.isEmpty()
                ? "no private key is held"
                : "the private key(s) held are " + String.join(", ", held);
    String and = recipients.isEmpty() ? "" : " and ";
    StringBuilder m = new StringBuilder("the message was encrypted ");
    m.append(keys).append(and);
    m.append(passwordEncryptions == 1 ? "with a password" : "with passwords");
    m.append(", but ").append(keysHeld).append(and);
    m.append(
        passwordsTried == 0
            ? "no password was given"
            : passwordsTried == 1
                ? "the password given is wrong"
                : "none of the " + passwordsTried + " passwords given is right");
    return m.append("; check the password with the sender, or configure the matching private key")
        .toString();
  }

  /** The key IDs (16 hex digits) the message was encrypted for; 0000000000000000 is hidden. */
  public List<String> recipientKeyIds() {
    return recipientKeyIds;
  }

  /** The fingerprints of the private keys that were tried. */
  public List<String> heldFingerprints() {
    return heldFingerprints;
  }

  /** How many passwords the message is encrypted with (its SKESK packets); 0 for keys only. */
  public int passwordEncryptions() {
    return passwordEncryptions;
  }

  /** How many passwords were tried (none of them fits). */
  public int passwordsTried() {
    return passwordsTried;
  }

  /** How many session keys given to the decryptor were tried (none of them fits). */
  public int sessionKeysTried() {
    return sessionKeysTried;
  }

  /** Whether a password was given and the message is encrypted with one, but none fits. */
  public boolean wrongPassword() {
    return passwordEncryptions > 0 && passwordsTried > 0;
  }
}
