package dev.tributary.pgp;

import dev.tributary.core.TransientException;
import dev.tributary.pgp.internal.DetachedSignatures;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.UnlockedKeys;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Detached signatures: {@link #sign} writes a signature over data, {@link #verify} checks one.
 * Stateless and thread-safe.
 */
public final class PgpSignatures {
  private PgpSignatures() {}

  /**
   * Signs {@code data} with each key's signing key and writes binary signatures (type 0x00) to
   * {@code signature}; the same as {@link #sign(InputStream, OutputStream, List, SignatureType,
   * boolean)} with {@link SignatureType#BINARY}.
   */
  public static List<CreatedSignature> sign(
      InputStream data, OutputStream signature, List<PgpKey> keys, boolean armor) {
    return sign(data, signature, keys, SignatureType.BINARY, armor);
  }

  /**
   * As {@link #sign(InputStream, OutputStream, List, SignatureType, boolean, Clock)} on the system
   * UTC clock: the signatures are made now.
   */
  public static List<CreatedSignature> sign(
      InputStream data,
      OutputStream signature,
      List<PgpKey> keys,
      SignatureType type,
      boolean armor) {
    return sign(data, signature, keys, type, armor, Clock.systemUTC());
  }

  /**
   * Signs {@code data} with each key's signing key and writes the detached signature(s) to {@code
   * signature}; closes neither stream. Streams in constant memory. With {@link SignatureType#TEXT}
   * the signatures cover the data as text with CRLF line endings ({@code gpg --textmode}): it
   * should be UTF-8 text, which is not checked, and copies of it with other line endings verify as
   * well. The signatures are written only once all of {@code data} has been read and every
   * signature made: a failure before then writes nothing to {@code signature}.
   *
   * <p>Interrupting the calling thread (a host stopping its job) stops the call within 64 KiB of
   * {@code data}: it throws a {@link TransientException} "signing was interrupted", the interrupt
   * flag stays set, and nothing is written to {@code signature}. A thread interrupted before the
   * call fails the same way.
   *
   * @param armor whether to write {@code -----BEGIN PGP SIGNATURE-----} armor
   * @param clock when the signatures are made, read once at the start: their creation time is its
   *     "now" in whole seconds (as OpenPGP stores it), and each key signs with the signing key
   *     valid then, even if that one has expired since or another is valid now. Pass a clock of
   *     your own to make signatures a test can predict ({@code ManualClock} of sdk-testing), or to
   *     date them with the time of what they sign (a {@link Clock#fixed}). A verifier whose clock
   *     is more than {@link SignatureVerification#CLOCK_SKEW_TOLERANCE} behind it finds them made
   *     in the future.
   * @return the signatures made, one for each key, in the order of {@code keys}
   * @throws PgpKeyCannotSignException if a key has no signing key it may use at the clock's now
   * @throws PgpKeyException if a key cannot be unlocked
   * @throws TransientException if reading {@code data} or writing {@code signature} fails, or the
   *     thread is interrupted
   * @throws IllegalArgumentException if {@code keys} is empty
   */
  public static List<CreatedSignature> sign(
      InputStream data,
      OutputStream signature,
      List<PgpKey> keys,
      SignatureType type,
      boolean armor,
      Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    List<UnlockedKeys> unlocked = PgpKey.unlocked(keys);
    return DetachedSignatures.sign(
        data, signature, unlocked, type, armor, Engine.of(PgpPolicy.defaults()), clock.instant());
  }

  /**
   * As {@link #verify(InputStream, InputStream, List, PgpPolicy, Clock)} on the system UTC clock.
   */
  public static List<SignatureVerification> verify(
      InputStream data,
      InputStream signatures,
      List<PgpCertificate> certificates,
      PgpPolicy policy) {
    return verify(data, signatures, certificates, policy, Clock.systemUTC());
  }

  /**
   * Checks the detached signature(s) in {@code signatures} over {@code data} against {@code
   * certificates}; returns one verification per signature, valid or not. Closes neither stream.
   *
   * @param clock what the signatures are judged against, read as each is checked: one whose
   *     expiration time has passed on it is not valid, nor one made more than {@link
   *     SignatureVerification#CLOCK_SKEW_TOLERANCE} after its "now". The signing key's validity is
   *     judged at the signature's creation time. Pass a clock of your own to check a signature as
   *     of another time (a test's {@code ManualClock}, a host's job clock).
   * @throws PgpDataException if {@code signatures} is not OpenPGP signature data
   */
  public static List<SignatureVerification> verify(
      InputStream data,
      InputStream signatures,
      List<PgpCertificate> certificates,
      PgpPolicy policy,
      Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(certificates, "certificates");
    List<PGPPublicKeyRing> rings = PgpCertificate.rings(certificates);
    return DetachedSignatures.verify(data, signatures, rings, Engine.of(policy), clock);
  }
}
