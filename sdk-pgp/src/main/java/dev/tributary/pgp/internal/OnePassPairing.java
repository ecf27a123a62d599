package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.util.List;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPSignature;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a signature after the literal data matches the one-pass signature it closes. RFC 9580
 * (section 10.3) nests one-pass signed messages, so the signatures close the one-pass signatures in
 * reverse order: the first signature closes the last one-pass signature. Each pair must agree on
 * the key, the hash algorithm, the signature type and the public-key algorithm, and on the versions
 * and the salt ({@link SignatureVersions#onePassMismatch}); a pair that does not is a malformed
 * message, not merely a signature that fails to verify.
 */
final class OnePassPairing {
  private OnePassPairing() {}

  /**
   * @throws PgpDataException ({@link Reason#MALFORMED}) if {@code sig} does not match {@code ops}
   */
  static void require(PGPOnePassSignature ops, PGPSignature sig) {
    require(ops, sig, "the decrypted message");
  }

  /**
   * As {@link #require(PGPOnePassSignature, PGPSignature)}, the failure naming the message as
   * {@code subject}: "the signed message".
   */
  static void require(PGPOnePassSignature ops, PGPSignature sig, String subject) {
    String mismatch = mismatch(ops, sig);
    if (mismatch != null) {
      throw new PgpDataException(
          Reason.MALFORMED,
          subject
              + " holds a signature after its literal data that does not match its"
              + " one-pass signature: "
              + mismatch);
    }
  }

  private static @Nullable String mismatch(PGPOnePassSignature ops, PGPSignature sig) {
    List<KeyIdentifier> issuers = sig.getKeyIdentifiers();
    // A signature without issuer subpackets names no key: the one-pass signature's is checked.
    if (!issuers.isEmpty() && issuers.stream().noneMatch(ops.getKeyIdentifier()::matches)) {
      return "it is by key "
          + KeyDescriber.keyId(issuers.get(0).getKeyId())
          + ", its one-pass signature announced key "
          + KeyDescriber.keyId(ops.getKeyID());
    }
    if (sig.getKeyAlgorithm() != ops.getKeyAlgorithm()) {
      return "it uses public-key algorithm "
          + sig.getKeyAlgorithm()
          + ", its one-pass signature announced "
          + ops.getKeyAlgorithm();
    }
    if (sig.getHashAlgorithm() != ops.getHashAlgorithm()) {
      return "it uses hash algorithm "
          + sig.getHashAlgorithm()
          + ", its one-pass signature announced "
          + ops.getHashAlgorithm();
    }
    if (sig.getSignatureType() != ops.getSignatureType()) {
      return "it is of signature type "
          + sig.getSignatureType()
          + ", its one-pass signature announced type "
          + ops.getSignatureType();
    }
    return SignatureVersions.onePassMismatch(ops, sig);
  }
}
