package dev.tributary.pgp.internal;

import dev.tributary.pgp.HashAlgorithm;
import java.io.OutputStream;
import java.util.Iterator;
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
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.jspecify.annotations.Nullable;

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

  /** Whether {@code hash} is long enough for a signature by {@code signer}. */
  static boolean longEnough(PGPPublicKey signer, int hash) {
    return digestBits(hash) >= minimumDigestBits(signer);
  }

  /**
   * {@code verifiers}, but a signature whose hash is too short for its key ({@link #longEnough})
   * never verifies, whatever it signs: a subkey binding, a user ID or direct-key self-signature, a
   * certification or a revocation then counts for nothing, as in GnuPG, which refuses to check it.
   * BouncyCastle would check it with the digest truncated or padded. Callers that can say why a
   * signature over data is refused do so before verifying it.
   */
  static PGPContentVerifierBuilderProvider refusingShortHashes(
      PGPContentVerifierBuilderProvider verifiers) {
    return (keyAlgorithm, hashAlgorithm) -> {
      var builder = verifiers.get(keyAlgorithm, hashAlgorithm);
      return key -> {
        PGPContentVerifier verifier = builder.build(key);
        return longEnough(key, hashAlgorithm) ? verifier : new Refusing(verifier);
      };
    };
  }

  /**
   * Why the self-signatures on {@code key} bind nothing because of their hash, or null if that is
   * not why: when every signature {@code primary} made on {@code key} (its bindings, or a primary
   * key's user ID and direct-key self-signatures) uses a hash too short for {@code primary}.
   */
  static @Nullable String tooShortSelfSignatures(PGPPublicKey primary, PGPPublicKey key) {
    int shortest = Integer.MAX_VALUE;
    int hash = 0;
    for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (!sig.getKeyIdentifiers().isEmpty() && !sig.hasKeyIdentifier(primary.getKeyIdentifier())) {
        continue; // a third party's
      }
      if (PGPSignature.isRevocation(sig.getSignatureType())) {
        continue;
      }
      if (longEnough(primary, sig.getHashAlgorithm())) {
        return null;
      }
      if (digestBits(sig.getHashAlgorithm()) < shortest) {
        shortest = digestBits(sig.getHashAlgorithm());
        hash = sig.getHashAlgorithm();
      }
    }
    if (hash == 0) {
      return null;
    }
    return "its self-signatures use "
        + name(hash)
        + " ("
        + digestBits(hash)
        + " bits), too short for the "
        + KeyDescriber.algorithmName(primary)
        + " key "
        + KeyDescriber.keyId(primary.getKeyID())
        + " that made them, which needs a hash of at least "
        + minimumDigestBits(primary)
        + " bits (RFC 9580, section 5.2.3)";
  }

  /** The name of hash algorithm {@code hash}, as in {@code SHA256}. */
  static String name(int hash) {
    try {
      return HashAlgorithm.ofId(hash).textName();
    } catch (IllegalArgumentException e) {
      return "hash algorithm " + hash;
    }
  }

  /** A verifier that reads what it is given and says no. */
  private record Refusing(PGPContentVerifier inner) implements PGPContentVerifier {
    @Override
    public OutputStream getOutputStream() {
      return inner.getOutputStream();
    }

    @Override
    public int getHashAlgorithm() {
      return inner.getHashAlgorithm();
    }

    @Override
    public int getKeyAlgorithm() {
      return inner.getKeyAlgorithm();
    }

    @Override
    public long getKeyID() {
      return inner.getKeyID();
    }

    @Override
    public boolean verify(byte[] expected) {
      return false;
    }
  }
}
