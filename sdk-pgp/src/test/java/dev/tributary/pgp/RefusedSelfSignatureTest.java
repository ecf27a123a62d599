package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
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
import org.junit.jupiter.api.Test;

/**
 * A self-signature whose hash the policy refuses binds nothing, so it must not give the key
 * anything either. BouncyCastle judged the bindings by the policy, but the primary key's flags and
 * expiry ({@code internal.PrimaryKeyProperties}) were read from the newest self-signature that
 * verified, whatever its hash: a SHA-1 user ID or direct-key signature made after SHA-1's cut-off
 * (2023-02-01, as for the bindings) made a certify-only primary key a signing key, and set or
 * cleared its expiry.
 *
 * <p>The keys are built here: an Ed25519 primary key and an X25519 encryption subkey (v4), made two
 * days ago, with the self-signatures each test needs.
 */
class RefusedSelfSignatureTest {
  static final String USER_ID = "Refused <refused@example.com>";
  static final Instant MADE =
      Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
  static final byte[] DATA = "signed by the primary key\n".getBytes(StandardCharsets.UTF_8);
  static final SecureRandom RANDOM = new SecureRandom();

  /** A self-signature to put on the key: its type, hash, date, flags and key expiry (0: none). */
  record Self(int type, int hash, Instant made, int flags, Duration expiry) {
    static Self userId(int hash, Instant made, int flags) {
      return new Self(PGPSignature.POSITIVE_CERTIFICATION, hash, made, flags, Duration.ZERO);
    }

    static Self directKey(int hash, Instant made, int flags) {
      return new Self(PGPSignature.DIRECT_KEY, hash, made, flags, Duration.ZERO);
    }

    Self expiringAfter(Duration validFor) {
      return new Self(type, hash, made, flags, validFor);
    }
  }

  /** A certify-only primary key that a newer SHA-1 user ID self-signature says may sign. */
  @Test
  void sha1UserIdSelfSignature_doesNotMakeThePrimaryKeyASigningKey() throws Exception {
    PgpKey key =
        key(
            Self.userId(HashAlgorithmTags.SHA256, MADE.plusSeconds(60), KeyFlags.CERTIFY_OTHER),
            Self.userId(HashAlgorithmTags.SHA1, hoursAgo(1), certifyAndSign()));
    assertNoSigningByThePrimaryKey(key);
  }

  /** The same with the refused flags on a newer SHA-1 direct-key signature. */
  @Test
  void sha1DirectKeySignature_doesNotMakeThePrimaryKeyASigningKey() throws Exception {
    PgpKey key =
        key(
            Self.userId(HashAlgorithmTags.SHA256, MADE.plusSeconds(60), KeyFlags.CERTIFY_OTHER),
            Self.directKey(HashAlgorithmTags.SHA1, hoursAgo(1), certifyAndSign()));
    assertNoSigningByThePrimaryKey(key);
  }

  /**
   * A newer SHA-1 user ID self-signature that says the key expired a day after it was made: the
   * policy refuses it, the SHA-256 one without an expiry counts, and the key has not expired.
   */
  @Test
  void sha1UserIdSelfSignature_setsNoExpiry() throws Exception {
    PgpKey key =
        key(
            Self.userId(HashAlgorithmTags.SHA256, MADE.plusSeconds(60), certifyAndSign()),
            Self.userId(HashAlgorithmTags.SHA1, hoursAgo(1), certifyAndSign())
                .expiringAfter(Duration.ofDays(1)));
    assertThat(key.describe().primaryKey().expires()).isNull();
    assertThat(key.describe().primaryKey().capabilities())
        .containsExactlyInAnyOrder(KeyCapability.CERTIFY, KeyCapability.SIGN);
    assertThat(verify(signatureByThePrimaryKey(key), key, PgpPolicy.defaults()).valid()).isTrue();
    assertThat(PgpEncryptor.builder().recipient(key.certificate()).build()).isNotNull();
  }

  /**
   * The policy decides, not the hash alone: with {@code acceptSha1Signatures} the newer SHA-1
   * signature counts, and the primary key may sign. An RSA key: SHA-1 is too short for an Ed25519
   * key whatever the policy says (RFC 9580, section 5.2.3; {@link ShortSelfSignatureHashTest}).
   */
  @Test
  void sha1UserIdSelfSignature_countsWhenThePolicyAcceptsSha1() throws Exception {
    PgpKey key =
        key(
            rsa(),
            Self.userId(HashAlgorithmTags.SHA256, MADE.plusSeconds(60), KeyFlags.CERTIFY_OTHER),
            Self.userId(HashAlgorithmTags.SHA1, hoursAgo(1), certifyAndSign()));
    PgpPolicy sha1 = PgpPolicy.builder().acceptSha1Signatures(true).build();
    assertThat(verify(signatureByThePrimaryKey(key), key, sha1).valid()).isTrue();
  }

