package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedMessagesTest.armored;
import static dev.tributary.pgp.CraftedMessagesTest.armoredSignature;
import static dev.tributary.pgp.CraftedMessagesTest.assertAliceRefuses;
import static dev.tributary.pgp.CraftedMessagesTest.verifyDetached;
import static dev.tributary.pgp.TrailingDataTest.ascii;
import static dev.tributary.pgp.TrailingDataTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text after an armor footer on the footer's own line ({@code -----END PGP MESSAGE-----garbage}).
 * RFC 9580 (section 6.2) says armor header lines, and so the tail line made the same way, "MUST NOT
 * have text other than whitespace following them on the same line". BouncyCastle's armor reader
 * reads the line and ignores the rest; the footer checks then refused the input as cut off ("the
 * armor footer … is missing at the end"), which sends the user looking for a missing last line that
 * is there. It is refused, naming the text after the footer.
 */
class TextAfterArmorFooterTest {
  static String withTextAfter(String armor, String footer, String text) {
    assertThat(armor).contains(footer + "\n");
    return armor.replace(footer + "\n", footer + text + "\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "-----", " garbage", "-----BEGIN PGP MESSAGE-----"})
  void message_withTextAfterItsFooter_isMalformed_namingThat(String text) throws Exception {
    String armor = new String(armored(message()), StandardCharsets.US_ASCII);
    byte[] message = ascii(withTextAfter(armor, "-----END PGP MESSAGE-----", text));
    assertAliceRefuses(message, PgpDataException.Reason.MALFORMED)
        .hasMessage(
            "the message has text after its armor footer -----END PGP MESSAGE----- on the same"
                + " line: nothing but whitespace may follow the footer there (RFC 9580, section"
                + " 6.2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {" \t", "\r"})
  void message_withWhitespaceAfterItsFooter_decrypts(String text) throws Exception {
    String armor = new String(armored(message()), StandardCharsets.US_ASCII);
    byte[] message = ascii(withTextAfter(armor, "-----END PGP MESSAGE-----", text));
    assertThat(EncryptDecryptTest.decrypt(EncryptDecryptTest.with(PgpTestKeys.ALICE_RSA), message))
        .isEqualTo(EncryptDecryptTest.TEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "-----"})
  void detachedSignature_withTextAfterItsFooter_isMalformed_namingThat(String text) {
    String armor = new String(armoredSignature(PgpTestKeys.ALICE_RSA), StandardCharsets.US_ASCII);
    byte[] signature = ascii(withTextAfter(armor, "-----END PGP SIGNATURE-----", text));
    assertThatThrownBy(() -> verifyDetached(signature, PgpTestKeys.ALICE_RSA))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage(
            "the signature has text after its armor footer -----END PGP SIGNATURE----- on the"
                + " same line: nothing but whitespace may follow the footer there (RFC 9580,"
                + " section 6.2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "-----"})
  void key_withTextAfterItsFooter_isRefused_namingThat_withoutQuotingIt(String text) {
    String footer = "-----END PGP PUBLIC KEY BLOCK-----";
    String armor = withTextAfter(PgpTestKeys.BOB_25519.armoredPublicKey(), footer, text);
    String expected =
        "the key has text after its armor footer "
            + footer
            + " on the same line: nothing but whitespace may follow the footer there (RFC 9580,"
            + " section 6.2); copy the key without it";
    assertThatThrownBy(() -> PgpCertificate.parse(armor))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> PgpCertificate.readAll(ascii(armor)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(expected);
  }

  // The armor header line: BouncyCastle reads it and ignores text after its dashes, GnuPG refuses
  // it ("no valid OpenPGP data found"); now we refuse it as well, saying why.

  /** Text longer than the 64 bytes looked at to tell armor from binary data. */
  static final String LONG =
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

  static String withTextAfterHeader(String armor, String header, String text) {
    assertThat(armor).startsWith(header + "\n");
    return header + text + armor.substring(header.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", " garbage", "-----BEGIN PGP MESSAGE-----", LONG})
  void message_withTextAfterItsHeader_isMalformed_namingThat(String text) throws Exception {
    String armor = new String(armored(message()), StandardCharsets.US_ASCII);
    byte[] message = ascii(withTextAfterHeader(armor, "-----BEGIN PGP MESSAGE-----", text));
    assertAliceRefuses(message, PgpDataException.Reason.MALFORMED)
        .hasMessage(
            "the armored message has text after its armor header line -----BEGIN PGP"
                + " MESSAGE----- on the same line: nothing but whitespace may follow it there"
                + " (RFC 9580, section 6.2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {" \t", "  "})
  void message_withWhitespaceAfterItsHeader_decrypts(String text) throws Exception {
    String armor = new String(armored(message()), StandardCharsets.US_ASCII);
    byte[] message = ascii(withTextAfterHeader(armor, "-----BEGIN PGP MESSAGE-----", text));
    assertThat(EncryptDecryptTest.decrypt(EncryptDecryptTest.with(PgpTestKeys.ALICE_RSA), message))
        .isEqualTo(EncryptDecryptTest.TEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "-"})
  void detachedSignature_withTextAfterItsHeader_isMalformed(String text) {
    String armor = new String(armoredSignature(PgpTestKeys.ALICE_RSA), StandardCharsets.US_ASCII);
    byte[] signature = ascii(withTextAfterHeader(armor, "-----BEGIN PGP SIGNATURE-----", text));
    assertThatThrownBy(() -> verifyDetached(signature, PgpTestKeys.ALICE_RSA))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessageContaining("has text after its armor header line -----BEGIN PGP SIGNATURE-----");
  }
}
