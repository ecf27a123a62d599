package dev.tributary.pgp;

import static dev.tributary.pgp.RevocationReasonTest.revokeKey;
import static dev.tributary.pgp.RevocationReasonTest.signAt;
import static dev.tributary.pgp.RevocationReasonTest.signingSubkey;
import static dev.tributary.pgp.RevocationReasonTest.verify;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key whose primary key only certifies and whose signing subkey signs, as GnuPG makes them with a
 * signing subkey, its primary key revoked softly two hours ago: what the subkey signed before stays
 * valid, as in Sequoia. BouncyCastle 1.8x took no subkey of such a revoked primary key as valid at
 * any time, so those signatures failed as made by "not a valid signing key".
 */
class SoftRevokedPrimaryKeyTest {
  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {1, 3})
  void primaryKeySoftRevoked_signingSubkeysSignatureBeforeVerifies_oneAfterDoesNot(int reason)
      throws Exception {
    Builder b = signingSubkey();
    PGPKeyPair sub = b.subkeyPairs.get(0);
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, hoursAgo(2), reason);

    assertThat(verify(signAt(sub, hoursAgo(3)), cert).failure()).isEmpty();
    assertThat(verify(signAt(sub, hoursAgo(1)), cert).failure())
        .get()
        .asString()
        .contains("its primary key " + cert.keyId() + " was revoked on ")
        .endsWith(", a soft revocation, before the signature was made");
  }

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {0, 2})
  void primaryKeyHardRevoked_signingSubkeysSignatureBeforeDoesNotVerify(int reason)
      throws Exception {
    Builder b = signingSubkey();
    PGPKeyPair sub = b.subkeyPairs.get(0);
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, hoursAgo(2), reason);

    assertThat(verify(signAt(sub, hoursAgo(3)), cert).valid()).isFalse();
  }
}
