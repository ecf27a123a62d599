package dev.tributary.pgp;

import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA256;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA384;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import dev.tributary.testing.PgpTestKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.junit.jupiter.api.Test;

/**
 * {@code describe()} says why a key cannot be used, and which user IDs are revoked. A subkey whose
 * binding the policy refuses, a revoked subkey and a subkey created after the time described showed
 * no capabilities and no reason (a revoked one only "REVOKED"), and a revoked user ID looked like
 * any other. Capabilities are what the key flags declare; {@link ComponentKey#usableCapabilities()}
 * what may be used.
 */
class DescribeUnusableKeysTest {
  static final Set<KeyCapability> ENCRYPT =
      Set.of(KeyCapability.ENCRYPT_COMMUNICATIONS, KeyCapability.ENCRYPT_STORAGE);

  @Test
  void subkeyWhoseBindingIsRefused_showsItsDeclaredCapabilitiesAndWhy() throws Exception {
    PgpKey key =
        new Builder(ShortSelfSignatureHashTest.p384())
            .userId(SHA384, ShortSelfSignatureHashTest.BOUND, KeyFlags.CERTIFY_OTHER)
            .encryption(SHA256)
            .build();
    ComponentKey sub = key.certificate().describe().keys().get(1);

    assertThat(sub.capabilities()).isEqualTo(ENCRYPT);
    assertThat(sub.usable()).isFalse();
    assertThat(sub.usableCapabilities()).isEmpty();
    assertThat(sub.whyUnusable())
        .hasValue(
            "its self-signatures use SHA256 (256 bits), too short for the ECDSA NIST P-384 key "
                + key.keyId()
                + " that made them, which needs a hash of at least 384 bits (RFC 9580, section"
                + " 5.2.3)");
    assertThat(key.describe().toString())
        .contains("[ENCRYPT_COMMUNICATIONS, ENCRYPT_STORAGE] (unusable: its self-signatures use");
    assertThat(key.describe().primaryKey().usable()).isTrue();
  }

  @Test
  void revokedSubkey_showsItsCapabilitiesAndWhenItWasRevoked() {
    KeyDescription d = PgpCertificate.of(PgpTestKeys.REVOKED_SUBKEY.publicKey()).describe();
    ComponentKey sub = d.keys().get(1);

    assertThat(sub.revoked()).isTrue();
    assertThat(sub.capabilities()).isEqualTo(ENCRYPT);
    assertThat(sub.usableCapabilities()).isEmpty();
    assertThat(sub.whyUnusable().orElseThrow())
        .matches("revoked on \\d{4}-\\d{2}-\\d{2}: .*, a (hard|soft) revocation");
    assertThat(d.primaryKey().whyUnusable()).isEmpty();
  }

  /**
   * A primary key whose only user ID is revoked, so that no self-signature binds it, shows what its
   * user ID's self-signature declared, as a revoked subkey shows what its binding declared: it
   * showed no capabilities. (GnuPG 2.2 will not revoke a key's last user ID, so the key is built
   * here.)
   */
  @Test
  void primaryKeyWhoseUserIdsAreAllRevoked_showsItsDeclaredCapabilitiesAndWhy() throws Exception {
    Builder b = RevocationReasonTest.signingPrimary();
    Instant revoked = ShortSelfSignatureHashTest.hoursAgo(2);
    KeyDescription d =
        RevocationReasonTest.revokeUserId(
                b.build().certificate(), b.primary, revoked, ShortSelfSignatureHashTest.USER_ID, 32)
            .describe();

    assertThat(d.primaryKey().capabilities())
        .isEqualTo(Set.of(KeyCapability.CERTIFY, KeyCapability.SIGN));
    assertThat(d.primaryKey().usableCapabilities()).isEmpty();
    assertThat(d.primaryKey().whyUnusable())
        .hasValue(
            "its user IDs are all revoked, on "
                + revoked.toString().substring(0, 10)
                + ": user ID no longer valid, a soft revocation");
    assertThat(d.keys().get(1).capabilities()).isEqualTo(ENCRYPT);
    assertThat(d.keys().get(1).usableCapabilities()).isEmpty();
  }

  @Test
  void expiredSubkey_saysWhenItExpired() {
    ComponentKey sub =
        PgpCertificate.of(PgpTestKeys.EXPIRED_SUBKEY.publicKey()).describe().keys().get(1);
    assertThat(sub.capabilities()).isEqualTo(ENCRYPT);
    assertThat(sub.whyUnusable().orElseThrow()).startsWith("expired on 202");
  }

  @Test
  void subkeyCreatedAfterTheTimeDescribed_saysSo() throws Exception {
    Instant later = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    PgpKey key =
        new Builder(ShortSelfSignatureHashTest.p384())
            .userId(SHA384, ShortSelfSignatureHashTest.BOUND, KeyFlags.CERTIFY_OTHER)
            .encryption(SHA384, later)
            .build();
    ComponentKey sub = key.describe(later.minus(Duration.ofHours(1))).keys().get(1);

    assertThat(sub.capabilities()).isEqualTo(ENCRYPT);
    assertThat(sub.whyUnusable())
        .hasValue(DescribeBeforeCreationTest.notYetMade(later, later.minus(Duration.ofHours(1))));
    assertThat(key.describe().keys().get(1).usableCapabilities()).isEqualTo(ENCRYPT);
  }

  @Test
  void revokedUserId_isMarked() throws Exception {
    String other = "Other <other@example.com>";
    PgpKey key =
        new Builder(ShortSelfSignatureHashTest.p384())
            .userId(SHA384, ShortSelfSignatureHashTest.BOUND, KeyFlags.CERTIFY_OTHER)
            .userId(other, SHA384, ShortSelfSignatureHashTest.BOUND)
            .revokeUserId(other)
            .build();
    KeyDescription d = key.certificate().describe();

    assertThat(d.userIds()).containsExactly(ShortSelfSignatureHashTest.USER_ID, other);
    assertThat(d.revokedUserIds()).containsExactly(other);
    assertThat(d.isRevoked(other)).isTrue();
    assertThat(d.toString()).contains("uid " + other + " REVOKED");
    assertThat(d.toString()).doesNotContain(ShortSelfSignatureHashTest.USER_ID + " REVOKED");
  }
}
