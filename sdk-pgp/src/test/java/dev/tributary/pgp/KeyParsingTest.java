package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class KeyParsingTest {
  static final java.util.List<TestKey> ALL_KEYS =
      java.util.List.of(
          PgpTestKeys.ALICE_RSA,
          PgpTestKeys.BOB_25519,
          PgpTestKeys.CAROL_SEQUOIA,
          PgpTestKeys.DAVE_SEQUOIA,
          PgpTestKeys.EVE_V6,
          PgpTestKeys.EXPIRED_SUBKEY,
          PgpTestKeys.REVOKED_SUBKEY,
          PgpTestKeys.WEAK_RSA_1024,
          PgpTestKeys.SIGN_ONLY);

  static final String PUBLIC = PgpTestKeys.ALICE_RSA.armoredPublicKey();

  @ParameterizedTest
  @FieldSource("ALL_KEYS")
  void parse_everyTestKey_givesItsFingerprint(TestKey key) {
    PgpCertificate cert = PgpCertificate.of(key.publicKey());
    PgpKey secret = PgpKey.of(key.privateKey());
    assertThat(cert.fingerprint()).isEqualTo(key.fingerprint());
    assertThat(secret.fingerprint()).isEqualTo(key.fingerprint());
    assertThat(secret.certificate().fingerprint()).isEqualTo(key.fingerprint());
    assertThat(secret.isProtected()).isEqualTo(key.isProtected());
  }

  @Test
  void describe_listsUserIdsAlgorithmsAndCapabilities() {
    KeyDescription d = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).describe();
    assertThat(d.fingerprint()).isEqualTo(PgpTestKeys.ALICE_RSA.fingerprint());
    assertThat(d.userIds()).containsExactly("Alice RSA <alice@example.com>");
    assertThat(d.secret()).isFalse();
    assertThat(d.keys()).hasSize(2);
    assertThat(d.primaryKey().algorithm()).isEqualTo("RSA");
    assertThat(d.primaryKey().bits()).isEqualTo(3072);
    assertThat(d.primaryKey().canSign()).isTrue();
    ComponentKey sub = d.keys().get(1);
    assertThat(sub.keyId()).isEqualTo(PgpTestKeys.ALICE_RSA.encryptionKeyId());
    assertThat(sub.canEncrypt()).isTrue();
    assertThat(d.toString()).contains("uid Alice RSA", "sub RSA 3072 v4 8089BA27CA6BD022");
  }

  @Test
  void describe_curve25519AndV6Keys_nameTheirAlgorithms() {
    KeyDescription bob = PgpKey.of(PgpTestKeys.BOB_25519.privateKey()).describe();
    assertThat(bob.secret()).isTrue();
    assertThat(bob.isProtected()).isTrue();
    assertThat(bob.keys())
        .extracting(ComponentKey::algorithm)
        .containsExactly("EdDSA Ed25519", "ECDH Curve25519");
    // as gpg --list-keys gives them (ed25519/cv25519 keys of 255 bits); BouncyCastle says 256
    assertThat(bob.keys()).extracting(ComponentKey::bits).containsOnly(255);
    KeyDescription eve = PgpCertificate.of(PgpTestKeys.EVE_V6.publicKey()).describe();
    assertThat(eve.keys()).extracting(ComponentKey::bits).containsOnly(255);
    assertThat(eve.keys()).extracting(ComponentKey::version).containsOnly(6);
    assertThat(eve.keys())
        .extracting(ComponentKey::algorithm)
        .containsExactly("Ed25519", "Ed25519", "X25519");
  }

  @Test
  void describe_showsExpiryAndRevocation() {
    KeyDescription expired = PgpCertificate.of(PgpTestKeys.EXPIRED_SUBKEY.publicKey()).describe();
    assertThat(expired.keys().get(1).expiry()).contains(Instant.parse("2020-12-31T00:00:00Z"));
    KeyDescription revoked = PgpCertificate.of(PgpTestKeys.REVOKED_SUBKEY.publicKey()).describe();
    assertThat(revoked.keys().get(1).revoked()).isTrue();
  }

  @Test
  void parse_notArmored_saysWhatTheFirstLineMustBe() {
    assertThatThrownBy(() -> PgpCertificate.parse("mQGNBGdf...\n"))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining(
            "does not look ASCII-armored: it does not begin with"
                + " -----BEGIN PGP PUBLIC KEY BLOCK-----");
  }

  @Test
  void parse_privateKeyWherePublicExpected_saysSo() {
    assertThatThrownBy(() -> PgpCertificate.parse(PgpTestKeys.ALICE_RSA.armoredPrivateKey()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageStartingWith("this is a private key; a public key is expected here");
  }

  @Test
  void parse_publicKeyWherePrivateExpected_saysSo() {
    assertThatThrownBy(() -> PgpKey.parse(PUBLIC, Secret.empty()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageStartingWith("this is a public key; the private key is needed here");
  }

  @Test
  void parse_missingFooter_saysTheKeyWasCutOff() {
    String cut = PUBLIC.substring(0, PUBLIC.indexOf("-----END"));
    assertThatThrownBy(() -> PgpCertificate.parse(cut))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("footer -----END PGP PUBLIC KEY BLOCK----- is missing");
  }

  /**
   * Text or a second block after the footer was "the armor footer … is missing at the end: the key
   * was cut off", though the footer was there; a damaged BEGIN line was "an SSH or PEM key".
   */
  @Test
  void parse_whatFollowsTheFooter_isNamed_notCalledACutOff() {
    String bob = PgpTestKeys.BOB_25519.armoredPublicKey();
    String footer = "-----END PGP PUBLIC KEY BLOCK-----";
    assertThatThrownBy(() -> PgpCertificate.parse(PUBLIC + "\n-- \nAlice\n"))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "the key is followed by text after its armor footer "
                + footer
                + ": the entry must end with that line; copy the key without the text");
    assertThatThrownBy(() -> PgpCertificate.parse(PUBLIC + bob))
        .hasMessage(
            "the entry holds 2 public keys, each in its own armor block; give each key its own"
                + " entry");
    assertThatThrownBy(() -> PgpCertificate.parse(PUBLIC + "\n" + bob + "\n" + PUBLIC))
        .hasMessageStartingWith("the entry holds 3 public keys");
    assertThatThrownBy(
            () ->
                PgpKey.parse(
                    PgpTestKeys.ALICE_RSA.armoredPrivateKey()
                        + PgpTestKeys.BOB_25519.armoredPrivateKey(),
                    Secret.empty()))
        .hasMessageStartingWith("the entry holds 2 private keys, each in its own armor block");
    assertThatThrownBy(
            () -> PgpCertificate.parse(PUBLIC + PgpTestKeys.ALICE_RSA.armoredPrivateKey()))
        .hasMessage(
            "a private key follows the key's armor footer "
                + footer
                + ": the entry must end with that line; give each its own entry");
  }

  @Test
  void parse_aFooterOfAnotherKind_orADamagedArmorLine_isSaidToBeSo() {
    assertThatThrownBy(
            () -> PgpCertificate.parse(PUBLIC.replace("END PGP PUBLIC", "END PGP PRIVATE")))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "the armor footer does not match the header: the block begins with -----BEGIN PGP"
                + " PUBLIC KEY BLOCK-----, so it must end with -----END PGP PUBLIC KEY BLOCK-----,"
                + " not -----END PGP PRIVATE KEY BLOCK-----; copy the key again, unchanged");
    String damagedHeader =
        "the armor header line is damaged: it should read exactly -----BEGIN PGP PUBLIC KEY"
            + " BLOCK----- (a character was lost, added or changed); copy the key again, unchanged";
    for (String damaged :
        new String[] {
          PUBLIC.replace("BLOCK-----\n", "BLOCK----\n"),
          PUBLIC.replace("BEGIN PGP PUBLIC KEY", "BEGIN PGP FOO"),
          PUBLIC.replace("PUBLIC KEY BLOCK", "PUBLIC  KEY BLOCK"),
          PUBLIC.replaceFirst("BLOCK-----\n", "BLOCK----- v1\n"),
          PUBLIC.replaceFirst("BLOCK-----\n", "BLOCK-----\u00a0\n")
        }) {
      assertThat(damaged).isNotEqualTo(PUBLIC);
      assertThatThrownBy(() -> PgpCertificate.parse(damaged)).hasMessage(damagedHeader);
    }
    String damagedFooter =
        "the armor footer line is damaged: it should read exactly -----END PGP PUBLIC KEY"
            + " BLOCK----- (a character was lost, added or changed); copy the key again, unchanged";
    for (String damaged :
        new String[] {
          PUBLIC.replace("-----END PGP PUBLIC KEY BLOCK-----", "----END PGP PUBLIC KEY BLOCK-----"),
          PUBLIC.replace("-----END PGP PUBLIC KEY BLOCK-----", "-----END PGP PUBLIC KEY BLOCK----"),
          PUBLIC.replace("END PGP PUBLIC KEY", "END PGP PUBLIK KEY")
        }) {
      assertThat(damaged).isNotEqualTo(PUBLIC);
      assertThatThrownBy(() -> PgpCertificate.parse(damaged)).hasMessage(damagedFooter);
    }
  }

  @Test
  void parse_aChangedCharacterInTheBody_failsTheChecksum() {
    String[] lines = PUBLIC.split("\n");
    int body = 3; // after the header line and the blank line that ends the armor headers
    while (lines[body].length() < 60) {
      body++;
    }
    char c = lines[body].charAt(30);
    lines[body] = lines[body].substring(0, 30) + (c == 'A' ? 'B' : 'A') + lines[body].substring(31);
    String damaged = String.join("\n", lines) + "\n";
    assertThatThrownBy(() -> PgpCertificate.parse(damaged))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "the armor checksum (the line beginning with '=' before the footer) does not match:"
                + " the key was changed or damaged when it was copied; copy it again");
  }

  @Test
  void parse_damagedChecksum_saysTheChecksumDoesNotMatch() {
    String[] lines = PUBLIC.split("\n");
    StringBuilder damaged = new StringBuilder();
    for (String line : lines) {
      damaged.append(line.startsWith("=") && line.length() == 5 ? "=AAAA" : line).append('\n');
    }
    assertThat(damaged.toString()).isNotEqualTo(PUBLIC);
    assertThatThrownBy(() -> PgpCertificate.parse(damaged.toString()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("armor checksum");
  }

  @Test
  void parse_binaryData_asksForTheArmoredForm() {
    String binary =
        new String(new byte[] {(byte) 0x99, 0x01, 0x0d, 0x04}, StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> PgpCertificate.parse(binary))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("binary data, not an ASCII-armored key");
  }

  @Test
  void parse_messageOrSshKey_namesWhatItIs() {
    assertThatThrownBy(() -> PgpCertificate.parse("-----BEGIN PGP MESSAGE-----\n\nabc\n"))
        .hasMessageContaining("encrypted OpenPGP message, not a key");
    assertThatThrownBy(() -> PgpCertificate.parse("ssh-ed25519 AAAAC3Nza alice@host"))
        .hasMessageContaining("SSH or PEM key, not an OpenPGP key");
  }

  @Test
  void parse_toleratesSurroundingWhitespaceAndCrLf() {
    String pasted = "\n  " + PUBLIC.replace("\n", "\r\n") + "  \n";
    assertThat(PgpCertificate.parse(pasted).fingerprint())
        .isEqualTo(PgpTestKeys.ALICE_RSA.fingerprint());
  }

  @Test
  void parse_keysAreNeverQuotedInErrors() {
    String secret = PgpTestKeys.ALICE_RSA.armoredPrivateKey();
    String body = secret.lines().filter(l -> l.length() > 40).findFirst().orElseThrow();
    assertThatThrownBy(() -> PgpCertificate.parse(body + "\n" + secret))
        .isInstanceOf(PgpKeyException.class)
        .message()
        .doesNotContain(body.substring(0, 20));
  }

  @Test
  void generatedKey_expiresInFiveYears_asGnuPgSeesIt() {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "G <g@example.com>", Secret.empty());
    ComponentKey primary = key.describe().primaryKey();
    assertThat(primary.expiry()).isPresent();
    assertThat(primary.expiry().get())
        .isBetween(
            Instant.now().plus(java.time.Duration.ofDays(5 * 365 - 2)),
            Instant.now().plus(java.time.Duration.ofDays(5 * 365 + 2)));
    assertThat(key.describe().keys()).extracting(ComponentKey::canEncrypt).contains(true);
  }

  @Test
  void readAll_takesSeveralArmoredBlocksOrBinary_andPrivateKeysAsTheirCertificates() {
    String two = PUBLIC + PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey();
    assertThat(PgpCertificate.readAll(two.getBytes(StandardCharsets.US_ASCII)))
        .extracting(PgpCertificate::fingerprint)
        .containsExactly(
            PgpTestKeys.ALICE_RSA.fingerprint(), PgpTestKeys.CAROL_SEQUOIA.fingerprint());
    PgpKey bob = PgpKey.of(PgpTestKeys.BOB_25519.privateKey());
    assertThat(PgpCertificate.readAll(bob.encoded()))
        .singleElement()
        .extracting(PgpCertificate::fingerprint)
        .isEqualTo(PgpTestKeys.BOB_25519.fingerprint());
    assertThatThrownBy(
            () -> PgpKey.readAll(PUBLIC.getBytes(StandardCharsets.US_ASCII), Secret.empty()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("a private key is needed here");
  }

  @Test
  void readAll_armoredBlockWithoutItsFooter_saysTheKeyWasCutOff() {
    String cut = PUBLIC.substring(0, PUBLIC.indexOf("-----END"));
    String carol = PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey();
    String privateKey = PgpTestKeys.ALICE_RSA.armoredPrivateKey();
    String cutPrivate = privateKey.substring(0, privateKey.indexOf("-----END"));
    String publicFooter = "-----END PGP PUBLIC KEY BLOCK-----";
    String expected = " is missing at the end: the key was cut off when it was copied";

    // the last block cut, the first of two cut, and a private key cut
    assertThatThrownBy(() -> PgpCertificate.readAll(bytes(cut)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageStartingWith("the armor footer " + publicFooter + expected);
    assertThatThrownBy(() -> PgpCertificate.readAll(bytes(carol + cut)))
        .hasMessageStartingWith("the armor footer " + publicFooter + expected);
    assertThatThrownBy(() -> PgpCertificate.readAll(bytes(cut + carol)))
        .hasMessageStartingWith("the armor footer " + publicFooter + expected);
    assertThatThrownBy(
            () -> PgpKey.readAll(bytes(cutPrivate), Secret.of(PgpTestKeys.ALICE_RSA.passphrase())))
        .hasMessageStartingWith("the armor footer -----END PGP PRIVATE KEY BLOCK-----" + expected);
    // whole blocks, with blank lines and CRLF around them, still read
    assertThat(
            PgpCertificate.readAll(bytes("\r\n" + PUBLIC.replace("\n", "\r\n") + "\n\n" + carol)))
        .hasSize(2);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** A literal data packet ("b", no file name, time 0, no data): OpenPGP, but not a key. */
  static final byte[] LITERAL_DATA = {(byte) 0xCB, 0x06, 'b', 0, 0, 0, 0, 0};

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String armored(byte[] binary) throws Exception {
    return new String(CraftedMessagesTest.armored(binary), StandardCharsets.US_ASCII);
  }

  /**
   * {@code call} fails with a {@link PgpKeyException} saying exactly {@code expected}, keeping
   * BouncyCastle's exception as the cause without quoting it.
   */
  static void assertFailsInOurWords(ThrowingCallable call, String expected) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            PgpKeyException.class,
            e -> {
              assertThat(e.getCause())
                  .as("BouncyCastle's error, kept as the cause")
                  .isInstanceOf(IOException.class);
              if (e.getCause().getMessage() != null) {
                assertThat(e.getMessage()).doesNotContain(e.getCause().getMessage());
              }
            })
        .hasMessage(expected)
        .message()
        .doesNotContainIgnoringCase("bouncycastle")
        .doesNotContain("Stream", "Exception", "null");
  }

  static Stream<Arguments> damagedKeyPackets() {
    byte[] alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).encoded();
    assertThat(alice[3]).as("a v4 key after a two-octet length").isEqualTo((byte) 4);
    byte[] unknownVersion = alice.clone();
    unknownVersion[3] = 99;
    String truncated = "the key data ends inside a packet: it is truncated; export the key again";
    String damaged =
        "the key data cannot be read: it is damaged, not an OpenPGP key, or in a format this"
            + " library does not support";
    return Stream.of(
        Arguments.of("cut in half", Arrays.copyOf(alice, alice.length / 2), truncated),
        Arguments.of("a key packet version that does not exist", unknownVersion, damaged));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedKeyPackets")
  void parse_damagedKeyPackets_saysSoInOurWords(String damage, byte[] binary, String expected)
      throws Exception {
    String text = armored(binary);
    assertThat(text).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    assertFailsInOurWords(() -> PgpCertificate.parse(text), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedKeyPackets")
  void readAll_damagedKeyPackets_saysSoInOurWords(String damage, byte[] binary, String expected) {
    assertFailsInOurWords(() -> PgpCertificate.readAll(binary), expected);
  }

  @Test
  void parse_armorThatCannotBeDecoded_saysSoInOurWords() {
    String damaged = PUBLIC.replaceFirst("-----\n\n", "-----\n\nnot base64!\n");
    assertThat(damaged).isNotEqualTo(PUBLIC);
    assertFailsInOurWords(
        () -> PgpCertificate.parse(damaged),
        "the armored key is damaged: its armor cannot be decoded; copy it again, unchanged");
  }

  // Was "the armored key is damaged: its armor cannot be decoded" (BouncyCastle's "invalid armor
  // header"): the line is named now, as for messages.
  @Test
  void parse_aLineAmongTheArmorHeadersThatIsNotAHeader_namesTheLine() {
    String damaged = PUBLIC.replaceFirst("-----\n", "-----\nnot a header line\n");
    assertThat(damaged).isNotEqualTo(PUBLIC);
    assertThatThrownBy(() -> PgpCertificate.parse(damaged))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "line 2 of the armored key is neither an armor header (Name: value) nor the blank"
                + " line that ends the armor headers: the blank line after the header line is"
                + " missing, or the armor was changed");
  }

  // BouncyCastle's class names were quoted: "(PGPLiteralData)", "(PGPPublicKeyRing)".
  @Test
  void parse_publicKeyBlockHoldingLiteralData_namesItInOurWords() throws Exception {
    byte[] alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).encoded();
    String block = armored(concat(alice, LITERAL_DATA));
    assertThatThrownBy(() -> PgpCertificate.parse(block))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage("the public key block holds something other than public keys (literal data)");
  }

  @Test
  void parse_privateKeyBlockHoldingAPublicKey_namesItInOurWords() throws Exception {
    byte[] secret = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()).encoded();
    byte[] alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).encoded();
    String block = armored(concat(secret, alice));
    assertThat(block).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
    assertThatThrownBy(() -> PgpKey.parse(block, Secret.empty()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage("the private key block holds something other than private keys (a public key)");
  }

  @Test
  void readAll_keyDataHoldingLiteralData_namesItInOurWords() {
    byte[] alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).encoded();
    assertThatThrownBy(() -> PgpCertificate.readAll(concat(alice, LITERAL_DATA)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage("the key data holds something other than keys (literal data)");
  }

  /**
   * A damaged BEGIN line in key data read leniently: it was "the armor footer -----END PGP PBLIC
   * KEY BLOCK----- is missing at the end", quoting the damaged line (random octets, or characters
   * of the key itself) as a footer to look for. Found by DamagedInputFuzzTest ("carol-sequoia
   * certificates, armored", seed 3300589523316392244, flip at 16, and "alice-rsa3072 private keys,
   * armored", seed 4194710573466221522, insert at 32).
   */
  @Test
  void readAll_aDamagedArmorHeaderLine_isSaidToBeDamaged_withoutQuotingIt() {
    String body = PUBLIC.lines().filter(l -> l.length() == 64).findFirst().orElseThrow();
    String expected =
        "an armor header line is damaged: it names no kind of OpenPGP block (a key begins with"
            + " -----BEGIN PGP PUBLIC KEY BLOCK----- or -----BEGIN PGP PRIVATE KEY BLOCK-----);"
            + " copy the key again";
    for (String damaged :
        new String[] {
          PUBLIC.replaceFirst("BEGIN PGP PUBLIC", "BEGIN PGP PBLIC"),
          PUBLIC.replaceFirst("KEY BLOCK-----", "KEY BLOCK" + body.substring(0, 20) + "-----"),
          PUBLIC.replaceFirst("KEY BLOCK-----", "KEY BLOCK\u00f3C\u0003-----")
        }) {
      assertThatThrownBy(
              () -> PgpCertificate.readAll(damaged.getBytes(StandardCharsets.ISO_8859_1)))
          .isInstanceOf(PgpKeyException.class)
          .hasMessage(expected);
    }
  }
}
