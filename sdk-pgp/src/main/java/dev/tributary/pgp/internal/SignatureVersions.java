package dev.tributary.pgp.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.HashUtils;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.jspecify.annotations.Nullable;

/**
 * What RFC 9580 binds together that BouncyCastle's check of a signature over data does not all look
 * at: a signature's version and its key's (section 5.2: a v4 key makes v4 signatures, a v6 key v6
 * ones; section 5.4 for one-pass signatures), the version its Issuer Fingerprint subpacket names
 * (section 5.2.3.35), a v6 signature's salt (its length set by its hash algorithm, section 5.2.3;
 * the same salt in its one-pass signature, section 5.4), and which subpackets name its key (section
 * 5.2.3.12: no Issuer Key ID in a v6 signature). Stateless.
 */
final class SignatureVersions {
  private static final int V4 = SignaturePacket.VERSION_4;
  private static final int V6 = SignaturePacket.VERSION_6;

  private SignatureVersions() {}

  /**
   * The keys {@code sig} names as its maker, in the order to look for them: its hashed issuer
   * subpackets before its unhashed ones, which anyone may add, and fingerprints before key IDs. A
   * v6 signature names its key by fingerprint only, as OpenPGP.js reads it: RFC 9580 (section
   * 5.2.3.12) gives it no Issuer Key ID subpacket.
   */
  static List<KeyIdentifier> issuers(PGPSignature sig) {
    if (sig.getVersion() < V4) {
      return sig.getKeyIdentifiers(); // a v3 signature's key ID, which its packet holds
    }
    List<KeyIdentifier> hashed = sig.getHashedKeyIdentifiers();
    List<KeyIdentifier> unhashed = sig.getUnhashedKeyIdentifiers();
    List<KeyIdentifier> ordered = new ArrayList<>();
    for (List<KeyIdentifier> area : List.of(hashed, unhashed)) {
      for (KeyIdentifier id : area) {
        if (id.getFingerprint() != null) {
          ordered.add(id);
        }
      }
      if (sig.getVersion() != V6) {
        for (KeyIdentifier id : area) {
          if (id.getFingerprint() == null) {
            ordered.add(id);
          }
        }
      }
    }
    return ordered;
  }

  /**
   * Whether {@code sig} is a v6 signature that names its key by key ID only: no key to look for.
   */
  static boolean namedByKeyIdOnly(PGPSignature sig) {
    return sig.getVersion() == V6 && issuers(sig).isEmpty() && !sig.getKeyIdentifiers().isEmpty();
  }

  /**
   * Why {@code sig} cannot be a signature by {@code key} as RFC 9580 makes them, or null: a version
   * that is not its key's, a hashed Issuer Fingerprint of another version than the signature's, a
   * hashed Issuer Key ID in a v6 signature, or a v6 salt of the wrong length. RFC 9580 (section
   * 5.2.5) calls such a signature malformed: never valid.
   */
  static @Nullable String problem(PGPPublicKey key, PGPSignature sig) {
    int version = sig.getVersion();
    int keyVersion = key.getVersion();
    if ((version == V6) != (keyVersion == V6)) {
      return "the signature is of version "
          + version
          + ", and its key "
          + KeyDescriber.keyId(key.getKeyID())
          + " of version "
          + keyVersion
          + ", which makes version "
          + (keyVersion == V6 ? V6 : V4)
          + " signatures only (RFC 9580, section 5.2)";
    }
    String issuer = hashedIssuerProblem(sig);
    return issuer != null ? issuer : saltProblem(sig);
  }

  private static @Nullable String hashedIssuerProblem(PGPSignature sig) {
    PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
    if (hashed == null) {
      return null; // a v3 signature
    }
    for (SignatureSubpacket s : hashed.toArray()) {
      if (s instanceof IssuerFingerprint fp) {
        int expected = fp.getKeyVersion() >= 5 ? 32 : 20; // LibrePGP's v5 too: SHA-256
        if (fp.getKeyVersion() != sig.getVersion() || fp.getFingerprint().length != expected) {
          return "the signature is of version "
              + sig.getVersion()
              + ", and its Issuer Fingerprint subpacket names a version "
              + fp.getKeyVersion()
              + " key by "
              + fp.getFingerprint().length
              + " octets: a malformed signature (RFC 9580, section 5.2.3.35)";
        }
      } else if (s.getType() == SignatureSubpacketTags.ISSUER_KEY_ID && sig.getVersion() == V6) {
        return "the signature is of version 6 and holds an Issuer Key ID subpacket, which RFC 9580"
            + " (section 5.2.3.12) forbids: a version 6 signature names its key by fingerprint";
      }
    }
    return null;
  }

  private static @Nullable String saltProblem(PGPSignature sig) {
    if (sig.getVersion() != V6) {
      return null;
    }
    int expected;
    try {
      expected = HashUtils.getV6SignatureSaltSizeInBytes(sig.getHashAlgorithm());
    } catch (IllegalArgumentException e) {
      return null; // an unknown hash algorithm, which the check of the signature refuses
    }
    byte[] salt = salt(sig);
    if (salt.length == expected) {
      return null;
    }
    return "the signature's salt is "
        + salt.length
        + " octets long, not the "
        + expected
        + " that RFC 9580 (section 5.2.3) sets for its hash algorithm, "
        + CleartextMessage.hashName(sig.getHashAlgorithm());
  }

  /**
   * Why {@code sig} does not close {@code ops} by RFC 9580's rules on versions (section 5.4: a v3
   * one-pass signature announces a v4 signature, a v6 one a v6 signature with the same salt, by the
   * key whose fingerprint it names), or null.
   */
  static @Nullable String onePassMismatch(PGPOnePassSignature ops, PGPSignature sig) {
    boolean v6 = ops.getVersion() == V6;
    if (v6 != (sig.getVersion() == V6)) {
      return "it is of version "
          + sig.getVersion()
          + ", its one-pass signature of version "
          + ops.getVersion()
          + ", which announces a version "
          + (v6 ? V6 : V4)
          + " signature (RFC 9580, section 5.4)";
    }
    if (!v6) {
      return null;
    }
    if (!Arrays.equals(ops.getSalt(), salt(sig))) {
      return "its salt is not the one its one-pass signature announced (RFC 9580, section 5.4)";
    }
    for (KeyIdentifier id : sig.getHashedKeyIdentifiers()) {
      // Only the hashed area: anyone may add to the unhashed one.
      byte[] fingerprint = id.getFingerprint();
      if (fingerprint != null && !Arrays.equals(fingerprint, ops.getFingerprint())) {
        return "it names key "
            + KeyDescriber.keyId(id.getKeyId())
            + " by fingerprint, its one-pass signature announced key "
            + KeyDescriber.keyId(ops.getKeyID());
      }
    }
    return null;
  }

  /** The salt of {@code sig}, a v6 signature, which BouncyCastle keeps to itself. */
  private static byte[] salt(PGPSignature sig) {
    try {
      BCPGInputStream in = new BCPGInputStream(new ByteArrayInputStream(sig.getEncoded()));
      return ((SignaturePacket) in.readPacket()).getSalt();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("a signature read once cannot be read again", e);
    }
  }
}
