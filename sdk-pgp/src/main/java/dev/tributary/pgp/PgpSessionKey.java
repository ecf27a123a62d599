package dev.tributary.pgp;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.internal.CipherNames;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.jspecify.annotations.Nullable;

/**
 * The session key of one message: its cipher and the key that encrypts its data. Whoever holds it
 * can read that message, and no other, without the private key or password: a support engineer can
 * hand it over instead of a key ({@code gpg --show-session-key}, {@code sop decrypt
 * --session-key-out}), and {@link PgpDecryptor.Builder#sessionKey} decrypts with it.
 *
 * <p>The text form is the one of the stateless OpenPGP command line (draft-dkg-openpgp-stateless-
 * cli) and of gpg's {@code --override-session-key}: the decimal algorithm ID, a colon and the key
 * in hex, {@code 9:3F0A…} for AES-256. {@link #parse} reads it, {@link #revealText} writes it.
 *
 * <p>A secret like {@link Secret}: {@link #toString()} names the cipher only, and no exception
 * message quotes the key. It holds its own copy of the key, which {@link #destroy()} overwrites
 * with zeros once it is no longer needed (the JVM may have copied it elsewhere before, which no
 * Java code can reach); it is {@link Destroyable}, not {@link AutoCloseable}, because most session
 * keys live as long as the decryptor or result that holds them. Thread-safe, and immutable until
 * destroyed; equal when cipher and key are equal (compared in constant time) and neither is
 * destroyed.
 */
public final class PgpSessionKey implements Destroyable {
  private final SymmetricAlgorithm algorithm;
  private final byte[] key;
  private volatile boolean destroyed;

  private PgpSessionKey(SymmetricAlgorithm algorithm, byte[] key) {
    this.algorithm = algorithm;
    this.key = key;
  }

  /**
   * A session key for {@code algorithm}; {@code key} is copied, not kept.
   *
   * @throws IllegalArgumentException if the key's length is not the cipher's
   */
  public static PgpSessionKey of(SymmetricAlgorithm algorithm, byte[] key) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
    requireLength(algorithm, key.length);
    return new PgpSessionKey(algorithm, key.clone());
  }

  /**
   * Reads the text form {@code ALGONUM:HEXKEY}, hex digits in upper or lower case; whitespace
   * around it (a file's final newline) is ignored.
   *
   * @throws IllegalArgumentException saying what is wrong (no colon, an unknown algorithm ID, a
   *     character that is not a hex digit, an odd number of digits, a key length that does not fit
   *     the cipher), never quoting the key
   */
  public static PgpSessionKey parse(CharSequence text) {
    String s = Objects.requireNonNull(text, "text").toString().strip();
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw invalid("it has no colon");
    }
    SymmetricAlgorithm algorithm = algorithm(s.substring(0, colon));
    String hex = s.substring(colon + 1);
    if (hex.isEmpty()) {
      throw invalid("it has no key after the colon");
    }
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw invalid("character " + (i + 1) + " of the key is not a hex digit");
      }
    }
    if (hex.length() % 2 != 0) {
      throw invalid("its key has an odd number of hex digits (" + hex.length() + ")");
    }
    requireLength(algorithm, hex.length() / 2);
    return new PgpSessionKey(algorithm, HexFormat.of().parseHex(hex));
  }

  private static SymmetricAlgorithm algorithm(String number) {
    if (!number.matches("[0-9]{1,3}")) {
      throw invalid("the part before the colon is not a decimal algorithm ID");
    }
    int id = Integer.parseInt(number);
    if (id == 0) {
      throw invalid("algorithm ID 0 is plaintext, not a cipher");
    }
    try {
      return SymmetricAlgorithm.ofId(id);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "algorithm "
              + CipherNames.describe(id)
              + " is not a symmetric cipher this library"
              + " implements");
    }
  }

  private static void requireLength(SymmetricAlgorithm algorithm, int length) {
    if (length != algorithm.keyLength()) {
      throw new IllegalArgumentException(
          ("AEIOU".indexOf(algorithm.displayName().charAt(0)) >= 0 ? "an " : "a ")
              + algorithm.displayName()
              + " session key has "
              + algorithm.keyLength()
              + " bytes ("
              + 2 * algorithm.keyLength()
              + " hex digits), not "
              + length);
    }
  }

  private static IllegalArgumentException invalid(String what) {
    return new IllegalArgumentException(
        "not a session key: "
            + what
            + "; expected the decimal algorithm ID, a colon and the key in hex, such as 9:"
            + "<64 hex digits> for AES-256");
  }

  public SymmetricAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * A copy of the key bytes, which the caller owns (overwrite it with zeros when done). Never log
   * them, never put them in a message.
   *
   * @throws IllegalStateException if the key has been {@linkplain #destroy() destroyed}
   */
  public byte[] revealKey() {
    byte[] copy = key.clone();
    requireNotDestroyed(); // after the copy: a destroy() in between would leave zeros in it
    return copy;
  }

  /**
   * The text form, {@code ALGONUM:HEXKEY} with upper-case hex and no newline, as {@code sop decrypt
   * --session-key-out} writes it and {@code gpg --override-session-key} reads it. Never log it.
   *
   * @throws IllegalStateException if the key has been {@linkplain #destroy() destroyed}
   */
  public String revealText() {
    String text = algorithm.id() + ":" + HexFormat.of().withUpperCase().formatHex(key);
    requireNotDestroyed();
    return text;
  }

  /**
   * Overwrites this object's copy of the key with zeros. Afterwards {@link #revealKey} and {@link
   * #revealText} throw {@link IllegalStateException}, and so does a decryption by a {@link
   * PgpDecryptor} given this key ({@link PgpDecryptor.Builder#sessionKey}): destroy a key only once
   * nothing will decrypt with it again. Copies handed out by {@link #revealKey} and {@link
   * #revealText} are the caller's and stay as they are. Destroying twice does nothing more.
   */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void requireNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException(
          "the " + algorithm.displayName() + " session key has been destroyed");
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof PgpSessionKey other
            && algorithm == other.algorithm
            && MessageDigest.isEqual(key, other.key)
            && !destroyed
            && !other.destroyed);
  }

  @Override
  public int hashCode() {
    return algorithm.id(); // nothing of the key
  }

  /** The cipher, never the key, destroyed or not: {@code PgpSessionKey[AES-256, ****]}. */
  @Override
  public String toString() {
    return "PgpSessionKey[" + algorithm.displayName() + ", " + Secret.REDACTED + "]";
  }
}
