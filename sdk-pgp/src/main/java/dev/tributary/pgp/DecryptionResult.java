package dev.tributary.pgp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What decryption found out about a message, available once the whole message has been read and its
 * integrity checked.
 *
 * @param fileName the file name stored in the message (often empty)
 * @param modificationTime the time stored in the message
 * @param symmetricAlgorithm the cipher it was encrypted with
 * @param aead whether it was AEAD-protected (SEIPD v2 or GnuPG's OCB), else SEIPD v1 with an MDC
 * @param decryptionKeyFingerprint the fingerprint of the (sub)key that opened it; empty when a
 *     password did
 * @param signatures every signature in the message, checked unless the policy said to ignore them
 * @param plaintextBytes how many bytes of plaintext it held
 */
public record DecryptionResult(
    String fileName,
    Instant modificationTime,
    SymmetricAlgorithm symmetricAlgorithm,
    boolean aead,
    String decryptionKeyFingerprint,
    List<SignatureVerification> signatures,
    long plaintextBytes) {

  public DecryptionResult {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(modificationTime, "modificationTime");
    Objects.requireNonNull(symmetricAlgorithm, "symmetricAlgorithm");
    Objects.requireNonNull(decryptionKeyFingerprint, "decryptionKeyFingerprint");
    signatures = List.copyOf(signatures);
  }

  /** Whether a password opened the message, rather than a key. */
  public boolean openedWithPassword() {
    return decryptionKeyFingerprint.isEmpty();
  }

  /** The first valid signature, if any. */
  public Optional<SignatureVerification> validSignature() {
    return signatures.stream().filter(SignatureVerification::valid).findFirst();
  }
}
