package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SecretKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Changing a key's passphrase, revoking a key, and keys that only sign. */
class KeyMaintenanceTest {
  static final Secret OLD = Secret.of("old passphrase");
  static final Secret NEW = Secret.of("new passphrase");

  /** RSA4096 is left out: it takes RSA3072's path, and generating it costs seconds. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RFC9580", "RSA3072"})
  void withPassphrase_protectedToOther_toNone_toProtected_keepsThePublicPart(KeyProfile profile) {
    PgpKey original = PgpKey.generate(profile, "Maintenance <m@example.com>", OLD);
    byte[] certificate = original.certificate().encoded();

    PgpKey changed = reparsed(original.withPassphrase(NEW), NEW);
    assertThat(changed.isProtected()).isTrue();
    assertProtection(changed);
    assertThatThrownBy(() -> reparsed(changed, OLD).checkPassphrase())
        .isInstanceOf(PgpWrongPassphraseException.class)
        .hasMessageContaining(original.fingerprint());

    PgpKey unprotected = reparsed(changed.withPassphrase(Secret.empty()), Secret.empty());
    assertThat(unprotected.isProtected()).isFalse();
    assertThat(unprotected.describe().isProtected()).isFalse();

    PgpKey again = reparsed(unprotected.withPassphrase(OLD), OLD);
    assertThat(again.isProtected()).isTrue();
    assertProtection(again);

    for (PgpKey k : List.of(changed, unprotected, again)) {
      assertThat(k.certificate().encoded()).isEqualTo(certificate);
      byte[] message = encrypt(PgpEncryptor.builder().recipient(k.certificate()).build(), TEXT);
      assertThat(decrypt(PgpDecryptor.builder().key(k).build(), message)).isEqualTo(TEXT);
    }
    assertThat(original.armored().reveal()).isEqualTo(reparsed(original, OLD).armored().reveal());
  }

  /** The new key, read back from its armored text: what a user stores and parses later. */
  private static PgpKey reparsed(PgpKey key, Secret passphrase) {
    PgpKey parsed = PgpKey.parse(key.armored().reveal(), passphrase);
    if (!passphrase.isEmpty() || !parsed.isProtected()) {
      parsed.checkPassphrase();
    }
    return parsed;
  }

  /** v4: S2K usage 254, AES-256, iterated+salted SHA-256; v6: AEAD (OCB, AES-256) with Argon2. */
  private static void assertProtection(PgpKey key) {
    for (PGPSecretKey k : key.ring()) {
      S2K s2k = k.getS2K();
      if (k.getPublicKey().getVersion() == 6) {
        assertThat(k.getS2KUsage()).isEqualTo(SecretKeyPacket.USAGE_AEAD);
        assertThat(k.getAEADKeyEncryptionAlgorithm()).isEqualTo(AEADAlgorithmTags.OCB);
        assertThat(s2k.getType()).isEqualTo(S2K.ARGON_2);
      } else {
        assertThat(k.getS2KUsage()).isEqualTo(SecretKeyPacket.USAGE_SHA1);
        assertThat(s2k.getType()).isEqualTo(S2K.SALTED_AND_ITERATED);
        assertThat(s2k.getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA256);
        assertThat(s2k.getIterationCount()).as("16 MiB hashed per unlock").isEqualTo(16L << 20);
      }
      assertThat(k.getKeyEncryptionAlgorithm()).isEqualTo(SymmetricKeyAlgorithmTags.AES_256);
    }
  }

  /**
   * A key generated with a passphrase was protected by BouncyCastle's defaults: AES-128 and 64 KiB
   * of S2K work for v4 keys (gpg --list-packets: "protect count: 65536").
   */
  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void generate_withPassphrase_protectsAsReprotectionDoes(KeyProfile profile) {
    PgpKey key = PgpKey.generate(profile, "K <k@example.com>", OLD);
    assertThat(key.isProtected()).isTrue();
    assertProtection(key);
    PgpKey parsed = reparsed(key, OLD);
    byte[] message = encrypt(PgpEncryptor.builder().recipient(key.certificate()).build(), TEXT);
    assertThat(decrypt(PgpDecryptor.builder().key(parsed).build(), message)).isEqualTo(TEXT);
  }

