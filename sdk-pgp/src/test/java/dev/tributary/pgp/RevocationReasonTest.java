package dev.tributary.pgp;

import static dev.tributary.pgp.ShortSelfSignatureHashTest.BOUND;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.DATA;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA256;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.USER_ID;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.ed25519;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hard and soft revocations (RFC 9580, section 5.2.3.31). A key or subkey revoked as superseded (1)
 * or retired (3) is revoked from the revocation's date on: what it signed before stays valid. Any
 * other reason (none given, 0, compromised, 2, an unknown or private code, and 32, which only means
 * something for a user ID) makes a hard revocation: every signature the key made is suspect,
 * whenever it was made. Sequoia reads reasons the same way, but for 32 on a key revocation, which
 * it takes as soft; GnuPG 2.2 reports any revoked key's signature as good but made by a revoked key
 * (REVKEYSIG). The keys are Ed25519, made two days ago; the data is signed three hours ago and an
 * hour ago, the revocation made between the two.
 */
class RevocationReasonTest {
  /** No Reason for Revocation subpacket at all. */
  static final int ABSENT = -1;

  private static final String OTHER = "Other <other@example.com>";

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {1, 3})
  void primaryKeySoftRevoked_signatureMadeBeforeVerifies_oneMadeAfterDoesNot(int reason)
      throws Exception {
    Builder b = signingPrimary();
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, hoursAgo(2), reason);

    assertThat(verify(signAt(b.primary, hoursAgo(3)), cert).valid()).isTrue();
    SignatureVerification after = verify(signAt(b.primary, hoursAgo(1)), cert);
    assertThat(after.valid()).isFalse();
    assertThat(after.failure()).get().asString().contains("revoked");
  }

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {ABSENT, 0, 2, 4, 32, 99, 100, 110, 200})
  void primaryKeyHardRevoked_signatureMadeBeforeDoesNotVerify(int reason) throws Exception {
    Builder b = signingPrimary();
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, hoursAgo(2), reason);

    SignatureVerification before = verify(signAt(b.primary, hoursAgo(3)), cert);
    assertThat(before.valid()).isFalse();
    assertThat(before.failure()).get().asString().contains("revoked");
    assertThat(verify(signAt(b.primary, hoursAgo(1)), cert).valid()).isFalse();
  }

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {1, 3})
  void signingSubkeySoftRevoked_signatureMadeBeforeVerifies_oneMadeAfterDoesNot(int reason)
      throws Exception {
    Builder b = signingSubkey();
    PGPKeyPair sub = b.subkeyPairs.get(0);
    PgpCertificate cert = revokeSubkey(b.build().certificate(), b.primary, hoursAgo(2), reason);

    assertThat(verify(signAt(sub, hoursAgo(3)), cert).valid()).isTrue();
    assertThat(verify(signAt(sub, hoursAgo(1)), cert).valid()).isFalse();
  }

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {ABSENT, 0, 2, 4, 32, 99, 100, 200})
  void signingSubkeyHardRevoked_signatureMadeBeforeDoesNotVerify(int reason) throws Exception {
    Builder b = signingSubkey();
    PGPKeyPair sub = b.subkeyPairs.get(0);
    PgpCertificate cert = revokeSubkey(b.build().certificate(), b.primary, hoursAgo(2), reason);

    assertThat(verify(signAt(sub, hoursAgo(3)), cert).valid()).isFalse();
    assertThat(verify(signAt(sub, hoursAgo(1)), cert).valid()).isFalse();
  }

  @Test
  void primaryKeyRevokedWithACode32_isHard_unlikeInSequoia() throws Exception {
    Builder b = signingPrimary();
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, hoursAgo(2), 32);

    SignatureVerification before = verify(signAt(b.primary, hoursAgo(3)), cert);

    assertThat(before.valid()).isFalse();
    assertThat(before.failure())
        .contains(
            "key "
                + cert.keyId()
                + " was revoked on "
                + day(hoursAgo(2))
                + ": user ID no longer valid, a hard revocation, which makes the signatures it"
                + " made before invalid too");
    assertThat(cert.describe().primaryKey().revocation())
        .isEqualTo(
            new KeyRevocation(hoursAgo(2), 32, "user ID no longer valid", true, "reason 32"));
  }

  @Test
  void signatureAfterASoftRevocation_failureNamesTheRevocation() throws Exception {
    Builder b = signingSubkey();
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, hoursAgo(2), 1);

    SignatureVerification after = verify(signAt(b.subkeyPairs.get(0), hoursAgo(1)), cert);

    assertThat(after.failure())
        .contains(
            "its primary key "
                + cert.keyId()
                + " was revoked on "
                + day(hoursAgo(2))
                + ": key superseded, a soft revocation, before the signature was made");
  }

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {ABSENT, 1, 2, 3, 105})
  void revokedKey_describedWithItsReason_andRefusedAsRecipientNamingIt(int reason)
      throws Exception {
    Builder b = signingPrimary();
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, hoursAgo(2), reason);
    boolean soft = reason == 1 || reason == 3;
    String kind =
        switch (reason) {
              case ABSENT -> "no reason given";
              case 1 -> "key superseded";
              case 2 -> "key compromised";
              case 3 -> "key retired";
              default -> "private reason 105";
            }
            + (soft ? ", a soft revocation" : ", a hard revocation");

    ComponentKey primary = cert.describe().primaryKey();

    assertThat(primary.revoked()).isTrue();
    assertThat(primary.revocation())
        .isEqualTo(
            new KeyRevocation(
                hoursAgo(2),
                reason,
                kind.substring(0, kind.indexOf(',')),
                !soft,
                reason == ABSENT ? "" : "reason " + reason));
    assertThat(primary.revocation().kind()).isEqualTo(kind);
    assertThat(primary.whyUnusable()).contains("revoked on " + day(hoursAgo(2)) + ": " + kind);
    assertThat(cert.describe().toString())
        .contains("REVOKED (unusable: revoked on " + day(hoursAgo(2)) + ": " + kind + ")");
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            "the whole certificate is revoked (since " + day(hoursAgo(2)) + ": " + kind + ")");
  }

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {1, 2})
  void revokedEncryptionSubkey_refusedNamingTheReason(int reason) throws Exception {
    Builder b = signingPrimary();
    PgpCertificate cert = revokeSubkey(b.build().certificate(), b.primary, hoursAgo(2), reason);
    ComponentKey sub = cert.describe().keys().get(1);
    String kind =
        reason == 1 ? "key superseded, a soft revocation" : "key compromised, a hard revocation";

    assertThat(sub.revocation()).extracting(KeyRevocation::kind).isEqualTo(kind);
    assertThat(cert.describe().primaryKey().revocation()).isNull();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            sub.keyId() + ": revoked (since " + day(hoursAgo(2)) + ": " + kind + ")");
  }

  /**
   * One of two user IDs revoked, with a hard reason or not, takes nothing from the key: its
   * signatures before and after verify, and it is encrypted to, as in Sequoia and GnuPG.
   */
  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {0, 32})
  void oneOfTwoUserIdsRevoked_keyStaysUsable(int reason) throws Exception {
    Builder b = signingPrimary().userId(OTHER, SHA256, BOUND);
    PgpCertificate cert =
        revokeUserId(b.build().certificate(), b.primary, hoursAgo(2), OTHER, reason);

    assertThat(cert.describe().revokedUserIds()).containsExactly(OTHER);
    assertThat(cert.describe().keys()).allMatch(ComponentKey::usable);
    assertThat(verify(signAt(b.primary, hoursAgo(3)), cert).valid()).isTrue();
    assertThat(verify(signAt(b.primary, hoursAgo(1)), cert).valid()).isTrue();
    assertThat(PgpEncryptor.builder().recipient(cert).build()).isNotNull();
  }

  /**
   * Pin: a key whose only user ID is revoked is not encrypted to, and the error says why; what it
   * signed before a soft (32) revocation of it verifies, before a hard one (0) not. Stricter than
   * Sequoia, which verifies both and its signatures after; GnuPG refuses to revoke the last user
   * ID.
   */
  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {0, 32})
  void onlyUserIdRevoked_keyUnusable_signaturesBeforeASoftRevocationVerify(int reason)
      throws Exception {
    Builder b = signingPrimary();
    PgpCertificate cert =
        revokeUserId(b.build().certificate(), b.primary, hoursAgo(2), USER_ID, reason);
    String kind =
        (reason == 0 ? "no reason specified, a hard" : "user ID no longer valid, a soft")
            + " revocation";

    assertThat(cert.describe().revokedUserIds()).containsExactly(USER_ID);
    assertThat(cert.describe().primaryKey().whyUnusable())
        .contains("its user IDs are all revoked, on " + day(hoursAgo(2)) + ": " + kind);
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            "the certificate's user IDs are all revoked (since "
                + day(hoursAgo(2))
                + ": "
                + kind
                + ")");
    assertThat(verify(signAt(b.primary, hoursAgo(3)), cert).valid()).isEqualTo(reason == 32);
    assertThat(verify(signAt(b.primary, hoursAgo(1)), cert).valid()).isFalse();
  }

  private static String day(Instant instant) {
    return instant.toString().substring(0, 10);
  }

  /** A key whose Ed25519 primary key certifies and signs, with an X25519 encryption subkey. */
  static Builder signingPrimary() throws PGPException {
    return new Builder(ed25519())
        .userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
        .encryption(SHA256);
  }

  /** A key whose Ed25519 primary key only certifies, with an Ed25519 signing subkey. */
  static Builder signingSubkey() throws PGPException {
    return new Builder(ed25519()).userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER).signing(SHA256);
  }

  /** {@code cert} with a key revocation made {@code at} for {@code reason} ({@link #ABSENT}). */
  static PgpCertificate revokeKey(PgpCertificate cert, PGPKeyPair primary, Instant at, int reason)
      throws PGPException {
    return revokeKey(cert, primary, at, reason, "reason " + reason);
  }

  /** {@link #revokeKey(PgpCertificate, PGPKeyPair, Instant, int)} with {@code comment}. */
  static PgpCertificate revokeKey(
      PgpCertificate cert, PGPKeyPair primary, Instant at, int reason, String comment)
      throws PGPException {
    PGPPublicKey pub = cert.ring().getPublicKey();
    PGPSignature sig =
        revocation(primary, PGPSignature.KEY_REVOCATION, at, reason, comment)
            .generateCertification(pub);
    return new PgpCertificate(
        PGPPublicKeyRing.insertPublicKey(cert.ring(), PGPPublicKey.addCertification(pub, sig)));
  }

  /** {@code cert} with its first subkey revoked {@code at} for {@code reason}. */
  static PgpCertificate revokeSubkey(
      PgpCertificate cert, PGPKeyPair primary, Instant at, int reason) throws PGPException {
    PGPPublicKey pub = cert.ring().getPublicKey();
    PGPPublicKey sub = cert.ring().getPublicKeys().next();
    for (var it = cert.ring().getPublicKeys(); it.hasNext(); ) {
      PGPPublicKey k = it.next();
      if (!k.isMasterKey()) {
        sub = k;
        break;
      }
    }
    PGPSignature sig =
        revocation(primary, PGPSignature.SUBKEY_REVOCATION, at, reason, "reason " + reason)
            .generateCertification(pub, sub);
    return new PgpCertificate(
        PGPPublicKeyRing.insertPublicKey(cert.ring(), PGPPublicKey.addCertification(sub, sig)));
  }

  /** {@code cert} with {@code userId} revoked {@code at} for {@code reason}. */
  static PgpCertificate revokeUserId(
      PgpCertificate cert, PGPKeyPair primary, Instant at, String userId, int reason)
      throws PGPException {
    return revokeUserId(cert, primary, at, userId, reason, "reason " + reason);
  }

  /**
   * {@link #revokeUserId(PgpCertificate, PGPKeyPair, Instant, String, int)} with {@code comment}.
   */
  static PgpCertificate revokeUserId(
      PgpCertificate cert,
      PGPKeyPair primary,
      Instant at,
      String userId,
      int reason,
      String comment)
      throws PGPException {
    PGPPublicKey pub = cert.ring().getPublicKey();
    PGPSignature sig =
        revocation(primary, PGPSignature.CERTIFICATION_REVOCATION, at, reason, comment)
            .generateCertification(userId, pub);
    return new PgpCertificate(
        PGPPublicKeyRing.insertPublicKey(
            cert.ring(), PGPPublicKey.addCertification(pub, userId, sig)));
  }

  private static PGPSignatureGenerator revocation(
      PGPKeyPair primary, int type, Instant at, int reason, String comment) throws PGPException {
    PGPPublicKey pub = primary.getPublicKey();
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(new BcPGPContentSignerBuilder(pub.getAlgorithm(), SHA256), pub);
    gen.init(type, primary.getPrivateKey());
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, Date.from(at));
    hashed.setIssuerFingerprint(false, pub);
    if (reason != ABSENT) {
      hashed.setRevocationReason(false, (byte) reason, comment);
    }
    gen.setHashedSubpackets(hashed.generate());
    return gen;
  }

  /** A detached binary signature over {@link ShortSelfSignatureHashTest#DATA} made {@code at}. */
  static byte[] signAt(PGPKeyPair signer, Instant at) throws Exception {
    PGPSignatureGenerator gen =
        ShortSelfSignatureHashTest.generator(signer, PGPSignature.BINARY_DOCUMENT, SHA256, at, 0);
    gen.update(DATA);
    return gen.generate().getEncoded();
  }

  static SignatureVerification verify(byte[] signature, PgpCertificate cert) {
    return ShortSignatureHashTest.verify(DATA, signature, cert);
  }
}
