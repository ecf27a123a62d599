package dev.tributary.pgp;

import dev.tributary.core.TransientException;
import dev.tributary.pgp.internal.AtomicFiles;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.InlineSigning;
import dev.tributary.pgp.internal.InlineVerification;
import dev.tributary.pgp.internal.IoFailures;
import dev.tributary.pgp.internal.SourceFiles;
import dev.tributary.pgp.internal.UnlockedKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Inline-signed messages that are not encrypted: {@link #sign} writes the data and its signatures
 * as one message, {@link #verify} checks one and writes its data out, {@link #detach} splits one
 * into the data and detached signatures ({@link PgpSignatures#verify} checks those). Reads the
 * three forms GnuPG, Sequoia and OpenPGP.js write: one-pass signed messages ({@code gpg --sign}),
 * armored or binary, compressed or not; the older form with the signatures before the literal data;
 * and cleartext-signed messages ({@code gpg --clearsign}, RFC 9580 section 7). Signed-only messages
 * are not confidential: anyone can read their data. Stateless and thread-safe.
 *
 * <p>A message's signatures can only be checked once all of its data has been read, so {@link
 * #verify} has written the data out before it returns its verdict: <b>the caller must discard what
 * it wrote when no verification is valid</b>, or when it throws. {@link #verifyFile} does that for
 * you.
 *
 * <p>Interrupting the calling thread (a host stopping its job) stops {@link #verify}, {@link
 * #verifyFile} and {@link #detach} within 64 KiB of the message's data: of a one-pass or old-style
 * signed message, also while a compressed one (a compression bomb too) is decompressed, and of a
 * cleartext-signed message, whose text (held in memory, up to 64 MiB) is read, hashed and written
 * out in steps of 64 KiB. The call throws a {@code TransientException} "reading the signed message
 * was interrupted", the interrupt flag stays set, and {@link #verifyFile} leaves no file behind. It
 * stops {@link #sign} within 64 KiB of the data too: that throws a {@code TransientException}
 * "signing was interrupted", the flag stays set, and the message is left unfinished as on any
 * failure. A thread interrupted before the call fails the same way.
 */
public final class PgpInlineSignatures {
  /** The form of an inline-signed message. */
  public enum Mode {
    /** Binary data: literal data format {@code 'b'}, signature type 0x00. */
    BINARY,
    /**
     * UTF-8 text: literal data format {@code 'u'}, signature type 0x01. The text is stored with its
     * line endings made CRLF, the canonical form the signature covers, as {@code gpg --textmode}
     * stores it: GnuPG checks a text signature over the stored text as it is. Verifying writes the
     * text with the line endings {@link TextLineEndings} chooses (by default LF on Linux and macOS,
     * so LF text comes back as it was).
     */
    TEXT,
    /**
     * The cleartext signature framework ({@code -----BEGIN PGP SIGNED MESSAGE-----}): the text
     * readable as it is, dash-escaped, then an armored signature of type 0x01 over its lines
     * without their trailing whitespace. For text meant to be read by people; always armored.
     */
    CLEARTEXT
  }

  private PgpInlineSignatures() {}

  /**
   * As {@link #sign(InputStream, OutputStream, List, Mode, boolean, Clock)} on the system UTC
   * clock: the signatures are made now.
   */
  public static void sign(
      InputStream data, OutputStream message, List<PgpKey> keys, Mode mode, boolean armor) {
    sign(data, message, keys, mode, armor, Clock.systemUTC());
  }

  /**
   * Signs {@code data} with each key's signing key and writes the inline-signed message to {@code
   * message}; closes neither stream. {@link Mode#BINARY} and {@link Mode#TEXT} stream in constant
   * memory.
   *
   * <p>If reading {@code data}, making a signature or writing fails, {@code message} holds the part
   * of the message written so far, left unfinished: no last piece of the literal data, no
   * signatures, no armor checksum or {@code -----END} line (a cleartext-signed message: part of its
   * text and no signature block), so that no verifier takes it for a whole message. Discard it.
   * Nothing more is written to {@code message} after the failure.
   *
   * @param armor whether to write {@code -----BEGIN PGP MESSAGE-----} armor; must be {@code true}
   *     for {@link Mode#CLEARTEXT}
   * @param clock when the message is signed, read once at the start: the signatures' creation time
   *     (and a one-pass signed message's literal data time) is its "now" in whole seconds, as
   *     OpenPGP stores it, and each key signs with the signing key valid then, even if that one has
   *     expired since or another is valid now. Pass a clock of your own to make messages a test can
   *     predict ({@code ManualClock} of sdk-testing), or to date them with the time of what they
   *     sign (a {@link Clock#fixed}). A verifier whose clock is more than {@link
   *     SignatureVerification#CLOCK_SKEW_TOLERANCE} behind it finds them made in the future.
   * @throws PgpKeyCannotSignException if a key has no signing key it may use at the clock's now
   * @throws PgpKeyException if a key cannot be unlocked
   * @throws TransientException if reading {@code data} or writing {@code message} fails with an
   *     IOException ("cannot sign: reading the data failed: Input/output error", "cannot sign:
   *     writing the message failed: …"), its cause; or if the thread is interrupted ("signing was
   *     interrupted")
   * @throws IllegalArgumentException if {@code keys} is empty, or {@link Mode#CLEARTEXT} is asked
   *     for without armor
   */
  public static void sign(
      InputStream data,
      OutputStream message,
      List<PgpKey> keys,
      Mode mode,
      boolean armor,
      Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    if (mode == Mode.CLEARTEXT && !armor) {
      throw new IllegalArgumentException("a cleartext-signed message is always armored");
    }
    List<UnlockedKeys> unlocked = PgpKey.unlocked(keys);
    InlineSigning.sign(
        data,
        message,
        unlocked,
        InlineSigning.Form.valueOf(mode.name()),
        armor,
        Engine.of(PgpPolicy.defaults()),
        clock.instant());
  }

  /**
   * As {@link #verify(InputStream, OutputStream, List, PgpPolicy, TextLineEndings)} with {@link
   * TextLineEndings#NATIVE}: text (literal data {@code 't'} or {@code 'u'}) is written with LF line
   * endings where the platform's are LF.
   */
  public static List<SignatureVerification> verify(
      InputStream message, OutputStream data, List<PgpCertificate> certificates, PgpPolicy policy) {
    return verify(message, data, certificates, policy, TextLineEndings.NATIVE);
  }

  /**
   * As {@link #verify(InputStream, OutputStream, List, PgpPolicy, TextLineEndings, Clock)} on the
   * system UTC clock.
   */
  public static List<SignatureVerification> verify(
      InputStream message,
      OutputStream data,
      List<PgpCertificate> certificates,
      PgpPolicy policy,
      TextLineEndings lineEndings) {
    return verify(message, data, certificates, policy, lineEndings, Clock.systemUTC());
  }

  /**
   * Checks the inline-signed {@code message} against {@code certificates}, writing its data to
   * {@code data} as it streams (a cleartext-signed message's text without the trailing whitespace
   * of its lines, which is not signed); returns one verification per signature, valid or not.
   * Closes neither stream. The data is written <em>before</em> the verdict is known: discard it
   * unless a verification is valid.
   *
   * @param lineEndings what the CRLF line endings of text (literal data {@code 't'} or {@code 'u'})
   *     become; binary data and a cleartext-signed message's text are written as they are. The
   *     signatures are checked over the data as stored, whatever this says.
   * @param clock what the signatures are judged against, read as each is checked: one whose
   *     expiration time has passed on it is not valid, nor one made more than {@link
   *     SignatureVerification#CLOCK_SKEW_TOLERANCE} after its "now". The signing key's validity is
   *     judged at the signature's creation time. Pass a clock of your own to check a message as of
   *     another time (a test's {@code ManualClock}, a host's job clock).
   * @throws PgpDataException if {@code message} is not an inline-signed message, or is malformed
   */
  public static List<SignatureVerification> verify(
      InputStream message,
      OutputStream data,
      List<PgpCertificate> certificates,
      PgpPolicy policy,
      TextLineEndings lineEndings,
      Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(lineEndings, "lineEndings");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(certificates, "certificates");
    List<PGPPublicKeyRing> rings = PgpCertificate.rings(certificates);
    return InlineVerification.verify(
        message, data, rings, Engine.of(policy), lineEndings.convertsToLf(), clock);
  }

  /**
   * As {@link #verifyFile(Path, Path, List, PgpPolicy, TextLineEndings)} with {@link
   * TextLineEndings#NATIVE}.
   */
  public static List<SignatureVerification> verifyFile(
      Path message, Path data, List<PgpCertificate> certificates, PgpPolicy policy) {
    return verifyFile(message, data, certificates, policy, TextLineEndings.NATIVE);
  }

  /**
   * As {@link #verifyFile(Path, Path, List, PgpPolicy, TextLineEndings, Clock)} on the system UTC
   * clock.
   */
  public static List<SignatureVerification> verifyFile(
      Path message,
      Path data,
      List<PgpCertificate> certificates,
      PgpPolicy policy,
      TextLineEndings lineEndings) {
    return verifyFile(message, data, certificates, policy, lineEndings, Clock.systemUTC());
  }

  /**
   * Checks the inline-signed file {@code message} and writes its data to {@code data}: into a
   * temporary file next to it, renamed to {@code data} (replacing it) only once a signature was
   * found valid; otherwise nothing is left behind. Text is written with the line endings {@code
   * lineEndings} chooses, and the signatures judged against {@code clock}, as in {@link
   * #verify(InputStream, OutputStream, List, PgpPolicy, TextLineEndings, Clock)}.
   *
   * @return the verifications, at least one of them valid
   * @throws PgpDataException ({@link PgpDataException.Reason#BAD_SIGNATURE}) if no signature is
   *     valid, or as {@link #verify}
   * @throws TransientException if reading {@code message} or writing {@code data} fails (reading:
   *     "cannot verify a.gpg: cannot read a.gpg: Input/output error")
   */
  public static List<SignatureVerification> verifyFile(
      Path message,
      Path data,
      List<PgpCertificate> certificates,
      PgpPolicy policy,
      TextLineEndings lineEndings,
      Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(lineEndings, "lineEndings");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(data, "data");
    List<List<SignatureVerification>> result = new ArrayList<>();
    try {
      AtomicFiles.write(
          data,
          out -> {
            try (InputStream in = SourceFiles.open(message)) {
              List<SignatureVerification> v =
                  verify(in, out, certificates, policy, lineEndings, clock);
              if (v.stream().noneMatch(SignatureVerification::valid)) {
                throw noValidSignature(v);
              }
              result.add(v);
            }
          });
    } catch (IOException e) {
      throw IoFailures.failed("cannot verify " + message + ": ", InlineVerification.INTERRUPTED, e);
    } catch (RuntimeException e) {
      throw SourceFiles.named("cannot verify " + message + ": ", e);
    }
    return result.get(0);
  }

  private static PgpDataException noValidSignature(List<SignatureVerification> v) {
    return new PgpDataException(
        PgpDataException.Reason.BAD_SIGNATURE,
        v.isEmpty()
            ? "the message has no signature"
            : "the message has no valid signature by a verification certificate: "
                + v.get(0).problem());
  }

  /**
   * Splits the inline-signed {@code message} into its data, written to {@code data} (a
   * cleartext-signed message's text as it was signed: without trailing whitespace on its lines or
   * the line ending before the signature), and its signatures, written to {@code signatures} as
   * detached signatures. Checks no signature. Closes neither stream. Text is written as stored,
   * CRLF line endings and all: the detached signatures are over those octets.
   *
   * @param armor whether to armor the signatures ({@code -----BEGIN PGP SIGNATURE-----})
   * @return how many signatures the message held
   * @throws PgpDataException if {@code message} is not an inline-signed message, or is malformed
   */
  public static int detach(
      InputStream message, OutputStream data, OutputStream signatures, boolean armor) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signatures, "signatures");
    return InlineVerification.detach(message, data, signatures, armor);
  }
}
