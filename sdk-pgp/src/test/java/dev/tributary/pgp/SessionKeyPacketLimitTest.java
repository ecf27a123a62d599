package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedMessagesTest.aliceEncryptionKey;
import static dev.tributary.pgp.CraftedMessagesTest.craft;
import static dev.tributary.pgp.CraftedMessagesTest.encryptionKey;
import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static dev.tributary.pgp.PasswordEncryptionTest.PASSWORD;
import static dev.tributary.pgp.PasswordEncryptionTest.encryptWith;
import static dev.tributary.pgp.PasswordEncryptionTest.withPasswords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;

/**
 * A message's session key packets are tried one by one, and a password packet costs its password
 * hashing, a public-key packet a private-key operation: a small crafted message could ask for
 * minutes or hours of work (stop 30's adversarial tester: 50 password packets at the largest S2K
 * count, 833 bytes, took 8.4 s; 2000 hidden recipients 53 s). Decryption refuses a message with
 * more than 256 session key packets, or one that needs more than 16 password packets tried or 128
 * private-key decryptions, or an Argon2 of more than 2 GiB in two passes, as {@link
 * PgpDataException.Reason#UNSUPPORTED}. The tests of the tries put the packet that opens the
 * message just past the limit, so a limit that let one more try through would open it; the packet
 * count is refused even when the first packet opens it.
 */
class SessionKeyPacketLimitTest {

  /**
   * {@code n} password packets (v4 SKESK, AES-256, iterated and salted S2K over SHA-256 at the
   * smallest count, 1,024 bytes) with salts of their own and a random encrypted session key, which
   * the password does not open: each costs an S2K and fails.
   */
  static byte[] wrongPasswordPackets(int n) {
    Random random = new Random(n);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      byte[] body = new byte[4 + 8 + 1 + 33];
      random.nextBytes(body); // the salt and the encrypted session key
      body[0] = 4; // version
      body[1] = SymmetricKeyAlgorithmTags.AES_256;
      body[2] = 3; // iterated and salted S2K
      body[3] = 8; // SHA-256
      body[12] = 0; // the smallest count, for a fast test
      out.write(0xC3); // new-format header, tag 3
      out.write(body.length);
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Encrypted to {@code hidden} hidden recipients who are not Alice, then to Alice, named. */
  static byte[] hiddenOthersThenAlice(int hidden) throws Exception {
    List<PGPKeyEncryptionMethodGenerator> methods = new ArrayList<>();
    for (int i = 0; i < hidden; i++) {
      methods.add(
          new BcPublicKeyKeyEncryptionMethodGenerator(encryptionKey(PgpTestKeys.WEAK_RSA_1024))
              .setUseWildcardKeyID(true));
    }
    methods.add(new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()));
    return craft(
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
            .setWithIntegrityPacket(true),
        methods,
        new byte[0],
        new byte[0],
        new byte[0]);
  }

  @Test
  void sixteenPasswordPackets_areTried() {
    byte[] message = concat(wrongPasswordPackets(15), encryptWith(false, PASSWORD));
    assertThat(decrypt(withPasswords(PASSWORD), message)).isEqualTo(TEXT);
  }

  @Test
  void aSeventeenthPasswordPacket_isRefused_beforeItIsTried() {
    byte[] message = concat(wrongPasswordPackets(16), encryptWith(false, PASSWORD));
    assertThatThrownBy(() -> decrypt(withPasswords(PASSWORD), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED))
        .hasMessage(
            "the message has 17 password-encrypted session keys, and trying a password on more"
                + " than 16 of them (each a password hashing, slow by design) is refused as a"
                + " likely attempt to exhaust the CPU");
  }

