package dev.tributary.pgp.internal;

import dev.tributary.pgp.HashAlgorithm;
import java.io.FilterOutputStream;
import java.io.IOException;
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
   * never verifies, unless it is a revocation: a subkey binding, a user ID or direct-key
   * self-signature, a certification or a signature over data made so counts for nothing, as in
   * GnuPG, which refuses to check it. BouncyCastle would check it with the digest truncated or
   * padded. A key, subkey or certification revocation (types 0x20, 0x28, 0x30) is checked all the
   * same and counts if it verifies: ignoring a real one would leave a key its owner gave up in use,
   * while honouring one made with a short hash can at most deny service (GnuPG 2.2 ignores it;
   * Sequoia honours it). The verifier cannot be told the signature's type, so it reads it from the
   * signature's trailer, the hashed data that ends what it is given ({@link Tail}). Callers that
   * can say why a signature over data is refused do so before verifying it.
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
    return "its self-signatures use " + tooShort(hash, primary, "them");
  }

  /**
   * "SHA1 (160 bits), too short for the EdDSA Ed25519 key … that made {@code them}, which needs a
   * hash of at least 256 bits (RFC 9580, section 5.2.3)": that {@code hash} is too short for a
   * self-signature by {@code primary}.
   */
  static String tooShort(int hash, PGPPublicKey primary, String them) {
    return name(hash)
        + " ("
        + digestBits(hash)
        + " bits), too short for the "
        + KeyDescriber.algorithmName(primary)
        + " key "
        + KeyDescriber.keyId(primary.getKeyID())
        + " that made "
        + them
        + ", which needs a hash of at least "
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

  /**
   * A verifier that reads what it is given and says no, unless what it was given ends in the
   * trailer of a revocation made with its key and hash algorithms; then its verifier decides.
   */
  private static final class Refusing extends ForwardingVerifier {
    private final Tail tail;

    Refusing(PGPContentVerifier inner) {
      super(inner);
      this.tail = new Tail(inner.getOutputStream());
    }

    @Override
    public OutputStream getOutputStream() {
      return tail;
    }

    @Override
    public boolean verify(byte[] expected) {
      int type = tail.signatureType(inner.getKeyAlgorithm(), inner.getHashAlgorithm());
      return type >= 0 && PGPSignature.isRevocation(type) && inner.verify(expected);
    }
  }

  /**
   * Passes bytes on and keeps the last of them, enough for the trailer of any v4 signature (RFC
   * 9580, section 5.2.4: the hashed part of the packet, then the version, 0xFF and the hashed
   * part's length in four octets) and of a v6 one whose hashed subpackets fit in 64 KiB.
   * BouncyCastle writes the trailer last, after the data the signature is over, so what ends the
   * bytes is the trailer of the signature being checked, however the data before it looks.
   */
  static final class Tail extends FilterOutputStream {
    /** The longest v4 trailer: 6 octets, 65,535 of hashed subpackets, 6 more. */
    static final int SIZE = 6 + 0xFFFF + 6;

    private byte @Nullable [] ring;
    private long written;

    Tail(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      keep((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      for (int i = off; i < off + len; i++) {
        keep(b[i]);
      }
    }

    private void keep(byte b) {
      if (ring == null) {
        ring = new byte[SIZE];
      }
      ring[(int) (written++ % SIZE)] = b;
    }

    /** The byte {@code back} bytes before the end (1: the last), or -1 if it is not kept. */
    private int back(long back) {
      if (ring == null || back < 1 || back > Math.min(written, SIZE)) {
        return -1;
      }
      return ring[(int) ((written - back) % SIZE)] & 0xFF;
    }

    /**
     * The signature type in the v4 or v6 trailer that ends what was written, if it is one for
     * {@code keyAlgorithm} and {@code hashAlgorithm}; else -1.
     */
    int signatureType(int keyAlgorithm, int hashAlgorithm) {
      int version = back(6);
      if ((version != 4 && version != 6) || back(5) != 0xFF) {
        return -1;
      }
      long hashedLength = 0;
      for (int i = 4; i >= 1; i--) {
        if (back(i) < 0) {
          return -1;
        }
        hashedLength = hashedLength << 8 | back(i);
      }
      long start = 6 + hashedLength; // counted back from the end
      boolean matches =
          hashedLength >= (version == 4 ? 6 : 8)
              && back(start) == version
              && back(start - 2) == keyAlgorithm
              && back(start - 3) == hashAlgorithm;
      return matches ? back(start - 1) : -1;
    }
  }
}
