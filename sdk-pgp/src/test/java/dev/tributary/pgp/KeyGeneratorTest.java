package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PgpKey#generator}: user IDs (none, one, several), passphrase, signing-only. */
class KeyGeneratorTest {
  @ParameterizedTest
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RFC9580"})
  void noUserId_aKeyWithoutOne_thatStillEncryptsAndDecrypts(KeyProfile profile) {
    PgpKey key = PgpKey.generator(profile).generate();

    assertThat(key.describe().userIds()).isEmpty();
    assertThat(key.isProtected()).isFalse();
    PgpCertificate cert = PgpCertificate.readAll(key.certificate().encoded()).get(0);
    byte[] message = encrypt(PgpEncryptor.builder().recipient(cert).build(), TEXT);
    assertThat(decrypt(PgpDecryptor.builder().key(key).build(), message)).isEqualTo(TEXT);
  }

  @Test
  void severalUserIds_allKept_inOrder_onlyTheFirstMarkedPrimary() {
    PgpKey key =
        PgpKey.generator(KeyProfile.CURVE25519)
            .userId("First <first@example.com>")
            .userId("Second <second@example.com>")
            .passphrase(Secret.of("pw"))
            .generate();

    assertThat(key.describe().userIds())
        .containsExactly("First <first@example.com>", "Second <second@example.com>");
    assertThat(primaryFlags(key.certificate().ring().getPublicKey()))
        .containsExactly("First <first@example.com>=true", "Second <second@example.com>=false");
    assertThat(key.isProtected()).isTrue();
    key.checkPassphrase();
  }

  @Test
  void blankUserId_isRefusedNamingIt() {
    assertThatThrownBy(() -> PgpKey.generator(KeyProfile.CURVE25519).userId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userId must not be blank: ' '");
    assertThatThrownBy(() -> PgpKey.generate(KeyProfile.CURVE25519, "", Secret.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userId must not be blank: ''");
  }

  private static List<String> primaryFlags(PGPPublicKey primary) {
    List<String> flags = new ArrayList<>();
    for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
      String id = ids.next();
      for (Iterator<PGPSignature> sigs = primary.getSignaturesForID(id); sigs.hasNext(); ) {
        flags.add(id + "=" + sigs.next().getHashedSubPackets().isPrimaryUserID());
      }
    }
    return flags;
  }
}