  @Test
  void thePasswordsHeld_doNotCountAgainstTheMessage() {
    // 6 packets × 3 passwords, the right one last: 18 hashings, which the caller chose. Counted
    // as hashings, this was refused, and so was any message for a caller holding 17 passwords.
    byte[] message = concat(wrongPasswordPackets(5), encryptWith(false, PASSWORD));
    PgpDecryptor decryptor =
        withPasswords(PasswordEncryptionTest.OTHER, PasswordEncryptionTest.OTHER, PASSWORD);
    assertThat(decrypt(decryptor, message)).isEqualTo(TEXT);
    List<Secret> seventeen = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      seventeen.add(Secret.of("not it " + i));
    }
    seventeen.add(PASSWORD);
    byte[] single = encryptWith(false, PASSWORD);
    assertThat(decrypt(PgpDecryptor.builder().passwords(seventeen).build(), single))
        .isEqualTo(TEXT);
  }

  /**
   * A SEIPD v2 password message whose v6 SKESK asks for Argon2 in {@code passes} passes over 2^
   * {@code exponent} KiB: the S2K's octets changed after encryption, so no work is done to make it.
   */
  static byte[] argon2Message(int passes, int exponent) {
    byte[] message = encryptWith(true, PASSWORD);
    // See PasswordEncryptionTest.seipdV2_writesAV6SkeskWithArgon2: t, p and m at 24, 25 and 26.
    message[24] = (byte) passes;
    message[26] = (byte) exponent;
    return message;
  }

  @Test
  void argon2AskingForMoreWorkThan2GiBInTwoPasses_isRefused_beforeItIsDone() {
    // 129 passes over 32 MiB is 2^22 + 2^15 KiB of work; 255 over 2 GiB, allowed before, hours.
    for (int[] s2k : new int[][] {{129, 15}, {3, 21}, {255, 21}}) {
      assertThatThrownBy(() -> decrypt(withPasswords(PASSWORD), argon2Message(s2k[0], s2k[1])))
          .as("t=%d, m=2^%d", s2k[0], s2k[1])
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED))
          .hasMessage(
              "the message's password is hashed with Argon2 in "
                  + s2k[0]
                  + " passes over 2^"
                  + s2k[1]
                  + " KiB of memory, more work than the 2 GiB in two passes this library gives"
                  + " it");
    }
  }

  // Alice's RSA primary key can decrypt too: each hidden recipient costs her two tries, and the
  // packet naming her subkey one.

  @Test
  void oneHundredTwentyEightPrivateKeyDecryptions_areDone() throws Exception {
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), hiddenOthersThenAlice(63))).isEqualTo(TEXT);
  }

  @Test
  void aPrivateKeyDecryptionBeyond128_isRefused_beforeItIsDone() throws Exception {
    byte[] message = hiddenOthersThenAlice(64);
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED))
        .hasMessage(
            "the message needs more than 128 private-key decryptions (its 65 public-key session"
                + " key packets, 64 of them for hidden recipients, which are tried with each of"
                + " the 2 decryption keys held): refused as a likely attempt to exhaust the CPU");
  }

  @Test
  void hiddenRecipients_areTriedWithEveryKeyHeld_withinTheLimit() throws Exception {
    // 20 hidden × 4 decryption keys (Bob's and Carol's subkeys, Alice's primary key and subkey),
    // then Alice's subkey: 81 tries.
    byte[] message = hiddenOthersThenAlice(20);
    PgpDecryptor decryptor =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.BOB_25519.privateKey()))
            .key(PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey()))
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .build();
    assertThat(decrypt(decryptor, message)).isEqualTo(TEXT);
  }

  @Test
  void twoHundredFiftySixSessionKeyPackets_areRead() throws Exception {
    // Alice's packet opens the message first; the password packets are never tried.
    byte[] withPackets = insertBeforeData(hiddenOthersThenAlice(0), wrongPasswordPackets(255));
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), withPackets)).isEqualTo(TEXT);
  }

  @Test
  void twoHundredFiftySevenSessionKeyPackets_areRefused_evenIfTheFirstOpensTheMessage()
      throws Exception {
    byte[] message = insertBeforeData(hiddenOthersThenAlice(0), wrongPasswordPackets(256));
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED))
        .hasMessage(
            "the message has more than 256 session key packets (recipients and passwords), more"
                + " than any real message: refused as a likely attempt to exhaust the CPU or"
                + " memory");
  }

  /** {@code message} with {@code packets} inserted before its encrypted data packet. */
  static byte[] insertBeforeData(byte[] message, byte[] packets) {
    return Packets.insertAt(message, Packets.encryptedDataStart(message), packets);
  }
}
