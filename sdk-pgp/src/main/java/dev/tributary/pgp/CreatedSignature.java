package dev.tributary.pgp;

import java.time.Instant;
import java.util.Objects;

/**
 * A signature that {@link PgpSignatures#sign} made.
 *
 * @param keyFingerprint the fingerprint of the private key it was asked to sign with
 * @param signingKeyFingerprint the fingerprint of the (sub)key that made it
 * @param type what it covers: the octets, or the text with CRLF line endings
 * @param hashAlgorithm the hash it was made with, as PGP/MIME's {@code micalg} names it ({@link
 *     HashAlgorithm#textName()})
 * @param created when it was made, in whole seconds
 */
public record CreatedSignature(
    String keyFingerprint,
    String signingKeyFingerprint,
    SignatureType type,
    HashAlgorithm hashAlgorithm,
    Instant created) {

  public CreatedSignature {
    Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    Objects.requireNonNull(signingKeyFingerprint, "signingKeyFingerprint");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
    Objects.requireNonNull(created, "created");
  }
}
