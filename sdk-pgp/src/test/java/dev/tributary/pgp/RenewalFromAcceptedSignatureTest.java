package dev.tributary.pgp;

import static dev.tributary.pgp.RefusedSelfSignatureTest.MADE;
import static dev.tributary.pgp.RefusedSelfSignatureTest.key;
import static dev.tributary.pgp.RefusedSelfSignatureTest.rsa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.RefusedSelfSignatureTest.Self;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.junit.jupiter.api.Test;

/**
 * {@link PgpKey#renew} copies the newest self-signature the policy accepts, not the newest one: it
 * copied a SHA-1 self-signature made after SHA-1's cut-off (2023-02-01), which binds nothing, into
 * a new SHA-256 one that counts, so the renewed key took the refused signature's flags (here: a
 * certify-only primary key became a signing key). With no accepted signature to start from, it
 * refuses and says why.
 *
 * <p>The keys ({@link RefusedSelfSignatureTest#key}) have an RSA primary key made two days ago,
 * with the user ID self-signatures each test needs, and an X25519 subkey.
 */
class RenewalFromAcceptedSignatureTest {
  static final Duration WINDOW = Duration.ofDays(30);

  @Test
  void renew_copiesTheNewestAcceptedSelfSignature_notANewerRefusedOne() throws Exception {
    PgpKey key =
        key(
            rsa(),
            Self.userId(HashAlgorithmTags.SHA256, MADE.plusSeconds(60), KeyFlags.CERTIFY_OTHER)
                .expiringAfter(Duration.ofDays(10)),
            Self.userId(
                    HashAlgorithmTags.SHA1,
                    MADE.plusSeconds(3600),
                    KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
                .expiringAfter(Duration.ofDays(10)));
    assertThat(key.describe().primaryKey().capabilities()).isEqualTo(Set.of(KeyCapability.CERTIFY));

    PgpKey renewed = key.renew(WINDOW);

    ComponentKey primary = renewed.describe().primaryKey();
    assertThat(primary.capabilities()).isEqualTo(Set.of(KeyCapability.CERTIFY));
    assertThat(primary.expires()).isAfter(Instant.now().plus(WINDOW));
  }

  @Test
  void renew_withOnlyARefusedSelfSignatureDue_refusesNamingIt() throws Exception {
    PgpKey key =
        key(
            rsa(),
            Self.userId(
                    HashAlgorithmTags.SHA1,
                    MADE.plusSeconds(3600),
                    KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
                .expiringAfter(Duration.ofDays(10)));

    assertThatThrownBy(() -> key.renew(WINDOW))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "cannot renew key "
                + key.fingerprint()
                + ": the self-signature of user ID \""
                + RefusedSelfSignatureTest.USER_ID
                + "\" is made with SHA1, which the policy refuses for a signature made on "
                + MADE.plusSeconds(3600).toString().substring(0, 10)
                + " (PgpPolicy.acceptSha1Signatures accepts it), and no older one is accepted;"
                + " make a new self-signature (gpg --quick-set-expire) or accept the hash in the"
                + " policy");
  }
}
