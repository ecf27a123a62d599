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
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
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
 * A self-signature or certification whose hash is shorter than its issuer's key needs (RFC 9580,
 * section 5.2.3: SHA-256 for a P-384 key, SHA-224 for Ed25519) binds nothing, as in GnuPG, which
 * refuses to check it. Only signatures over data were refused ({@link ShortSignatureHashTest}); a
 * subkey binding, a user ID or direct-key self-signature and a third party's certification made so
 * still counted.
 *
 * <p>The keys are built here: a NIST P-384 (or Ed25519) primary key made two days ago, with the
 * self-signatures each test needs, an encryption subkey and a signing subkey.
 */
class ShortSelfSignatureHashTest {
  static final String USER_ID = "Short <short@example.com>";

  /** When the keys were made, as {@link RefusedSelfSignatureTest}'s, which makes Ed25519 ones. */
  static final Instant MADE = RefusedSelfSignatureTest.MADE;

  static final Instant BOUND = MADE.plusSeconds(60);
  static final byte[] DATA = "signed\n".getBytes(StandardCharsets.UTF_8);
  static final SecureRandom RANDOM = new SecureRandom();
  static final int SHA256 = HashAlgorithmTags.SHA256;
  static final int SHA384 = HashAlgorithmTags.SHA384;

