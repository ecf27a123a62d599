package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedMessagesTest.armoredSignature;
import static dev.tributary.pgp.CraftedMessagesTest.assertAliceRefuses;
import static dev.tributary.pgp.CraftedMessagesTest.verifyDetached;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Armor whose base64 is damaged is refused in words that say how, through the public API: before
 * the decoder was ours, BouncyCastle's "invalid armor" became "the OpenPGP data is damaged: its
 * packets cannot be read", or "the decrypted message is malformed", which points at the sender's
 * encryption rather than at the text that was changed on the way.
 */
class ArmorDamageTest {
  private static final String NOT_BASE64 =
      "the armored message is damaged: its data holds '!' (0x21), which is not a base64 character";

  /** Armored {@code size} random octets to Alice, with the data line {@code line} damaged. */
  private static byte[] damagedAt(int size, double where) {
    byte[] plaintext = new byte[size];
    new Random(size).nextBytes(plaintext);
    String armor =
        new String(
            encrypt(to(PgpTestKeys.ALICE_RSA).armor(true).build(), plaintext),
            StandardCharsets.US_ASCII);
    String[] lines = armor.split("\n", -1);
    int first = java.util.Arrays.asList(lines).indexOf("") + 1;
    int last = lines.length - 5; // a whole line before the last, checksum and footer lines
    int line = first + (int) ((last - first) * where);
    lines[line] = lines[line].substring(0, 10) + "!" + lines[line].substring(11);
    return String.join("\n", lines).getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 1.0})
  void aCharacterThatIsNotBase64_inASmallMessage_isNamed(double where) {
    assertAliceRefuses(damagedAt(2000, where), PgpDataException.Reason.MALFORMED)
        .hasMessage(NOT_BASE64);
  }

  // Deep inside the encrypted data, found while the plaintext streams.
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1.0})
  void aCharacterThatIsNotBase64_inALargeMessage_isNamed(double where) {
    assertAliceRefuses(damagedAt(3 << 20, where), PgpDataException.Reason.MALFORMED)
        .hasMessage(NOT_BASE64);
  }

  @Test
  void aDetachedSignature_withAWrongChecksum_isRefused_sayingSo() {
    String armor = new String(armoredSignature(PgpTestKeys.ALICE_RSA), StandardCharsets.US_ASCII);
    String wrong = armor.replaceFirst("\n=(....)\n", "\n=AAAA\n");
    String wronger = wrong.equals(armor) ? armor.replaceFirst("\n=(....)\n", "\n=BBBB\n") : wrong;
    assertThat(wronger).isNotEqualTo(armor);
    assertThatThrownBy(
            () ->
                verifyDetached(wronger.getBytes(StandardCharsets.US_ASCII), PgpTestKeys.ALICE_RSA))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage(
            "the armor checksum (the line beginning with '=' before the footer) does not match:"
                + " the signature was changed or damaged when it was copied");
  }

  /**
   * An armor header line changed on the way is said to be damaged, and not quoted: it was "expected
   * an OpenPGP message but found a me\nssage block", the damaged bytes up to the next five dashes,
   * line breaks and all. Found by DamagedInputFuzzTest ("SEIPD v1 to bob-25519-protected, ZIP,
   * unsigned, 25 bytes, armored", seed -4645140766214070287, text: line broken at 0).
   */
  @Test
  void aDamagedArmorHeaderLine_isSaidToBeDamaged_withoutQuotingIt() {
    String armor =
        new String(
            encrypt(to(PgpTestKeys.ALICE_RSA).armor(true).build(), new byte[100]),
            StandardCharsets.US_ASCII);
    for (String damaged :
        new String[] {
          armor.replaceFirst("BEGIN PGP MESSAGE", "BEGIN PGP ME\nSSAGE"),
          armor.replaceFirst("BEGIN PGP MESSAGE", "BEGIN PGP MES\u00ef\u00a4SAGE"),
          armor.replaceFirst("BEGIN PGP MESSAGE-----", "BEGIN PGP =")
        }) {
      assertAliceRefuses(
              damaged.getBytes(StandardCharsets.ISO_8859_1), PgpDataException.Reason.MALFORMED)
          .hasMessage(
              "the armor header line is damaged: it should read -----BEGIN PGP MESSAGE-----");
    }
    String signature =
        new String(armoredSignature(PgpTestKeys.ALICE_RSA), StandardCharsets.US_ASCII)
            .replaceFirst("SIGNATURE", "SIGNAURE");
    assertThatThrownBy(
            () ->
                verifyDetached(
                    signature.getBytes(StandardCharsets.US_ASCII), PgpTestKeys.ALICE_RSA))
        .hasMessage(
            "the armor header line is damaged: it should read -----BEGIN PGP SIGNATURE-----");
  }

  /**
   * Another kind of block is decoded whatever its label, as GnuPG and sqop read it, and refused by
   * its packets: a certificate is no message. (It was "expected an OpenPGP message but found a
   * public key block", while a signature armored as a message was refused by its label alone.)
   */
  @Test
  void anotherKindOfArmoredBlock_isRefusedByItsPackets() {
    assertAliceRefuses(
            PgpTestKeys.ALICE_RSA.armoredPublicKey().getBytes(StandardCharsets.US_ASCII),
            PgpDataException.Reason.NOT_OPENPGP)
        .hasMessage("the OpenPGP data is not an encrypted message (it starts with a public key)");
  }
}
