package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed448KeyPairGenerator;
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
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 9580, section 5.2.3.5: "An Ed448 signature MUST use a hash algorithm with a digest size of at
 * least 512 bits. A verifying implementation MUST reject any Ed448 signature that uses a hash
 * algorithm with a smaller digest size." A v4 Ed448 key signed with SHA-256, as every v4 key did
 * here. Every signature an Ed448 key makes (data, revocation, certification) must use SHA-512.
 *
 * <p>The keys are built here (no {@link KeyProfile} makes Ed448, and neither GnuPG 2.2 nor this
 * Sequoia can: sqop 0.27 on Sequoia 1.12 verifies no Ed448 signature, v4 or v6, so there is no
 * interop check).
 */
class Ed448SignatureHashTest {
  static final String USER_ID = "Ed448 <ed448@example.com>";
  static final byte[] DATA = "signed with Ed448\n".getBytes(StandardCharsets.UTF_8);

  /** An Ed448 key's form: its version and public-key algorithm. */
  enum Form {
    /** RFC 9580's Ed448 (algorithm 28) in a v4 key. */
    V4(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.Ed448),
    /** EdDSALegacy (22) with the Ed448 curve, as GnuPG 2.3 and later make v4 Ed448 keys. */
    V4_EDDSA_LEGACY(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY),
    /** RFC 9580's v6 Ed448, which signed with SHA-512 before too. */
    V6(PublicKeyPacket.VERSION_6, PublicKeyAlgorithmTags.Ed448);

    final int version;
    final int algorithm;

    Form(int version, int algorithm) {
      this.version = version;
      this.algorithm = algorithm;
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void everySignature_ofAnEd448Key_usesSha512(Form form) throws Exception {
    PgpKey key = ed448Key(form);
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    List<CreatedSignature> made =
        PgpSignatures.sign(new ByteArrayInputStream(DATA), sig, List.of(key), false);
    assertThat(made)
        .singleElement()
        .extracting(CreatedSignature::hashAlgorithm)
        .isEqualTo(HashAlgorithm.SHA512);
    assertThat(
            PgpSignatures.verify(
                new ByteArrayInputStream(DATA),
                new ByteArrayInputStream(sig.toByteArray()),
                List.of(key.certificate()),
                PgpPolicy.defaults()))
        .singleElement()
        .matches(SignatureVerification::valid);

    PGPPublicKey revoked = key.revocationCertificate().ring().getPublicKey();
    assertThat(hashes(revoked.getSignaturesOfType(PGPSignature.KEY_REVOCATION)))
        .as("revocation")
        .containsExactly(HashAlgorithmTags.SHA512);

    PgpKey other =
        PgpKey.generate(KeyProfile.CURVE25519, "Other <other@example.com>", Secret.empty());
    PGPPublicKey certified =
        key.certify(other.certificate(), List.of("Other <other@example.com>"))
            .ring()
            .getPublicKey();
    List<Integer> byKey = new ArrayList<>();
    for (Iterator<PGPSignature> it = certified.getSignaturesForID("Other <other@example.com>");
        it.hasNext(); ) {
      PGPSignature s = it.next();
      if (s.getKeyIdentifiers().stream()
          .anyMatch(id -> id.matches(key.ring().getPublicKey().getKeyIdentifier()))) {
        byKey.add(s.getHashAlgorithm());
      }
    }
    assertThat(byKey).as("certification").containsExactly(HashAlgorithmTags.SHA512);
  }

  private static List<Integer> hashes(Iterator<PGPSignature> sigs) {
    List<Integer> hashes = new ArrayList<>();
    sigs.forEachRemaining(s -> hashes.add(s.getHashAlgorithm()));
    return hashes;
  }

  /**
   * A new Ed448 primary key of {@code form} that certifies and signs, with a user ID and (v6) a
   * direct-key signature made with SHA-512, unprotected.
   */
  static PgpKey ed448Key(Form form) throws PGPException {
    Ed448KeyPairGenerator generator = new Ed448KeyPairGenerator();
    generator.init(new Ed448KeyGenerationParameters(new SecureRandom()));
    Instant made = Instant.now().minus(Duration.ofDays(1));
    PGPKeyPair pair =
        new BcPGPKeyPair(
            form.version, form.algorithm, generator.generateKeyPair(), Date.from(made));
    PGPPublicKey pub = pair.getPublicKey();
    Date signed = Date.from(made.plusSeconds(60));
    pub =
        PGPPublicKey.addCertification(
            pub,
            USER_ID,
            selfSignature(pair, PGPSignature.POSITIVE_CERTIFICATION, signed)
                .generateCertification(USER_ID, pub));
    if (form.version == PublicKeyPacket.VERSION_6) {
      pub =
          PGPPublicKey.addCertification(
              pub, selfSignature(pair, PGPSignature.DIRECT_KEY, signed).generateCertification(pub));
    }
    PGPSecretKey secret =
        new PGPSecretKey(
            pair.getPrivateKey(),
            pub,
            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
            true,
            null);
    return new PgpKey(new PGPSecretKeyRing(List.of(secret)), Secret.empty());
  }

  private static PGPSignatureGenerator selfSignature(PGPKeyPair pair, int type, Date at)
      throws PGPException {
    PGPPublicKey pub = pair.getPublicKey();
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(pub.getAlgorithm(), HashAlgorithmTags.SHA512), pub);
    gen.init(type, pair.getPrivateKey());
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, at);
    hashed.setIssuerFingerprint(false, pub);
    hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
    gen.setHashedSubpackets(hashed.generate());
    return gen;
  }
}
