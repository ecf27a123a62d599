package dev.tributary.pgp.internal;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.DSAPublicBCPGKey;
import org.bouncycastle.bcpg.ECDSAPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The hash algorithm of every signature made here: SHA-512 for a v6 key, SHA-256 for a v4 key,
 * unless the key is a DSA or ECDSA key whose group order is longer than that digest. RFC 9580
 * (section 5.2.3.2) asks such a key for a digest at least as long as its order, and GnuPG refuses
 * to check a signature with a shorter one ("ECDSA key … requires a 384 bit or larger hash"): P-384
 * and brainpoolP384r1 get SHA-384, P-521 and brainpoolP512r1 SHA-512 (the longest there is; GnuPG
 * asks no more of P-521). Stateless.
 */
final class SignatureHash {
  private SignatureHash() {}

  /** The hash algorithm ID for a signature by {@code pub}. */
  static int of(PGPPublicKey pub) {
    int hash =
        pub.getVersion() == PublicKeyPacket.VERSION_6
            ? HashAlgorithmTags.SHA512
            : HashAlgorithmTags.SHA256;
    int orderBits = orderBits(pub.getPublicKeyPacket().getKey());
    if (orderBits > digestBits(hash)) {
      hash = orderBits <= 384 ? HashAlgorithmTags.SHA384 : HashAlgorithmTags.SHA512;
    }
    return hash;
  }

  /** The bit length of the group order a (EC)DSA key signs in, 0 for other algorithms. */
  private static int orderBits(BCPGKey key) {
    if (key instanceof ECDSAPublicBCPGKey ec) {
      X9ECParameters curve = ECNamedCurveTable.getByOID(ec.getCurveOID());
      // A curve BouncyCastle does not know cannot sign either; the longest hash is safest.
      return curve == null ? Integer.MAX_VALUE : curve.getN().bitLength();
    }
    if (key instanceof DSAPublicBCPGKey dsa) {
      return dsa.getQ().bitLength();
    }
    return 0;
  }

  private static int digestBits(int hash) {
    return switch (hash) {
      case HashAlgorithmTags.SHA384 -> 384;
      case HashAlgorithmTags.SHA512 -> 512;
      default -> 256;
    };
  }
}
