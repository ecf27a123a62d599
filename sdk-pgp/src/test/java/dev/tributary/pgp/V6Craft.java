package dev.tributary.pgp;

import static dev.tributary.pgp.SignedMessageGrammarTest.literal;
import static dev.tributary.pgp.TrailingDataTest.concat;

import dev.tributary.pgp.internal.UnlockedKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.OnePassSignaturePacket;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.util.encoders.Hex;

/**
 * Signatures and one-pass signatures of either version (RFC 9580: 4 and 6) by either version of
 * key, with the issuer subpackets and salts a test chooses, for tests that look for signatures a
 * verifier wrongly counts as valid. BouncyCastle writes a signature of any version with any key; a
 * test edits the bytes for what it will not write.
 */
final class V6Craft {
  private V6Craft() {}

  /** A signing key: the primary key of a test key. */
  record Signer(PGPPublicKey pub, PGPPrivateKey priv) {
    static Signer of(TestKey key) {
      return of(PgpKey.of(key.privateKey()));
    }

    /** The key's signing (sub)key: the one {@link PgpSignatures#sign} uses. */
    static Signer of(PgpKey key) {
      try {
        UnlockedKeys keys = key.unlocked();
        String fingerprint =
            PgpSignatures.sign(
                    new ByteArrayInputStream(new byte[0]),
                    OutputStream.nullOutputStream(),
                    List.of(key),
                    false)
                .get(0)
                .signingKeyFingerprint();
        PGPSecretKey secret = null;
        for (PGPSecretKey k : keys.ring()) {
          secret =
              Hex.toHexString(k.getPublicKey().getFingerprint()).equalsIgnoreCase(fingerprint)
                  ? k
                  : secret;
        }
        return new Signer(secret.getPublicKey(), keys.privateKey(secret));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    int version() {
      return pub.getVersion();
    }

    byte[] fingerprint() {
      return pub.getFingerprint();
    }
  }

  /**
   * The issuer subpackets RFC 9580 asks of a signature by {@code s}: fingerprint, key ID for v4.
   */
  static Consumer<PGPSignatureSubpacketGenerator> issuers(Signer s) {
    return h -> {
      h.setIssuerFingerprint(false, s.pub());
      if (s.version() != PublicKeyPacket.VERSION_6) {
        h.setIssuerKeyID(false, s.pub().getKeyID());
      }
    };
  }

  /** An issuer fingerprint subpacket of key version {@code version} holding {@code fingerprint}. */
  static Consumer<PGPSignatureSubpacketGenerator> issuerFingerprint(int version, byte[] fp) {
    return h -> h.addCustomSubpacket(new IssuerFingerprint(false, version, fp));
  }

  /**
   * A version-{@code version} signature generator of {@code type} by {@code s}, hash {@code hash},
   * made now, with what {@code hashed} and {@code unhashed} put in its subpacket areas.
   */
  static PGPSignatureGenerator generator(
      Signer s,
      int version,
      int type,
      int hash,
      Consumer<PGPSignatureSubpacketGenerator> hashed,
      Consumer<PGPSignatureSubpacketGenerator> unhashed) {
    try {
      // BouncyCastle signs only in its key's version: the same key material as a key of the
      // signature's version makes the same mathematics (a signature over data hashes no key).
      PublicKeyPacket as =
          new PublicKeyPacket(
              version,
              s.pub().getAlgorithm(),
              s.pub().getCreationTime(),
              s.pub().getPublicKeyPacket().getKey());
      PGPPublicKey pub =
          version == s.version() ? s.pub() : new PGPPublicKey(as, new BcKeyFingerprintCalculator());
      PGPPrivateKey priv =
          version == s.version()
              ? s.priv()
              : new PGPPrivateKey(
                  pub.getKeyID(), pub.getPublicKeyPacket(), s.priv().getPrivateKeyDataPacket());
      // Without the issuer subpackets BouncyCastle adds when they are missing: the test's choice.
      PGPSignatureGenerator g =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(s.pub().getAlgorithm(), hash), pub, version) {
            @Override
            protected void prepareSignatureSubpackets() {}
          };
      g.init(type, priv);
      PGPSignatureSubpacketGenerator h = new PGPSignatureSubpacketGenerator();
      h.setSignatureCreationTime(true, Date.from(Instant.now()));
      hashed.accept(h);
      g.setHashedSubpackets(h.generate());
      PGPSignatureSubpacketGenerator u = new PGPSignatureSubpacketGenerator();
      unhashed.accept(u);
      g.setUnhashedSubpackets(u.generate());
      return g;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signature of {@code data} by {@code g}. */
  static PGPSignature sign(PGPSignatureGenerator g, byte[] data) {
    try {
      g.update(data);
      return g.generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] encoded(PGPSignature sig) {
    try {
      return sig.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The salt of a v6 signature, read from its encoding. */
  static byte[] salt(PGPSignature sig) {
    byte[] m = encoded(sig);
    int p = Packets.bodyStart(m, 0) + 4; // version, type, public-key and hash algorithms
    p += 4 + readInt(m, p); // the hashed subpackets
    p += 4 + readInt(m, p); // the unhashed subpackets
    p += 2; // the left 16 bits of the hash
    int n = m[p] & 0xff;
    byte[] salt = new byte[n];
    System.arraycopy(m, p + 1, salt, 0, n);
    return salt;
  }

  /**
   * {@code sig}, a v6 signature, with its salt replaced by {@code salt} (of any length): the
   * signature no longer matches, which does not matter to a verifier that refuses it first.
   */
  static byte[] withSalt(PGPSignature sig, byte[] salt) {
    byte[] m = encoded(sig);
    int start = Packets.bodyStart(m, 0);
    int p = start + 4;
    p += 4 + readInt(m, p);
    p += 4 + readInt(m, p);
    p += 2;
    int n = m[p] & 0xff;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(m, start, p - start);
    body.write(salt.length);
    body.writeBytes(salt);
    body.write(m, p + 1 + n, m.length - (p + 1 + n));
    return packet(SignaturePacket.SIGNATURE, body.toByteArray());
  }

  private static int readInt(byte[] m, int p) {
    return ((m[p] & 0xff) << 24)
        | ((m[p + 1] & 0xff) << 16)
        | ((m[p + 2] & 0xff) << 8)
        | (m[p + 3] & 0xff);
  }

  /** A new-format packet of {@code tag} holding {@code body}. */
  static byte[] packet(int tag, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xc0 | tag);
    int n = body.length;
    if (n < 192) {
      out.write(n);
    } else if (n < 8384) {
      out.write(((n - 192) >> 8) + 192);
      out.write((n - 192) & 0xff);
    } else {
      out.write(255);
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A v3 one-pass signature packet naming key {@code keyId}; {@code last}: flag 1. */
  static byte[] onePassV3(PGPSignature sig, long keyId, boolean last) {
    return encode(
        new OnePassSignaturePacket(
            sig.getSignatureType(), sig.getHashAlgorithm(), sig.getKeyAlgorithm(), keyId, !last));
  }

  /** A v6 one-pass signature packet with {@code salt}, naming fingerprint {@code fp}. */
  static byte[] onePassV6(PGPSignature sig, byte[] salt, byte[] fp, boolean last) {
    return encode(
        new OnePassSignaturePacket(
            sig.getSignatureType(),
            sig.getHashAlgorithm(),
            sig.getKeyAlgorithm(),
            salt,
            fp,
            !last));
  }

  private static byte[] encode(OnePassSignaturePacket p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BCPGOutputStream packets = new BCPGOutputStream(out, PacketFormat.CURRENT)) {
      p.encode(packets);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** A one-pass signed message: {@code ops}, the literal data of {@code data}, {@code sig}. */
  static byte[] inline(byte[] ops, byte[] data, byte[] sig) {
    try {
      return concat(ops, literal(data), sig);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An old-style signed message: {@code sig}, then the literal data of {@code data}. */
  static byte[] oldStyle(byte[] sig, byte[] data) {
    try {
      return concat(sig, literal(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code packets}, armored as a signature block. */
  static String armoredSignature(byte[] packets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
      armor.write(packets);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  /**
   * {@code text} (LF line endings, no dashes) in the cleartext signature framework with {@code
   * hashHeader} ("Hash: SHA512", or null for none) and {@code sig}, a text signature of it.
   */
  static String cleartext(String text, String hashHeader, byte[] sig) {
    return "-----BEGIN PGP SIGNED MESSAGE-----\n"
        + (hashHeader == null ? "" : hashHeader + "\n")
        + "\n"
        + text
        + "\n"
        + armoredSignature(sig);
  }
}
