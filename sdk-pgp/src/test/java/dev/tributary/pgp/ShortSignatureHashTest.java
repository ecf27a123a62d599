package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed448KeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed448KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A signature whose hash is shorter than its key needs is refused, with the reason, not checked
 * truncated or padded as BouncyCastle would. RFC 9580 (section 5.2.3.2) says an ECDSA signature
 * "MUST use a hash algorithm with a digest size of at least the curve's 'fsize' value [...] except
 * in the case of NIST P-521, for which at least a 512-bit hash algorithm MUST be used", and
 * (sections 5.2.3.3 to 5.2.3.5) that a verifier "MUST reject" an EdDSA signature whose hash is
 * shorter than 256 bits (Ed25519) or 512 bits (Ed448). GnuPG 2.2 refuses the ECDSA ones ({@link
 * EcdsaSignatureHashInteropTest}); sqop 0.27 (Sequoia 1.12) accepts a P-384 signature made with
 * SHA-256 or SHA-224. Every one of these was valid here before.
 *
 * <p>The keys are built here: a primary key that signs, bound by a SHA-512 self-signature.
 */
class ShortSignatureHashTest {
  static final byte[] DATA = "signed with too short a hash\n".getBytes(StandardCharsets.UTF_8);
  static final SecureRandom RANDOM = new SecureRandom();

  /** A kind of key, the longest hash too short for it, and the shortest long enough. */
  record Case(String name, Kind kind, HashAlgorithm tooShort, HashAlgorithm enough) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Makes a key pair of one kind. */
  interface Kind {
    PGPKeyPair pair(Date made) throws PGPException;
  }

  static final List<Case> CASES =
      List.of(
          new Case("NIST P-256", ecdsa("P-256"), HashAlgorithm.SHA224, HashAlgorithm.SHA256),
          new Case("NIST P-384", ecdsa("P-384"), HashAlgorithm.SHA256, HashAlgorithm.SHA384),
          new Case("NIST P-521", ecdsa("P-521"), HashAlgorithm.SHA384, HashAlgorithm.SHA512),
          new Case(
              "brainpoolP384r1",
              ecdsa(TeleTrusTObjectIdentifiers.brainpoolP384r1),
              HashAlgorithm.SHA256,
              HashAlgorithm.SHA384),
          new Case(
              "brainpoolP512r1",
              ecdsa(TeleTrusTObjectIdentifiers.brainpoolP512r1),
              HashAlgorithm.SHA384,
              HashAlgorithm.SHA512),
          new Case(
              "EdDSA Ed25519",
              ed25519(PublicKeyAlgorithmTags.EDDSA_LEGACY),
              HashAlgorithm.SHA224,
              HashAlgorithm.SHA256),
          new Case(
              "Ed25519",
              ed25519(PublicKeyAlgorithmTags.Ed25519),
              HashAlgorithm.SHA224,
              HashAlgorithm.SHA256),
          new Case(
              "Ed448",
              ed448(PublicKeyAlgorithmTags.Ed448),
              HashAlgorithm.SHA384,
              HashAlgorithm.SHA512),
          new Case(
              "EdDSA Ed448",
              ed448(PublicKeyAlgorithmTags.EDDSA_LEGACY),
              HashAlgorithm.SHA256,
              HashAlgorithm.SHA512));

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void signatureWithAHashShorterThanTheKeyNeeds_isRefusedSayingSo(Case c) throws Exception {
    PgpKey key = key(c.kind());
    PgpCertificate cert = key.certificate();

    SignatureVerification refused = verify(signature(key, c.tooShort()), cert);
    assertThat(refused.valid()).isFalse();
    assertThat(refused.failure().orElseThrow())
        .isEqualTo(
            "the signature's hash ("
                + c.tooShort().textName()
                + ", "
                + bits(c.tooShort())
                + " bits) is too short for its key "
                + key.keyId()
                + " ("
                + key.describe().primaryKey().algorithm()
                + "), which needs one of at least "
                + Math.min(bits(c.enough()), 512)
                + " bits (RFC 9580, section 5.2.3)");

    assertThat(verify(signature(key, c.enough()), cert).valid()).as("with %s", c.enough()).isTrue();
  }