  @Test
  void encryptionSubkeyBoundWithSha256ByAP384Key_isNoRecipientAndTheErrorSaysWhy()
      throws Exception {
    PgpKey key =
        new Builder(p384())
            .userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER)
            .encryption(SHA256)
            .build();
    String subkey = key.describe().keys().get(1).keyId();

    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            subkey
                + ": its self-signatures use SHA256 (256 bits), too short for the ECDSA NIST P-384 key "
                + key.keyId()
                + " that made them, which needs a hash of at least 384 bits (RFC 9580, section"
                + " 5.2.3)");
    assertThat(key.describe().keys().get(1).usableCapabilities()).isEmpty();
  }

  @Test
  void encryptionSubkeyBoundWithSha384_isARecipient() throws Exception {
    PgpKey key =
        new Builder(p384())
            .userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER)
            .encryption(SHA384)
            .build();
    assertThat(PgpEncryptor.builder().recipient(key.certificate()).build()).isNotNull();
    assertThat(key.describe().keys().get(1).capabilities())
        .containsExactlyInAnyOrder(
            KeyCapability.ENCRYPT_COMMUNICATIONS, KeyCapability.ENCRYPT_STORAGE);
  }

  @Test
  void ed25519EncryptionSubkeyBindingWithSha224_bindsNothing() throws Exception {
    PgpKey key =
        new Builder(ed25519())
            .userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER)
            .encryption(HashAlgorithmTags.SHA224)
            .build();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            "its self-signatures use SHA224 (224 bits), too short for the Ed25519");
  }

  @Test
  void signingSubkeyBoundWithSha256ByAP384Key_cannotSign() throws Exception {
    PgpKey key =
        new Builder(p384()).userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER).signing(SHA256).build();
    assertThat(key.describe().keys().get(1).usableCapabilities()).isEmpty();
    assertThatThrownBy(() -> sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessageContaining(
            key.keyId()
                + ": its key flags do not allow signing; "
                + key.describe().keys().get(1).keyId()
                + ": its self-signatures use SHA256 (256 bits), too short for the ECDSA NIST P-384"
                + " key");

    PgpKey fine =
        new Builder(p384()).userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER).signing(SHA384).build();
    assertThat(sign(fine)).isNotEmpty();
  }

  /** A certify-only primary key that a newer SHA-256 user ID self-signature says may sign. */
  @Test
  void sha256UserIdSelfSignatureOfAP384Key_doesNotMakeItASigningKey() throws Exception {
    PgpKey key =
        new Builder(p384())
            .userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER)
            .userId(SHA256, hoursAgo(1), KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
            .build();
    assertThat(key.describe().primaryKey().capabilities()).isEqualTo(Set.of(KeyCapability.CERTIFY));
    assertThatThrownBy(() -> sign(key)).isInstanceOf(PgpKeyCannotSignException.class);
  }

  /** The same with the flags on a newer SHA-256 direct-key signature. */
  @Test
  void sha256DirectKeySignatureOfAP384Key_doesNotMakeItASigningKey() throws Exception {
    PgpKey key =
        new Builder(p384())
            .userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER)
            .directKey(SHA256, hoursAgo(1), KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
            .build();
    assertThat(key.describe().primaryKey().capabilities()).isEqualTo(Set.of(KeyCapability.CERTIFY));
    assertThatThrownBy(() -> sign(key)).isInstanceOf(PgpKeyCannotSignException.class);
  }

  /** A user ID whose only self-signature is too short is not bound, so not self-certified. */
  @Test
  void userIdWithOnlyAShortSelfSignature_isNotAUserIdOfTheKey() throws Exception {
    PgpKey key =
        new Builder(p384())
            .userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
            .userId("Other <other@example.com>", SHA256, BOUND)
            .build();
    PgpCertificate cert = key.certificate();
    assertThat(cert.userIdsCertifiedBy(List.of(cert), Instant.now())).containsExactly(USER_ID);
  }

  /** A P-384 authority's certification made with SHA-256 vouches for nothing; SHA-384 does. */
  @Test
  void thirdPartyCertificationWithAShortHash_doesNotCertify() throws Exception {
    Builder authority = new Builder(p384()).userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER);
    PgpKey authorityKey = authority.build();
    PgpKey subject =
        new Builder(ed25519())
            .userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
            .build();
    Instant now = Instant.now();

    PgpCertificate shortCertified = certified(subject, authority, SHA256);
    assertThat(shortCertified.userIdsCertifiedBy(List.of(authorityKey.certificate()), now))
        .isEmpty();
    PgpCertificate certified = certified(subject, authority, SHA384);
    assertThat(certified.userIdsCertifiedBy(List.of(authorityKey.certificate()), now))
        .containsExactly(USER_ID);
  }

  private static PgpCertificate certified(PgpKey subject, Builder authority, int hash)
      throws PGPException {
    PGPPublicKey pub = subject.certificate().ring().getPublicKey();
    PGPSignatureGenerator gen =
        generator(authority.primary, PGPSignature.DEFAULT_CERTIFICATION, hash, hoursAgo(1), 0);
    PGPSignature sig = gen.generateCertification(USER_ID, pub);
    PGPPublicKeyRing ring =
        PGPPublicKeyRing.insertPublicKey(
            subject.certificate().ring(), PGPPublicKey.addCertification(pub, USER_ID, sig));
    return new PgpCertificate(ring);
  }

  static byte[] sign(PgpKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpSignatures.sign(new ByteArrayInputStream(DATA), out, List.of(key), true);
    return out.toByteArray();
  }

  static Instant hoursAgo(int hours) {
    return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
  }

  /** Builds a v4 key: its primary key's self-signatures, then at most one subkey. */
  static final class Builder {
    final PGPKeyPair primary;
    PGPPublicKey primaryPub;
    final List<PGPSecretKey> subkeys = new ArrayList<>();
    final List<PGPKeyPair> subkeyPairs = new ArrayList<>();
    final List<PGPPublicKey> subkeyPubs = new ArrayList<>();

    Builder(PGPKeyPair primary) {
      this.primary = primary;
      this.primaryPub = primary.getPublicKey();
    }

    Builder userId(int hash, Instant made, int flags) throws PGPException {
      PGPSignature sig =
          generator(primary, PGPSignature.POSITIVE_CERTIFICATION, hash, made, flags)
              .generateCertification(USER_ID, primaryPub);
      primaryPub = PGPPublicKey.addCertification(primaryPub, USER_ID, sig);
      return this;
    }

    Builder userId(String userId, int hash, Instant made) throws PGPException {
      return userId(userId, hash, made, 0);
    }

    /** The same, making the key expire {@code expiry} seconds after its creation (0: never). */
    Builder userId(String userId, int hash, Instant made, long expiry) throws PGPException {
      PGPSignature sig =
          generator(primary, PGPSignature.POSITIVE_CERTIFICATION, hash, made, 0, expiry)
              .generateCertification(userId, primaryPub);
      primaryPub = PGPPublicKey.addCertification(primaryPub, userId, sig);
      return this;
    }

    /** A revocation of {@code userId}, made an hour ago. */
    Builder revokeUserId(String userId) throws PGPException {
      return revokeUserId(userId, SHA384);
    }

    /** The same with {@code hash}. */
    Builder revokeUserId(String userId, int hash) throws PGPException {
      PGPSignature sig =
          generator(primary, PGPSignature.CERTIFICATION_REVOCATION, hash, hoursAgo(1), 0)
              .generateCertification(userId, primaryPub);
      primaryPub = PGPPublicKey.addCertification(primaryPub, userId, sig);
      return this;
    }

    /** A revocation of the whole key with {@code hash}, made an hour ago. */
    Builder revokeKey(int hash) throws PGPException {
      PGPSignature sig =
          generator(primary, PGPSignature.KEY_REVOCATION, hash, hoursAgo(1), 0)
              .generateCertification(primaryPub);
      primaryPub = PGPPublicKey.addCertification(primaryPub, sig);
      return this;
    }

    /** The same, but made over another key, so that it does not verify. */
    Builder brokenKeyRevocation(int hash) throws PGPException {
      PGPSignature sig =
          generator(primary, PGPSignature.KEY_REVOCATION, hash, hoursAgo(1), 0)
              .generateCertification(ed25519().getPublicKey());
      primaryPub = PGPPublicKey.addCertification(primaryPub, sig);
      return this;
    }

    /** A revocation of the last subkey added, with {@code hash}, made an hour ago. */
    Builder revokeSubkey(int hash) {
      subkeyRevocations.set(subkeyRevocations.size() - 1, hash);
      return this;
    }

    Builder directKey(int hash, Instant made, int flags) throws PGPException {
      PGPSignature sig =
          generator(primary, PGPSignature.DIRECT_KEY, hash, made, flags)
              .generateCertification(primaryPub);
      primaryPub = PGPPublicKey.addCertification(primaryPub, sig);
      return this;
    }

    /** An ECDH P-384 (X25519 for an Ed25519 primary key) subkey bound with {@code hash}. */
    Builder encryption(int hash) throws PGPException {
      return encryption(hash, MADE);
    }

    /** The same, created at {@code created}. */
    Builder encryption(int hash, Instant created) throws PGPException {
      PGPKeyPair sub =
          primary.getPublicKey().getAlgorithm() == PublicKeyAlgorithmTags.ECDSA
              ? ec(PublicKeyAlgorithmTags.ECDH, created)
              : x25519();
      PGPSignatureGenerator gen =
          generator(
              primary,
              PGPSignature.SUBKEY_BINDING,
              hash,
              created.isAfter(BOUND) ? created : BOUND,
              KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
      subkeyPairs.add(sub);
      subkeyPubs.add(sub.getPublicKey());
      pendingBindings.add(gen);
      subkeyRevocations.add(0);
      return this;
    }

    /** An Ed25519 signing subkey bound with {@code hash}, its back-signature SHA-512. */
    Builder signing(int hash) throws PGPException {
      PGPKeyPair sub = ed25519();
      PGPSignatureGenerator gen =
          generator(primary, PGPSignature.SUBKEY_BINDING, hash, BOUND, KeyFlags.SIGN_DATA);
      subkeyPairs.add(sub);
      subkeyPubs.add(sub.getPublicKey());
      pendingBindings.add(gen);
      subkeyRevocations.add(0);
      return this;
    }

    final List<PGPSignatureGenerator> pendingBindings = new ArrayList<>();

    /** The hash of each subkey's revocation, 0 for none. */
    final List<Integer> subkeyRevocations = new ArrayList<>();

    PgpKey build() throws PGPException {
      var sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
      List<PGPSecretKey> secrets = new ArrayList<>();
      secrets.add(new PGPSecretKey(primary.getPrivateKey(), primaryPub, sha1, true, null));
      for (int i = 0; i < subkeyPairs.size(); i++) {
        PGPKeyPair sub = subkeyPairs.get(i);
        PGPSignatureGenerator gen = pendingBindings.get(i);
        if (isSigning(sub)) {
          PGPSignatureGenerator back =
              generator(sub, PGPSignature.PRIMARYKEY_BINDING, HashAlgorithmTags.SHA512, BOUND, 0);
          PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
          hashed.setSignatureCreationTime(true, Date.from(BOUND));
          hashed.setIssuerFingerprint(false, primary.getPublicKey());
          hashed.setIssuerKeyID(false, primary.getKeyID());
          hashed.setKeyFlags(true, KeyFlags.SIGN_DATA);
          try {
            hashed.addEmbeddedSignature(
                false, back.generateCertification(primaryPub, sub.getPublicKey()));
          } catch (java.io.IOException e) {
            throw new PGPException("embedded signature", e);
          }
          gen.setHashedSubpackets(hashed.generate());
        }
        PGPPublicKey subPub =
            PGPPublicKey.addCertification(
                sub.getPublicKey(), gen.generateCertification(primaryPub, sub.getPublicKey()));
        if (subkeyRevocations.get(i) != 0) {
          PGPSignature revocation =
              generator(
                      primary,
                      PGPSignature.SUBKEY_REVOCATION,
                      subkeyRevocations.get(i),
                      hoursAgo(1),
                      0)
                  .generateCertification(primaryPub, subPub);
          subPub = PGPPublicKey.addCertification(subPub, revocation);
        }
        secrets.add(new PGPSecretKey(sub.getPrivateKey(), subPub, sha1, false, null));
      }
      return new PgpKey(new PGPSecretKeyRing(secrets), Secret.empty());
    }

    private static boolean isSigning(PGPKeyPair pair) {
      return pair.getPublicKey().getAlgorithm() == PublicKeyAlgorithmTags.Ed25519;
    }
  }

  static PGPSignatureGenerator generator(
      PGPKeyPair signer, int type, int hash, Instant made, int flags) throws PGPException {
    return generator(signer, type, hash, made, flags, 0);
  }

  /** The same with a key expiration time of {@code expiry} seconds (0: none). */
  static PGPSignatureGenerator generator(
      PGPKeyPair signer, int type, int hash, Instant made, int flags, long expiry)
      throws PGPException {
    PGPPublicKey pub = signer.getPublicKey();
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(new BcPGPContentSignerBuilder(pub.getAlgorithm(), hash), pub);
    gen.init(type, signer.getPrivateKey());
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, Date.from(made));
    hashed.setIssuerFingerprint(false, pub);
    hashed.setIssuerKeyID(false, pub.getKeyID());
    if (flags != 0) {
      hashed.setKeyFlags(true, flags);
    }
    if (expiry != 0) {
      hashed.setKeyExpirationTime(true, expiry);
    }
    gen.setHashedSubpackets(hashed.generate());
    return gen;
  }

  static PGPKeyPair p384() throws PGPException {
    return ec(PublicKeyAlgorithmTags.ECDSA);
  }

  static PGPKeyPair ecdhP384() throws PGPException {
    return ec(PublicKeyAlgorithmTags.ECDH);
  }

  private static PGPKeyPair ec(int algorithm) throws PGPException {
    return ec(algorithm, MADE);
  }

  private static PGPKeyPair ec(int algorithm, Instant created) throws PGPException {
    var curve = ECNamedCurveTable.getOID("P-384");
    ECKeyPairGenerator g = new ECKeyPairGenerator();
    g.init(
        new ECKeyGenerationParameters(
            new ECNamedDomainParameters(curve, ECNamedCurveTable.getByOID(curve)), RANDOM));
    return new BcPGPKeyPair(
        PublicKeyPacket.VERSION_4, algorithm, g.generateKeyPair(), Date.from(created));
  }

  static PGPKeyPair ed25519() throws PGPException {
    return RefusedSelfSignatureTest.ed25519();
  }

  static PGPKeyPair x25519() throws PGPException {
    return RefusedSelfSignatureTest.x25519();
  }
}
