package dev.tributary.pgp.internal;

import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Makes a key revocation signature (type 0x20) with the primary key, for {@link
 * dev.tributary.pgp.PgpKey#revocationCertificate}, with the owner's Reason for Revocation (RFC
 * 9580, section 5.2.3.31) in its hashed area: its code decides whether the revocation is hard
 * ({@link RevocationReasons#hard}), its comment is the owner's text. Stateless.
 */
public final class Revocation {
  /** The longest comment, in UTF-8 bytes: a paragraph, room enough for why and what replaces it. */
  static final int MAX_COMMENT_BYTES = 1024;

  private Revocation() {}

  /**
   * Refuses a comment GnuPG could not print safely on one terminal line ({@link #refused}), or too
   * long for a reason.
   *
   * @throws IllegalArgumentException naming the first character refused (a format character also by
   *     its Unicode name) and where it is, or the comment's length
   */
  public static void checkComment(String comment) {
    for (int i = 0; i < comment.length(); i += Character.charCount(comment.codePointAt(i))) {
      int c = comment.codePointAt(i);
      String bad = refused(c);
      if (bad != null) {
        throw new IllegalArgumentException(
            String.format(
                "the revocation comment must be one line of text, but holds %s (U+%04X%s) at"
                    + " index %d",
                bad,
                c,
                Character.getType(c) == Character.FORMAT ? " " + Character.getName(c) : "",
                i));
      }
    }
    int bytes = comment.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_COMMENT_BYTES) {
      throw new IllegalArgumentException(
          "the revocation comment is "
              + bytes
              + " bytes in UTF-8, more than the "
              + MAX_COMMENT_BYTES
              + " allowed");
    }
  }

  /**
   * What {@code c} is if a comment may not hold it, else null: a line break (also U+2028 and
   * U+2029), another control character, a lone surrogate, or an invisible format character (Unicode
   * category Cf): the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), with
   * which a comment shows on a terminal as another text, zero-width spaces and joiners, the byte
   * order mark, tags. GnuPG prints them as they are.
   */
  private static @Nullable String refused(int c) {
    if (!TerminalText.hidden(c)) {
      return null; // the characters TerminalText escapes when it shows a comment read from a key
    }
    int type = Character.getType(c);
    if (c == '\n'
        || c == '\r'
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR) {
      return "a line break";
    }
    return switch (type) {
      case Character.CONTROL -> "a control character";
      case Character.SURROGATE -> "a lone surrogate";
      default -> "an invisible format character";
    };
  }

  /**
   * The public ring of {@code key} with a key revocation signature made {@code now} added, made
   * from a copy of the key's ring ({@link KeyRings#copy(PGPSecretKeyRing)}): the key is shared
   * between threads, and the certificate must share no signature object with it. {@code code} is
   * the reason's code, {@code comment} the owner's text, checked by {@link #checkComment}.
   */
  public static PGPPublicKeyRing revoke(UnlockedKeys key, int code, String comment, Instant now) {
    PGPSecretKeyRing ring = KeyRings.copy(key.ring());
    PGPPublicKeyRing publicRing = new PGPPublicKeyRing(KeyEncoding.publicKeys(ring));
    PGPSecretKey primary = ring.getSecretKey();
    PGPPublicKey pub = primary.getPublicKey();
    String missing = UnlockedKeys.primarySecretMissing(primary, "revoke it");
    if (missing != null) {
      throw new PgpKeyException("cannot revoke key " + key.fingerprint() + ": " + missing);
    }
    refuseBeforeMade("revoke", "a revocation", key, now);
    try {
      PGPSignatureGenerator gen =
          Signing.generator(
              pub,
              key.privateKey(primary),
              PGPSignature.KEY_REVOCATION,
              Date.from(now),
              hashed -> hashed.setRevocationReason(false, (byte) code, comment));
      PGPSignature revocation = gen.generateCertification(pub);
      PGPPublicKey revoked = PGPPublicKey.addCertification(publicRing.getPublicKey(), revocation);
      return PGPPublicKeyRing.insertPublicKey(publicRing, revoked);
    } catch (PGPException | RuntimeException e) {
      if (e instanceof TributaryException t) {
        throw t;
      }
      throw new PgpKeyException(
          "cannot revoke key "
              + key.fingerprint()
              + ": its primary key ("
              + KeyDescriber.algorithmName(pub)
              + ") cannot make the revocation signature",
          e);
    }
  }

  /**
   * Refuses to {@code action} (revoke, renew) {@code key} at {@code now} when that is before its
   * primary key was made: signatures dated before their key do not count (RFC 9580 section 5.2.3.11
   * leaves them to the verifier; BouncyCastle, gpg and Sequoia ignore them), so what was made would
   * do nothing, silently.
   */
  static void refuseBeforeMade(String action, String made, UnlockedKeys key, Instant now) {
    Instant created = key.ring().getPublicKey().getCreationTime().toInstant();
    Instant asked = now.truncatedTo(ChronoUnit.SECONDS);
    if (asked.isBefore(created)) {
      throw new PgpKeyException(
          "cannot "
              + action
              + " key "
              + key.fingerprint()
              + ": the time asked, "
              + asked
              + ", is before the key was made, "
              + created
              + ", and "
              + made
              + " dated then would not count; "
              + action
              + " it at a later time");
    }
  }
}
