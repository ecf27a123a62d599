package dev.tributary.pgp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking one signature.
 *
 * @param keyId the ID of the key that made it (from the signature), 16 hex digits; empty if the
 *     signature names no issuer (neither an issuer fingerprint nor an issuer key ID subpacket,
 *     which RFC 9580 lets a signature leave out), which is then never valid
 * @param signerFingerprint the fingerprint of the certificate that verified it, or {@code null} if
 *     no verification certificate holds that key
 * @param signingKeyFingerprint the fingerprint of the (sub)key that made it, when known
 * @param created when it was made
 * @param type what it covers ({@code gpg --textmode} and {@code sop --as=text} make {@link
 *     SignatureType#TEXT} signatures), or {@code null} for a signature that is not over data at all
 *     (a certification, say), which is never valid
 * @param valid whether it is a correct signature by a valid key of a verification certificate
 * @param problem why it is not valid, or {@code null} if it is
 */
public record SignatureVerification(
    String keyId,
    @Nullable String signerFingerprint,
    @Nullable String signingKeyFingerprint,
    Instant created,
    @Nullable SignatureType type,
    boolean valid,
    @Nullable String problem) {

  /**
   * How far past the verifier's clock a signature may be made and still be valid: 30 minutes, as
   * Sequoia allows ({@code CLOCK_SKEW_TOLERANCE}). A signature made on a machine whose clock runs
   * ahead, or in the next second by a signer that started after the verifier read its clock
   * (signature times are whole seconds), is valid; one made later than this after the verifier's
   * "now" is not ("made in the future"). GnuPG 2.2 sets no such bound and accepts any.
   */
  public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(30);

  public SignatureVerification {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(created, "created");
  }

  /** Why the signature is not valid, if it is not. */
  public Optional<String> failure() {
    return Optional.ofNullable(problem);
  }
}