  @Test
  void withPassphrase_wrongCurrentPassphrase_namesTheKeyNotThePassphrase() {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "K <k@example.com>", OLD);
    PgpKey wrong = PgpKey.parse(key.armored().reveal(), Secret.of("not it"));
    assertThatThrownBy(() -> wrong.withPassphrase(NEW))
        .isInstanceOf(PgpWrongPassphraseException.class)
        .hasMessage("wrong passphrase for private key " + key.fingerprint());
    PgpKey none = PgpKey.parse(key.armored().reveal(), Secret.empty());
    assertThatThrownBy(() -> none.withPassphrase(NEW))
        .isInstanceOf(PgpWrongPassphraseException.class)
        .hasMessageContaining("none was given");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RFC9580"})
  void revocationCertificate_isRevoked_refusedAsRecipient_andInvalidatesSignatures(
      KeyProfile profile) throws InterruptedException {
    PgpKey key = PgpKey.generate(profile, "Leaked <leaked@example.com>", OLD);
    byte[] signature = sign(key);
    assertThat(verify(signature, key.certificate()).valid()).isTrue();
    Thread.sleep(1100); // signed a whole second before the revocation: its timestamps are seconds

    PgpCertificate revoked = PgpCertificate.parse(key.revocationCertificate().armored());

    assertThat(revoked.fingerprint()).isEqualTo(key.fingerprint());
    assertThat(revoked.describe().primaryKey().revoked()).isTrue();
    assertThat(revoked.describe().toString()).contains("REVOKED");
    assertThat(key.certificate().describe().primaryKey().revoked()).isFalse();
    assertThatThrownBy(() -> encrypt(PgpEncryptor.builder().recipient(revoked).build(), TEXT))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("certificate " + key.fingerprint())
        .hasMessageContaining("the whole certificate is revoked");
    // "No reason specified" is a hard revocation: a signature made before it is invalid too.
    SignatureVerification afterwards = verify(signature, revoked);
    assertThat(afterwards.valid()).isFalse();
    assertThat(afterwards.failure()).get().asString().contains("revoked");
  }

  @Test
  void revocationCertificate_wrongPassphrase_failsNamingTheKey() {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "K <k@example.com>", OLD);
    PgpKey wrong = PgpKey.parse(key.armored().reveal(), Secret.of("not it"));
    assertThatThrownBy(wrong::revocationCertificate)
        .isInstanceOf(PgpWrongPassphraseException.class)
        .hasMessageContaining(key.fingerprint());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RFC9580", "RSA3072"})
  void generateSigningOnly_signs_butCannotBeEncryptedTo(KeyProfile profile) {
    PgpKey key =
        PgpKey.generator(profile).userId("Signer <s@example.com>").signingOnly().generate();
    assertThat(key.describe().keys())
        .allSatisfy(
            k ->
                assertThat(k.capabilities())
                    .doesNotContain(
                        KeyCapability.ENCRYPT_COMMUNICATIONS, KeyCapability.ENCRYPT_STORAGE));
    assertThat(key.describe().keys()).hasSize(2);
    assertThat(verify(sign(key), key.certificate()).valid()).isTrue();
    assertThatThrownBy(
            () -> encrypt(PgpEncryptor.builder().recipient(key.certificate()).build(), TEXT))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("has no key we may encrypt to");
  }

  static byte[] sign(PgpKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpSignatures.sign(new ByteArrayInputStream(TEXT), out, List.of(key), false);
    return out.toByteArray();
  }

  static SignatureVerification verify(byte[] signature, PgpCertificate cert) {
    List<SignatureVerification> results =
        PgpSignatures.verify(
            new ByteArrayInputStream(TEXT),
            new ByteArrayInputStream(signature),
            List.of(cert),
            PgpPolicy.defaults());
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}