  private static int bits(HashAlgorithm hash) {
    return switch (hash) {
      case SHA224 -> 224;
      case SHA256 -> 256;
      case SHA384 -> 384;
      case SHA512 -> 512;
      default -> throw new IllegalArgumentException(hash.toString());
    };
  }

  static SignatureVerification verify(byte[] signature, PgpCertificate cert) {
    return verify(DATA, signature, cert);
  }

  /** The one verification of detached {@code signature} over {@code data} by {@code cert}. */
  static SignatureVerification verify(byte[] data, byte[] signature, PgpCertificate cert) {
    List<SignatureVerification> results =
        PgpSignatures.verify(
            new ByteArrayInputStream(data),
            new ByteArrayInputStream(signature),
            List.of(cert),
            PgpPolicy.defaults());
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  /** A binary signature over {@link #DATA} by {@code key}'s primary key with {@code hash}. */
  static byte[] signature(PgpKey key, HashAlgorithm hash) throws Exception {
    PGPSecretKey secret = key.ring().getSecretKey();
    PGPSignatureGenerator gen =
        generator(
            secret.getPublicKey(),
            key.unlocked().privateKey(secret),
            PGPSignature.BINARY_DOCUMENT,
            hash.id(),
            new Date());
    gen.update(DATA);
    return gen.generate().getEncoded();
  }

  /** A v4 key of {@code kind} made a day ago that signs, bound by a SHA-512 self-signature. */
  static PgpKey key(Kind kind) throws PGPException {
    Instant made = Instant.now().minus(Duration.ofDays(1));
    PGPKeyPair pair = kind.pair(Date.from(made));
    PGPPublicKey pub = pair.getPublicKey();
    String userId = "Short <short@example.com>";
    PGPSignatureGenerator self =
        generator(
            pub,
            pair.getPrivateKey(),
            PGPSignature.POSITIVE_CERTIFICATION,
            HashAlgorithmTags.SHA512,
            Date.from(made.plusSeconds(60)));
    pub = PGPPublicKey.addCertification(pub, userId, self.generateCertification(userId, pub));
    PGPSecretKey secret =
        new PGPSecretKey(
            pair.getPrivateKey(),
            pub,
            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
            true,
            null);
    return new PgpKey(new PGPSecretKeyRing(List.of(secret)), Secret.empty());
  }

  private static PGPSignatureGenerator generator(
      PGPPublicKey pub, org.bouncycastle.openpgp.PGPPrivateKey priv, int type, int hash, Date at)
      throws PGPException {
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(new BcPGPContentSignerBuilder(pub.getAlgorithm(), hash), pub);
    gen.init(type, priv);
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, at);
    hashed.setIssuerFingerprint(false, pub);
    hashed.setIssuerKeyID(false, pub.getKeyID());
    if (type != PGPSignature.BINARY_DOCUMENT) {
      hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
    }
    gen.setHashedSubpackets(hashed.generate());
    return gen;
  }

  static Kind ecdsa(String nistName) {
    return ecdsa(ECNamedCurveTable.getOID(nistName));
  }

  static Kind ecdsa(ASN1ObjectIdentifier curve) {
    return made -> {
      ECKeyPairGenerator g = new ECKeyPairGenerator();
      g.init(
          new ECKeyGenerationParameters(
              new ECNamedDomainParameters(curve, ECNamedCurveTable.getByOID(curve)), RANDOM));
      return pair(PublicKeyAlgorithmTags.ECDSA, g.generateKeyPair(), made);
    };
  }

  static Kind ed25519(int algorithm) {
    return made -> {
      Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
      g.init(new Ed25519KeyGenerationParameters(RANDOM));
      return pair(algorithm, g.generateKeyPair(), made);
    };
  }

  static Kind ed448(int algorithm) {
    return made -> {
      Ed448KeyPairGenerator g = new Ed448KeyPairGenerator();
      g.init(new Ed448KeyGenerationParameters(RANDOM));
      return pair(algorithm, g.generateKeyPair(), made);
    };
  }

  private static PGPKeyPair pair(int algorithm, AsymmetricCipherKeyPair pair, Date made)
      throws PGPException {
    return new BcPGPKeyPair(PublicKeyPacket.VERSION_4, algorithm, pair, made);
  }
}