  private static void assertNoSigningByThePrimaryKey(PgpKey key) throws Exception {
    assertThat(key.describe().primaryKey().capabilities())
        .as("capabilities")
        .isEqualTo(Set.of(KeyCapability.CERTIFY));
    assertThat(key.certificate().describe().primaryKey().capabilities())
        .isEqualTo(Set.of(KeyCapability.CERTIFY));
    assertThatThrownBy(
            () ->
                PgpSignatures.sign(
                    new ByteArrayInputStream(DATA),
                    new ByteArrayOutputStream(),
                    List.of(key),
                    true))
        .isInstanceOf(PgpKeyCannotSignException.class);
    SignatureVerification v = verify(signatureByThePrimaryKey(key), key, PgpPolicy.defaults());
    assertThat(v.valid()).isFalse();
    assertThat(v.failure().orElseThrow()).contains("was not a valid signing key");
  }

  private static int certifyAndSign() {
    return KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA;
  }

  private static Instant hoursAgo(int hours) {
    return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
  }

  /** The key with {@code selfSignatures} on its primary key and a SHA-256 subkey binding. */
  static PgpKey key(Self... selfSignatures) throws PGPException {
    return key(ed25519(), selfSignatures);
  }

  /** The same with {@code primary} as the primary key. */
  static PgpKey key(PGPKeyPair primary, Self... selfSignatures) throws PGPException {
    PGPKeyPair sub = x25519();
    PGPPublicKey pub = primary.getPublicKey();
    for (Self s : selfSignatures) {
      PGPSignatureGenerator gen = generator(primary, s);
      pub =
          s.type() == PGPSignature.DIRECT_KEY
              ? PGPPublicKey.addCertification(pub, gen.generateCertification(pub))
              : PGPPublicKey.addCertification(
                  pub, USER_ID, gen.generateCertification(USER_ID, pub));
    }
    Self binding =
        new Self(
            PGPSignature.SUBKEY_BINDING,
            HashAlgorithmTags.SHA256,
            MADE.plusSeconds(60),
            KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE,
            Duration.ZERO);
    PGPPublicKey subPub =
        PGPPublicKey.addCertification(
            sub.getPublicKey(),
            generator(primary, binding).generateCertification(pub, sub.getPublicKey()));
    List<PGPSecretKey> secrets = new ArrayList<>();
    var sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
    secrets.add(new PGPSecretKey(primary.getPrivateKey(), pub, sha1, true, null));
    secrets.add(new PGPSecretKey(sub.getPrivateKey(), subPub, sha1, false, null));
    return new PgpKey(new PGPSecretKeyRing(secrets), Secret.empty());
  }

  private static PGPSignatureGenerator generator(PGPKeyPair signer, Self s) throws PGPException {
    PGPPublicKey pub = signer.getPublicKey();
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(new BcPGPContentSignerBuilder(pub.getAlgorithm(), s.hash()), pub);
    gen.init(s.type(), signer.getPrivateKey());
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, Date.from(s.made()));
    hashed.setIssuerFingerprint(false, pub);
    hashed.setIssuerKeyID(false, pub.getKeyID());
    hashed.setKeyFlags(true, s.flags());
    if (!s.expiry().isZero()) {
      hashed.setKeyExpirationTime(true, s.expiry().toSeconds());
    }
    gen.setHashedSubpackets(hashed.generate());
    return gen;
  }

  /** A binary signature over {@link #DATA} by {@code key}'s primary key, made now, SHA-256. */
  static byte[] signatureByThePrimaryKey(PgpKey key) throws Exception {
    PGPSecretKey secret = key.ring().getSecretKey();
    PGPPublicKey pub = secret.getPublicKey();
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(pub.getAlgorithm(), HashAlgorithmTags.SHA256), pub);
    gen.init(PGPSignature.BINARY_DOCUMENT, key.unlocked().privateKey(secret));
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, new Date());
    hashed.setIssuerFingerprint(false, pub);
    gen.setHashedSubpackets(hashed.generate());
    gen.update(DATA);
    return gen.generate().getEncoded();
  }

  static SignatureVerification verify(byte[] signature, PgpKey key, PgpPolicy policy) {
    List<SignatureVerification> results =
        PgpSignatures.verify(
            new ByteArrayInputStream(DATA),
            new ByteArrayInputStream(signature),
            List.of(key.certificate()),
            policy);
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  static PGPKeyPair ed25519() throws PGPException {
    Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
    g.init(new Ed25519KeyGenerationParameters(RANDOM));
    return new BcPGPKeyPair(
        PublicKeyPacket.VERSION_4,
        PublicKeyAlgorithmTags.Ed25519,
        g.generateKeyPair(),
        Date.from(MADE));
  }

  static PGPKeyPair rsa() throws PGPException {
    return CraftedCertificate.rsa(MADE);
  }

  static PGPKeyPair x25519() throws PGPException {
    X25519KeyPairGenerator g = new X25519KeyPairGenerator();
    g.init(new X25519KeyGenerationParameters(RANDOM));
    return new BcPGPKeyPair(
        PublicKeyPacket.VERSION_4,
        PublicKeyAlgorithmTags.X25519,
        g.generateKeyPair(),
        Date.from(MADE));
  }
}
