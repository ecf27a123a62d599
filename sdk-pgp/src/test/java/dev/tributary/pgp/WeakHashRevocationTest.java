package dev.tributary.pgp;

import static dev.tributary.pgp.ShortSelfSignatureHashTest.BOUND;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.USER_ID;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A revocation made with a weak hash (SHA-1, RIPEMD-160, MD5) after the policy's cut-off for it
 * still revokes, if it verifies. A signature that grants something (a binding, a self-signature, a
 * certification, a signature over data) made so counts for nothing, and still does (the pins
 * below); but a key, subkey or user ID its owner revoked with SHA-1 stayed usable and was encrypted
 * to, which is fail-open. Honouring a forged weak-hash revocation can at most deny service, and
 * forging one takes the owner's own signature over data the forger chose. The keys are RSA, whose
 * signatures have no minimum hash length, so only the hash's age is at stake ({@link
 * ShortHashRevocationTest} covers a hash too short for the key).
 */
class WeakHashRevocationTest {
  private static final int SHA1 = HashAlgorithmTags.SHA1;
  private static final int SHA256 = HashAlgorithmTags.SHA256;
  private static final String OTHER = "Other <other@example.com>";

  @ParameterizedTest(name = "hash {0}")
  @ValueSource(ints = {HashAlgorithmTags.SHA1, HashAlgorithmTags.RIPEMD160, HashAlgorithmTags.MD5})
  void keyRevokedWithAWeakHash_isRevoked_andNotEncryptedTo(int hash) throws Exception {
    PgpKey key = rsaKey().revokeKey(hash).build();

    ShortHashRevocationTest.assertRevokedAnHourAgo(key);
    assertThat(key.certificate().describe().primaryKey().revoked()).isTrue();
    assertThatThrownBy(() -> ShortSelfSignatureHashTest.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);
  }

  @Test
  void subkeyRevokedWithSha1_isRevoked_andNotEncryptedTo() throws Exception {
    ShortHashRevocationTest.assertSubkeyRevokedAnHourAgo(rsaKey().revokeSubkey(SHA1).build());
  }

  @Test
  void userIdRevokedWithSha1_isRevoked() throws Exception {
    PgpKey key = rsaKey().userId(OTHER, SHA256, BOUND).revokeUserId(OTHER, SHA1).build();
    PgpCertificate cert = key.certificate();

    assertThat(cert.describe().revokedUserIds()).containsExactly(OTHER);
    assertThat(cert.userIdsCertifiedBy(List.of(cert), Instant.now())).containsExactly(USER_ID);
  }

  /** The primary user ID revoked with SHA-1 no longer gives the primary key its flags. */
  @Test
  void onlyUserIdRevokedWithSha1_leavesThePrimaryKeyUnableToSign() throws Exception {
    PgpKey key = rsaKey().revokeUserId(USER_ID, SHA1).build();

    assertThat(key.describe().revokedUserIds()).containsExactly(USER_ID);
    assertThatThrownBy(() -> ShortSelfSignatureHashTest.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);
  }

  /** A weak-hash revocation must still verify: one over another key revokes nothing. */
  @Test
  void sha1KeyRevocationThatDoesNotVerify_isIgnored() throws Exception {
    PgpKey key = rsaKey().brokenKeyRevocation(SHA1).build();

    assertThat(key.describe().primaryKey().revoked()).isFalse();
    assertThat(key.describe().keys()).allMatch(ComponentKey::usable);
    assertThat(PgpEncryptor.builder().recipient(key.certificate()).build()).isNotNull();
  }

  /** An authority that revoked its certification with SHA-1 vouches for nothing. */
  @Test
  void certificationRevokedWithSha1_certifiesNothing() throws Exception {
    Builder authority = authority();
    PgpCertificate authorityCert = authority.build().certificate();
    PgpCertificate certified = certifiedBy(authority, SHA256);
    assertThat(certified.userIdsCertifiedBy(List.of(authorityCert), Instant.now()))
        .containsExactly(USER_ID);

    PgpCertificate revoked =
        ShortHashRevocationTest.sign(
            certified, authority, PGPSignature.CERTIFICATION_REVOCATION, SHA1, hoursAgo(1));
    assertThat(revoked.userIdsCertifiedBy(List.of(authorityCert), Instant.now())).isEmpty();
  }

  /** Pin: a subkey binding made with SHA-1 after the cut-off still binds nothing. */
  @Test
  void subkeyBoundWithSha1Recently_isStillNotEncryptedTo() throws Exception {
    PgpKey key =
        new Builder(RefusedSelfSignatureTest.rsa())
            .userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
            .encryption(SHA1, hoursAgo(2))
            .build();

    assertThat(key.describe().keys().get(1).usable()).isFalse();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class);
  }

  /** Pin: a third-party certification made with SHA-1 after the cut-off still vouches for none. */
  @Test
  void certificationMadeWithSha1Recently_stillCertifiesNothing() throws Exception {
    Builder authority = authority();
    PgpCertificate certified = certifiedBy(authority, SHA1);

    assertThat(
            certified.userIdsCertifiedBy(List.of(authority.build().certificate()), Instant.now()))
        .isEmpty();
  }

  /**
   * Pin: a SHA-1 user ID self-signature made after the cut-off still gives the key nothing: here it
   * would be the newest, and would let the primary key sign.
   */
  @Test
  void userIdSelfSignatureWithSha1Recently_stillGrantsNothing() throws Exception {
    PgpKey key =
        new Builder(RefusedSelfSignatureTest.rsa())
            .userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER)
            .userId(SHA1, hoursAgo(1), KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
            .build();

    assertThat(key.describe().primaryKey().capabilities()).containsExactly(KeyCapability.CERTIFY);
    assertThatThrownBy(() -> ShortSelfSignatureHashTest.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);
  }

  /** An RSA key that certifies and signs, with an X25519 encryption subkey, bound with SHA-256. */
  static Builder rsaKey() throws PGPException {
    return new Builder(RefusedSelfSignatureTest.rsa())
        .userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
        .encryption(SHA256);
  }

  /** An RSA key that certifies, bound with SHA-256. */
  private static Builder authority() throws PGPException {
    return new Builder(RefusedSelfSignatureTest.rsa())
        .userId(SHA256, BOUND, KeyFlags.CERTIFY_OTHER);
  }

  /** A new {@link #rsaKey()} whose user ID {@code authority} certified two hours ago. */
  private static PgpCertificate certifiedBy(Builder authority, int hash) throws PGPException {
    return ShortHashRevocationTest.sign(
        rsaKey().build().certificate(),
        authority,
        PGPSignature.DEFAULT_CERTIFICATION,
        hash,
        hoursAgo(2));
  }
}
