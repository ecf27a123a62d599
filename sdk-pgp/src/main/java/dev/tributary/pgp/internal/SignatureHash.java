package dev.tributary.pgp.internal;

import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.DSAPublicBCPGKey;
import org.bouncycastle.bcpg.ECDSAPublicBCPGKey;
import org.bouncycastle.bcpg.EdDSAPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The hash algorithm of every signature made here: SHA-512 for a v6 key, SHA-256 for a v4 key,
 * unless the key needs a longer digest. RFC 9580 (sections 5.2.3.2 to 5.2.3.5) asks of a signature
 * a digest at least as long as a DSA key's q, an ECDSA key's curve (512 bits for P-521, the longest
 * hash there is) or an EdDSA key's curve: 256 bits for Ed25519, 512 for Ed448. GnuPG refuses to
 * check an (EC)DSA signature with a shorter one ("ECDSA key … requires a 384 bit or larger hash").
 * So P-384 and brainpoolP384r1 get SHA-384; P-521, brainpoolP512r1 and Ed448 (v4 as v6) SHA-512.
 * Stateless.
 */
final class SignatureHash {
  private SignatureHash() {}

  /** The hash algorithm ID for a signature by {@code pub}. */
  static int of(PGPPublicKey pub) {
    int minimum = minimumDigestBits(pub);
    if (pub.getVersion() == PublicKeyPacket.VERSION_6 || minimum > 384) {
      return HashAlgorithmTags.SHA512;
    }
    return minimum > 256 ? HashAlgorithmTags.SHA384 : HashAlgorithmTags.SHA256;
  }

  /**
   * The shortest digest, in bits, that RFC 9580 allows a signature by {@code pub}: a DSA key's q,
   * an ECDSA key's group order (at most 512), 256 for Ed25519 and 512 for Ed448 (in either
   * encoding); 0 for RSA, which asks for no particular length.
   */
  static int minimumDigestBits(PGPPublicKey pub) {
    return switch (pub.getAlgorithm()) {
      case PublicKeyAlgorithmTags.Ed25519 -> 256;
      case PublicKeyAlgorithmTags.Ed448 -> 512;
      default -> minimumDigestBits(pub.getPublicKeyPacket().getKey());
    };
  }

  private static int minimumDigestBits(BCPGKey key) {
    if (key instanceof EdDSAPublicBCPGKey ed) {
      return EdECObjectIdentifiers.id_Ed448.equals(ed.getCurveOID()) ? 512 : 256;
    }
    if (key instanceof ECDSAPublicBCPGKey ec) {
      X9ECParameters curve = ECNamedCurveTable.getByOID(ec.getCurveOID());
      // A curve BouncyCastle does not know cannot sign either; the longest hash is safest.
      return curve == null ? 512 : Math.min(curve.getN().bitLength(), 512);
    }
    if (key instanceof DSAPublicBCPGKey dsa) {
      return dsa.getQ().bitLength();
    }
    return 0;
  }

  /** The digest length of hash algorithm {@code hash} in bits, 0 for one this does not know. */
  static int digestBits(int hash) {
    return switch (hash) {
      case HashAlgorithmTags.MD5 -> 128;
      case HashAlgorithmTags.SHA1, HashAlgorithmTags.RIPEMD160 -> 160;
      case HashAlgorithmTags.SHA224 -> 224;
      case HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA3_256 -> 256;
      case HashAlgorithmTags.SHA384 -> 384;
      case HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA3_512 -> 512;
      default -> 0;
    };
  }
}
