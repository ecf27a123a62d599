package dev.tributary.pgp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What decryption found out about a message, available once the whole message has been read and its
 * integrity checked.
 *
 * @param fileName the file name stored in the message (often empty), as the sender chose it: it may
 *     hold folders, {@code ..}, control characters, bidirectional controls that show it in another
 *     order, characters this JVM cannot put into a file name or a Windows device name, so make it
 *     safe with {@link PgpFileNames#safeName} before using it as a file name or showing it
 * @param modificationTime the time stored in the message
 * @param symmetricAlgorithm the cipher it was encrypted with
 * @param aead whether it was AEAD-protected (SEIPD v2 or GnuPG's OCB), else SEIPD v1 with an MDC
 * @param decryptionKeyFingerprint the fingerprint of the (sub)key that opened it; empty when a
 *     password or a given session key did
 * @param signatures every signature in the message, checked; empty when the policy is {@link
 *     SignaturePolicy#IGNORED}, which neither reads nor checks them
 * @param plaintextBytes how many bytes of plaintext it held, as stored in the message (the literal
 *     data the signatures cover), whatever was written: text whose CR LF pairs were written as LF
 *     ({@link TextLineEndings}) gives one byte fewer per pair
 * @param openedWithSessionKey whether a session key given to the decryptor ({@link
 *     PgpDecryptor.Builder#sessionKey}) opened it
 * @param sessionKey the message's session key, whatever opened it, when the decryptor was asked for
 *     it ({@link PgpDecryptor.Builder#revealSessionKey}); else null. It opens this message without
 *     a private key or password: hand it only to whoever may read the message, and {@linkplain
 *     PgpSessionKey#destroy() destroy} it once it is no longer needed
 * @param format whether the sender stored binary data or text, whose line endings were written as
 *     the decryptor's {@link PgpDecryptor.Builder#textLineEndings} says
 */
public record DecryptionResult(
    String fileName,
    Instant modificationTime,
    SymmetricAlgorithm symmetricAlgorithm,
    boolean aead,
    String decryptionKeyFingerprint,
    List<SignatureVerification> signatures,
    long plaintextBytes,
    boolean openedWithSessionKey,
    @Nullable PgpSessionKey sessionKey,
    LiteralDataFormat format) {

  /** A result of binary data ({@link LiteralDataFormat#BINARY}). */
  public DecryptionResult(
      String fileName,
      Instant modificationTime,
      SymmetricAlgorithm symmetricAlgorithm,
      boolean aead,
      String decryptionKeyFingerprint,
      List<SignatureVerification> signatures,
      long plaintextBytes,
      boolean openedWithSessionKey,
      @Nullable PgpSessionKey sessionKey) {
    this(
        fileName,
        modificationTime,
        symmetricAlgorithm,
        aead,
        decryptionKeyFingerprint,
        signatures,
        plaintextBytes,
        openedWithSessionKey,
        sessionKey,
        LiteralDataFormat.BINARY);
  }

  /** A result of binary data without a session key, for a message a key or a password opened. */
  public DecryptionResult(
      String fileName,
      Instant modificationTime,
      SymmetricAlgorithm symmetricAlgorithm,
      boolean aead,
      String decryptionKeyFingerprint,
      List<SignatureVerification> signatures,
      long plaintextBytes) {
    this(
        fileName,
        modificationTime,
        symmetricAlgorithm,
        aead,
        decryptionKeyFingerprint,
        signatures,
        plaintextBytes,
        false,
        null,
        LiteralDataFormat.BINARY);
  }

  public DecryptionResult {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(modificationTime, "modificationTime");
    Objects.requireNonNull(symmetricAlgorithm, "symmetricAlgorithm");
    Objects.requireNonNull(decryptionKeyFingerprint, "decryptionKeyFingerprint");
    Objects.requireNonNull(format, "format");
    signatures = List.copyOf(signatures);
  }

  /** Whether a password opened the message, rather than a key or a given session key. */
  public boolean openedWithPassword() {
    return decryptionKeyFingerprint.isEmpty() && !openedWithSessionKey;
  }

  /** The first valid signature, if any. */
  public Optional<SignatureVerification> validSignature() {
    return signatures.stream().filter(SignatureVerification::valid).findFirst();
  }
}
