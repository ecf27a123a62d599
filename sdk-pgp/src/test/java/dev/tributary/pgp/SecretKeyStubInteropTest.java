package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SecretKeyPacket;
import org.bouncycastle.bcpg.SecretSubkeyPacket;
import org.bouncycastle.bcpg.UserIDPacket;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A private key held whose encryption subkey is only a GnuPG stub: the message was encrypted to
 * that subkey, so the key matches, but its secret is not here. It was reported as the wrong key
 * (gnu-dummy stub, S2K mode 1001: {@code gpg --delete-secret-keys 'SUBKEY!'}, then exported) or as
 * a wrong passphrase (divert-to-card stub, S2K mode 1002: BouncyCastle reads the card's serial
 * number as protected key material). The stub is made by gpg from Alice's key; the smartcard stub
 * from it, as gpg writes one for a key on an OpenPGP card.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class SecretKeyStubInteropTest {
  static final byte[] TEXT = "for the encryption subkey\n".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension final Gpg gpg = Gpg.perTest();

  @Test
  void decryptingForASubkeyHeldAsAGnuDummyStub_saysItsSecretIsMissing() throws Exception {
    String subkey = encryptionSubkeyFingerprint();
    PgpKey stubbed = stubbedAlice(subkey);

    assertThatThrownBy(() -> decrypt(encryptedToAlice(), stubbed))
        .isInstanceOfSatisfying(
            PgpSecretKeyMissingException.class,
            e -> {
              assertThat(e.subkeyFingerprint()).isEqualTo(subkey);
              assertThat(e.keyFingerprint()).isEqualTo(PgpTestKeys.ALICE_RSA.fingerprint());
              assertThat(e.onSmartcard()).isFalse();
            })
        .hasMessage(
            "the message was encrypted to subkey "
                + subkey
                + " of private key "
                + PgpTestKeys.ALICE_RSA.fingerprint()
                + ", which is held, but the secret of that subkey is missing: the key holds only"
                + " a stub for it (GnuPG's gnu-dummy, as left by gpg --export-secret-subkeys or a"
                + " deleted subkey secret); configure the private key exported with that subkey's"
                + " secret");
  }

  @Test
  void decryptingForASubkeyOnASmartcard_saysTheCardCannotBeUsedHere() throws Exception {
    String subkey = encryptionSubkeyFingerprint();
    PgpKey onCard = onSmartcard(stubbedAlice(subkey), subkey);

    assertThatThrownBy(() -> decrypt(encryptedToAlice(), onCard))
        .isInstanceOfSatisfying(
            PgpSecretKeyMissingException.class,
            e -> {
              assertThat(e.subkeyFingerprint()).isEqualTo(subkey);
              assertThat(e.onSmartcard()).isTrue();
            })
        .hasMessageContaining(
            "subkey "
                + subkey
                + " of private key "
                + PgpTestKeys.ALICE_RSA.fingerprint()
                + ", which is held, but the secret of that subkey is on a smartcard");
  }

  /**
   * {@code gpg --export-secret-subkeys 'SIGNING-SUBKEY!'} leaves the encryption subkey out, public
   * part and all: the message names a key ID nothing held has, and the key held can only sign. It
   * read as a plain wrong key; it says the key held cannot decrypt and how it was likely exported.
   */
  @Test
  void decryptingWithAKeyExportedWithItsSigningSubkeyOnly_saysItCannotDecrypt() throws Exception {
    gpg.run(
            new byte[0],
            "--passphrase",
            "",
            "--quick-gen-key",
            "Signer",
            "ed25519",
            "cert",
            "never")
        .ok();
    String primary = gpg.fingerprint("Signer");
    gpg.run(new byte[0], "--passphrase", "", "--quick-add-key", primary, "ed25519", "sign", "never")
        .ok();
    gpg.run(new byte[0], "--passphrase", "", "--quick-add-key", primary, "cv25519", "encr", "never")
        .ok();
    List<String> subkeys = subkeyFingerprints(primary);
    String signing = subkeys.get(0);
    String encryption = subkeys.get(1);
    PgpKey exported =
        PgpKey.parse(
            gpg.run(new byte[0], "--armor", "--export-secret-subkeys", signing + "!").ok().text(),
            Secret.empty());
    byte[] message = gpg.run(TEXT, "--encrypt", "--recipient", primary).ok().out();

    assertThatThrownBy(() -> decrypt(message, exported))
        .isInstanceOfSatisfying(
            PgpNoDecryptionKeyException.class,
            e -> {
              assertThat(e.recipientKeyIds()).containsExactly(encryption.substring(24));
              assertThat(e.heldFingerprints()).containsExactly(primary);
            })
        .hasMessage(
            "the message was encrypted for key ID(s) "
                + encryption.substring(24)
                + ", but the private key held, "
                + primary
                + ", has no secret key that can decrypt: only signing or certification keys (as"
                + " gpg --export-secret-subkeys leaves a key when given a signing subkey's"
                + " fingerprint with '!'); configure the private key exported with its encryption"
                + " subkey");
  }

  /** The fingerprints of {@code primary}'s subkeys, in gpg's order (the order they were added). */
  private List<String> subkeyFingerprints(String primary) {
    return gpg.run(new byte[0], "--with-colons", "--list-keys", primary)
        .ok()
        .text()
        .lines()
        .filter(l -> l.startsWith("fpr:"))
        .map(l -> l.split(":")[9])
        .filter(f -> !f.equals(primary))
        .toList();
  }

  /** Signing reported a smartcard stub of the signing key as a passphrase problem. */
  @Test
  void signingWithAKeyOnASmartcard_saysTheCardCannotBeUsedHere() throws Exception {
    PgpKey alice = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    PgpKey onCard = onSmartcard(alice, PgpTestKeys.ALICE_RSA.fingerprint());

    assertThatThrownBy(
            () ->
                PgpSignatures.sign(
                    new ByteArrayInputStream(TEXT),
                    new ByteArrayOutputStream(),
                    List.of(onCard),
                    true))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(
            "private key "
                + PgpTestKeys.ALICE_RSA.fingerprint()
                + " holds the secret of its signing key "
                + PgpTestKeys.ALICE_RSA.fingerprint().substring(24)
                + " on a smartcard (a GnuPG divert-to-card stub), which cannot be used here; sign"
                + " with gpg and the card, or with another key");
  }

  private String encryptionSubkeyFingerprint() {
    gpg.importSecretKey(PgpTestKeys.ALICE_RSA);
    String colons =
        new String(
            gpg.run(
                    new byte[0],
                    "--with-colons",
                    "--list-secret-keys",
                    PgpTestKeys.ALICE_RSA.fingerprint())
                .ok()
                .out(),
            StandardCharsets.UTF_8);
    return colons
        .lines()
        .filter(l -> l.startsWith("fpr:"))
        .map(l -> l.split(":")[9])
        .filter(f -> !f.equals(PgpTestKeys.ALICE_RSA.fingerprint()))
        .findFirst()
        .orElseThrow();
  }

  /** Alice's private key as gpg exports it once the subkey's secret is deleted: a stub. */
  private PgpKey stubbedAlice(String subkey) {
    gpg.run(new byte[0], "--yes", "--delete-secret-keys", subkey + "!").ok();
    String armored =
        new String(
            gpg.run(
                    new byte[0],
                    "--armor",
                    "--export-secret-keys",
                    PgpTestKeys.ALICE_RSA.fingerprint())
                .ok()
                .out(),
            StandardCharsets.US_ASCII);
    return PgpKey.parse(armored, Secret.empty());
  }

  /**
   * {@code key} with its (sub)key {@code fingerprint} as a divert-to-card stub, as GnuPG writes
   * one: S2K usage 254, cipher 0, S2K type 101 with "GNU" and mode 2, then the card's serial number
   * (its length, then 16 bytes) where the IV would be.
   */
  static PgpKey onSmartcard(PgpKey key, String fingerprint) throws IOException {
    byte[] serial = new byte[17];
    serial[0] = 16;
    for (int i = 1; i < serial.length; i++) {
      serial[i] = (byte) i;
    }
    ByteArrayOutputStream armored = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().build(armored);
        BCPGOutputStream out = new BCPGOutputStream(armor, PacketFormat.CURRENT)) {
      for (PGPSecretKey k : key.ring()) {
        if (!fingerprint(k).equals(fingerprint)) {
          k.encode(out);
          continue;
        }
        S2K card = S2K.gnuDummyS2K(S2K.GNUDummyParams.divertToCard());
        var pub = k.getPublicKey().getPublicKeyPacket();
        if (k.isMasterKey()) {
          new SecretKeyPacket(pub, 0, SecretKeyPacket.USAGE_SHA1, card, null, serial).encode(out);
          writePrimarySignatures(k, out);
        } else {
          new SecretSubkeyPacket(pub, 0, SecretKeyPacket.USAGE_SHA1, card, null, serial)
              .encode(out);
          for (var it = k.getPublicKey().getSignatures(); it.hasNext(); ) {
            it.next().encode(out);
          }
        }
      }
    }
    return PgpKey.parse(armored.toString(StandardCharsets.US_ASCII), Secret.empty());
  }

  /** The primary key's direct-key signatures, then each user ID with its signatures. */
  private static void writePrimarySignatures(PGPSecretKey k, BCPGOutputStream out)
      throws IOException {
    for (var it = k.getPublicKey().getKeySignatures(); it.hasNext(); ) {
      it.next().encode(out);
    }
    for (var ids = k.getPublicKey().getRawUserIDs(); ids.hasNext(); ) {
      byte[] id = ids.next();
      new UserIDPacket(id).encode(out);
      for (var sigs = k.getPublicKey().getSignaturesForID(id); sigs.hasNext(); ) {
        sigs.next().encode(out);
      }
    }
  }

  private static byte[] encryptedToAlice() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpEncryptor.builder()
        .recipient(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()))
        .build()
        .encrypt(new ByteArrayInputStream(TEXT), out);
    return out.toByteArray();
  }

  private static void decrypt(byte[] message, PgpKey key) {
    PgpDecryptor.builder()
        .key(key)
        .build()
        .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream());
  }

  private static String fingerprint(PGPSecretKey k) {
    return Hex.toHexString(k.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
  }
}
