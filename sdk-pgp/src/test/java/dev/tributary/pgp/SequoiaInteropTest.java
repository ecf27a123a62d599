package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Interoperability with Sequoia through its Stateless OpenPGP tool, {@code sqop}. */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class SequoiaInteropTest {
  static final List<TestKey> KEYS =
      List.of(PgpTestKeys.CAROL_SEQUOIA, PgpTestKeys.DAVE_SEQUOIA, PgpTestKeys.ALICE_RSA);

  @TempDir Path dir;

  Tool.Result sqop(byte[] stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("sqop"));
    command.addAll(Arrays.asList(args));
    return Tool.run(stdin, Map.of(), command);
  }

  String file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.US_ASCII);
    return p.toString();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("KEYS")
  void sqopEncrypts_weDecrypt_armoredAndBinary(TestKey key) throws Exception {
    String cert = file("cert.asc", key.armoredPublicKey());
    for (boolean armor : new boolean[] {false, true}) {
      byte[] message =
          armor
              ? sqop(TEXT, "encrypt", cert).ok().out()
              : sqop(TEXT, "encrypt", "--no-armor", cert).ok().out();
      assertThat(decrypt(with(key), message)).as("armor=%s", armor).isEqualTo(TEXT);
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("KEYS")
  void weEncrypt_sqopDecrypts_everyCompression(TestKey key) throws Exception {
    String secret = file("key.asc", key.armoredPrivateKey());
    String password = file("password", key.passphrase());
    for (Compression compression : Compression.values()) {
      byte[] message = encrypt(to(key).compression(compression).armor(true).build(), TEXT);
      assertThat(sqop(message, "decrypt", "--with-key-password=" + password, secret).ok().out())
          .as("%s", compression)
          .isEqualTo(TEXT);
    }
  }

  /** sqop writes a message's session key ({@code --session-key-out}) and decrypts with one. */
  @Test
  void sessionKeys_handedOverBothWays() throws Exception {
    TestKey carol = PgpTestKeys.CAROL_SEQUOIA;
    byte[] theirs = sqop(TEXT, "encrypt", file("cert.asc", carol.armoredPublicKey())).ok().out();
    Path written = dir.resolve("theirs.sk");
    String key = file("key.asc", carol.armoredPrivateKey());
    sqop(theirs, "decrypt", "--session-key-out=" + written, key).ok();
    PgpSessionKey sqopsKey = PgpSessionKey.parse(Files.readString(written));
    assertThat(decrypt(PgpDecryptor.builder().sessionKey(sqopsKey).build(), theirs))
        .isEqualTo(TEXT);

    byte[] ours = encrypt(to(carol).build(), TEXT);
    PgpSessionKey ourKey = SessionKeyTest.sessionKeyOf(carol, ours);
    String given = file("ours.sk", ourKey.revealText() + "\n");
    assertThat(sqop(ours, "decrypt", "--with-session-key=" + given).ok().out()).isEqualTo(TEXT);
    Path back = dir.resolve("back.sk");
    sqop(ours, "decrypt", "--session-key-out=" + back, key).ok();
    assertThat(Files.readString(back).strip()).isEqualToIgnoringCase(ourKey.revealText());
  }

  @Test
  void severalRecipients_sqopDecryptsWithEach() throws Exception {
    byte[] message = encrypt(to(PgpTestKeys.CAROL_SEQUOIA, PgpTestKeys.ALICE_RSA).build(), TEXT);
    for (TestKey k : List.of(PgpTestKeys.CAROL_SEQUOIA, PgpTestKeys.ALICE_RSA)) {
      assertThat(sqop(message, "decrypt", file("k.asc", k.armoredPrivateKey())).ok().out())
          .isEqualTo(TEXT);
    }
  }

  @Test
  void sqopSignsAndEncrypts_weVerify() throws Exception {
    byte[] message =
        sqop(
                TEXT,
                "encrypt",
                "--sign-with=" + file("signer.asc", PgpTestKeys.CAROL_SEQUOIA.armoredPrivateKey()),
                file("cert.asc", PgpTestKeys.ALICE_RSA.armoredPublicKey()))
            .ok()
            .out();
    PgpDecryptor dec = EncryptDecryptTest.requiringASignature(PgpTestKeys.CAROL_SEQUOIA);
    assertThat(decrypt(dec, message)).isEqualTo(TEXT);
  }

  @Test
  void detachedSignatures_bothDirections() throws Exception {
    String carolKey = file("carol.asc", PgpTestKeys.CAROL_SEQUOIA.armoredPrivateKey());
    String carolCert = file("carol.pub", PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey());
    byte[] theirs = sqop(TEXT, "sign", carolKey).ok().out();
    assertThat(
            PgpSignatures.verify(
                new ByteArrayInputStream(TEXT),
                new ByteArrayInputStream(theirs),
                List.of(PgpCertificate.of(PgpTestKeys.CAROL_SEQUOIA.publicKey())),
                PgpPolicy.defaults()))
        .singleElement()
        .matches(SignatureVerification::valid);

    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    PgpSignatures.sign(
        new ByteArrayInputStream(TEXT),
        ours,
        List.of(PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey())),
        true);
    String sig = file("sig.asc", ours.toString(StandardCharsets.US_ASCII));
    assertThat(sqop(TEXT, "verify", sig, carolCert).ok().text())
        .contains(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
  }

  /** With a user ID, and without one ({@code sop generate-key} with no USERID). */
  @ParameterizedTest(name = "with a user ID: {0}")
  @ValueSource(booleans = {true, false})
  void keyMadeByUs_worksInSqop(boolean withUserId) throws Exception {
    KeyGenerator generator = PgpKey.generator(KeyProfile.CURVE25519);
    PgpKey ours =
        withUserId ? generator.userId("Ours <ours@example.com>").generate() : generator.generate();
    assertThat(ours.describe().userIds()).hasSize(withUserId ? 1 : 0);
    String key = file("ours.sec", ours.armored().reveal());
    String cert = file("ours.pub", ours.certificate().armored());
    byte[] theirs = sqop(TEXT, "encrypt", cert).ok().out();
    assertThat(decrypt(PgpDecryptor.builder().key(ours).build(), theirs)).isEqualTo(TEXT);
    byte[] mine = encrypt(PgpEncryptor.builder().recipient(ours.certificate()).build(), TEXT);
    assertThat(sqop(mine, "decrypt", key).ok().out()).isEqualTo(TEXT);
  }

  @Test
  void sqopMessage_tampered_failsWithTheIntegrityError() throws Exception {
    byte[] message =
        sqop(
                TEXT,
                "encrypt",
                "--no-armor",
                file("c.asc", PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey()))
            .ok()
            .out();
    message[message.length / 2] ^= 0x10;
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.CAROL_SEQUOIA), message))
        .isInstanceOf(PgpIntegrityException.class);
  }

  /**
   * {@code sqop dearmor} reads our armor back to the binary, and we read {@code sqop armor}'s back
   * to it too, under the same label; re-armoring sqop's armor gives exactly ours. GnuPG is not
   * tested here: {@code gpg --enarmor} writes {@code -----BEGIN PGP ARMORED FILE-----} with a
   * comment header, gpg's own wrapping for any file, which is not one of OpenPGP's armor labels
   * (RFC 9580, section 6.2), so {@link PgpArmor} refuses it ({@code PgpArmorTest}).
   */
  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.tributary.pgp.PgpArmorTest#SAMPLES")
  void armorAndDearmor_bothDirections_giveTheBinaryBack(PgpArmorTest.Sample sample) {
    byte[] ours = PgpArmorTest.armor(sample.binary());
    byte[] theirs = sqop(sample.binary(), "armor").ok().out();

    assertThat(sqop(ours, "dearmor").ok().out()).isEqualTo(sample.binary());
    assertThat(new String(theirs, StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PGP " + sample.label() + "-----\n");
    assertThat(PgpArmorTest.dearmor(theirs)).isEqualTo(sample.binary());
    assertThat(PgpArmorTest.armor(theirs)).isEqualTo(ours);
  }
}
