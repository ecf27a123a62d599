package dev.tributary.pgp;

import static dev.tributary.pgp.ShortSelfSignatureHashTest.BOUND;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.MADE;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA256;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA384;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.USER_ID;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.ed25519;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.generator;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.hoursAgo;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.p384;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;

/**
 * A revocation whose hash is too short for the key that made it (SHA-256 by a P-384 key, SHA-224 by
 * Ed25519) still revokes, if it verifies: a self-signature or certification made so binds nothing
 * ({@link ShortSelfSignatureHashTest}), but ignoring a revocation leaves a key its owner gave up
 * (maybe because it leaked) in use, while honouring a forged one could at worst deny service, and a
 * forgery does not verify. Such revocations counted for nothing: the key, subkey or user ID stayed
 * valid and was encrypted to.
 */
class ShortHashRevocationTest {
  private static final String OTHER = "Other <other@example.com>";

  /** The Builder's revocations give no reason, which makes them hard. */
  private static final String NO_REASON = "no reason given, a hard revocation";

  @Test
  void p384KeyRevokedWithSha256_isRevoked_andNotEncryptedTo() throws Exception {
    assertRevokedAnHourAgo(encryptionKey(p384()).revokeKey(SHA256).build());
  }

  @Test
  void ed25519KeyRevokedWithSha224_isRevoked_andNotEncryptedTo() throws Exception {
    PgpKey key = encryptionKey(ed25519()).revokeKey(HashAlgorithmTags.SHA224).build();

    assertThat(key.certificate().describe().primaryKey().revoked()).isTrue();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("the whole certificate is revoked");
  }

  @Test
  void subkeyRevokedWithSha256ByItsP384PrimaryKey_isNotEncryptedTo() throws Exception {
    assertSubkeyRevokedAnHourAgo(encryptionKey(p384()).revokeSubkey(SHA256).build());
  }

  /** A revocation that does not verify revokes nothing, however short its hash. */
  @Test
  void shortHashKeyRevocationThatDoesNotVerify_isIgnored() throws Exception {
    PgpKey key = encryptionKey(p384()).brokenKeyRevocation(SHA256).build();

    assertThat(key.describe().primaryKey().revoked()).isFalse();
    assertThat(key.describe().keys()).allMatch(ComponentKey::usable);
    assertThat(PgpEncryptor.builder().recipient(key.certificate()).build()).isNotNull();
  }

  @Test
  void userIdRevokedWithSha256ByItsP384PrimaryKey_isRevoked() throws Exception {
    PgpKey key =
        encryptionKey(p384()).userId(OTHER, SHA384, BOUND).revokeUserId(OTHER, SHA256).build();
    PgpCertificate cert = key.certificate();

    assertThat(cert.describe().revokedUserIds()).containsExactly(OTHER);
    assertThat(cert.userIdsCertifiedBy(List.of(cert), Instant.now())).containsExactly(USER_ID);
  }

  /**
   * Renewing a key leaves a user ID revoked with a short hash alone: it renewed the user ID's older
   * self-signature, which, newer than the revocation then, takes the revocation back for Sequoia
   * and GnuPG, which go by the newest.
   */
  @Test
  void userIdRevokedWithSha256_staysRevokedWhenTheKeyIsRenewed() throws Exception {
    long expiry = Duration.between(MADE, Instant.now().plus(Duration.ofDays(10))).getSeconds();
    PgpKey key =
        new Builder(p384())
            .userId(USER_ID, SHA384, BOUND, expiry)
            .userId(OTHER, SHA384, BOUND, expiry)
            .revokeUserId(OTHER, SHA256)
            .build();

    PgpKey renewed = key.renew(Duration.ofDays(90));

    assertThat(renewed.describe().primaryKey().expiry())
        .hasValueSatisfying(e -> assertThat(e).isAfter(Instant.now().plus(Duration.ofDays(90))));
    assertThat(renewed.describe().revokedUserIds()).containsExactly(OTHER);
    List<PGPSignature> others = new ArrayList<>();
    renewed
        .certificate()
        .ring()
        .getPublicKey()
        .getSignaturesForID(OTHER)
        .forEachRemaining(others::add);
    assertThat(others)
        .as("the user ID's self-signature and its revocation, nothing newer")
        .extracting(PGPSignature::getSignatureType)
        .containsExactly(
            PGPSignature.POSITIVE_CERTIFICATION, PGPSignature.CERTIFICATION_REVOCATION);
  }

  /** A P-384 authority that revoked its certification with SHA-256 vouches for nothing. */
  @Test
  void certificationRevokedWithSha256_certifiesNothing() throws Exception {
    Builder authority = new Builder(p384()).userId(SHA384, BOUND, KeyFlags.CERTIFY_OTHER);
    PgpCertificate authorityCert = authority.build().certificate();
    PgpCertificate subject = encryptionKey(ed25519()).build().certificate();
    PgpCertificate certified =
        sign(subject, authority, PGPSignature.DEFAULT_CERTIFICATION, SHA384, hoursAgo(2));
    assertThat(certified.userIdsCertifiedBy(List.of(authorityCert), Instant.now()))
        .containsExactly(USER_ID);

    PgpCertificate revoked =
        sign(certified, authority, PGPSignature.CERTIFICATION_REVOCATION, SHA256, hoursAgo(1));
    assertThat(revoked.userIdsCertifiedBy(List.of(authorityCert), Instant.now())).isEmpty();
  }

  /** That {@code key} was revoked as a whole an hour ago: described so, and not encrypted to. */
  static void assertRevokedAnHourAgo(PgpKey key) {
    String day = hoursAgo(1).toString().substring(0, 10);
    ComponentKey primary = key.describe().primaryKey();
    assertThat(primary.revoked()).isTrue();
    assertThat(primary.whyUnusable()).contains("revoked on " + day + ": " + NO_REASON);
    assertThat(key.describe().toString()).contains(key.keyId() + " created").contains("REVOKED");
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            "the whole certificate is revoked (since " + day + ": " + NO_REASON + ")");
  }

  /** That the subkey of {@code key}, not its primary key, was revoked an hour ago. */
  static void assertSubkeyRevokedAnHourAgo(PgpKey key) {
    ComponentKey subkey = key.describe().keys().get(1);
    String day = hoursAgo(1).toString().substring(0, 10);
    assertThat(subkey.revoked()).isTrue();
    assertThat(subkey.whyUnusable()).contains("revoked on " + day + ": " + NO_REASON);
    assertThat(key.describe().primaryKey().revoked()).isFalse();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(subkey.keyId() + ": revoked (since " + day + ": " + NO_REASON + ")");
  }

  /** A key whose primary key certifies and signs, with an encryption subkey, all bound well. */
  static Builder encryptionKey(org.bouncycastle.openpgp.PGPKeyPair primary) throws PGPException {
    int hash = SHA384;
    return new Builder(primary)
        .userId(hash, BOUND, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
        .encryption(hash);
  }

  /** {@code subject} with a signature of {@code type} by {@code authority} on its user ID. */
  static PgpCertificate sign(
      PgpCertificate subject, Builder authority, int type, int hash, Instant made)
      throws PGPException {
    PGPPublicKey pub = subject.ring().getPublicKey();
    PGPSignature sig =
        generator(authority.primary, type, hash, made, 0).generateCertification(USER_ID, pub);
    return new PgpCertificate(
        PGPPublicKeyRing.insertPublicKey(
            subject.ring(), PGPPublicKey.addCertification(pub, USER_ID, sig)));
  }
}
