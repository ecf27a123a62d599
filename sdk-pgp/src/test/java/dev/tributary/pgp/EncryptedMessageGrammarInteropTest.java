package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptedMessageGrammarTest.HELLO;
import static dev.tributary.pgp.EncryptedMessageGrammarTest.KEY;
import static dev.tributary.pgp.EncryptedMessageGrammarTest.KEY_128;
import static dev.tributary.pgp.EncryptedMessageGrammarTest.alice;
import static dev.tributary.pgp.Rfc9580Packets.AES_128;
import static dev.tributary.pgp.Rfc9580Packets.AES_256;
import static dev.tributary.pgp.Rfc9580Packets.concat;
import static dev.tributary.pgp.Rfc9580Packets.literal;
import static dev.tributary.pgp.Rfc9580Packets.pkeskV3;
import static dev.tributary.pgp.Rfc9580Packets.seipdV1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.Rfc9580Packets.Mdc;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crafted messages of {@link EncryptedMessageGrammarTest} that we decrypted and Sequoia and
 * GnuPG refuse, read by all three: a session key packet whose key has another length than the
 * cipher it names. sqop 0.27.3 exits 29 ("unable to decrypt"), gpg 2.2.40 fails ("public key
 * decryption failed: Wrong secret key used"); neither writes plaintext, and we fail with the
 * integrity error.
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class EncryptedMessageGrammarInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();

  @TempDir Path dir;

  static Stream<Arguments> sessionKeysOfAnotherLength() throws Exception {
    return Stream.of(
        Arguments.of(
            "AES-128 named, a 32-octet key, AES-256 data",
            concat(pkeskV3(alice(), AES_128, KEY), seipdV1(KEY, literal(HELLO), Mdc.RIGHT))),
        Arguments.of(
            "AES-256 named, a 16-octet key, AES-128 data",
            concat(
                pkeskV3(alice(), AES_256, KEY_128), seipdV1(KEY_128, literal(HELLO), Mdc.RIGHT))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sessionKeysOfAnotherLength")
  void sessionKeyOfAnotherLength_isRefusedBySequoiaGnuPgAndUs(String what, byte[] message)
      throws Exception {
    Path key =
        Files.writeString(dir.resolve("alice.sec.asc"), PgpTestKeys.ALICE_RSA.armoredPrivateKey());
    Tool.Result sqop = Tool.sqop(message, "decrypt", key.toString());
    assertThat(sqop.code()).as("sqop's exit code; stderr: %s", sqop.err()).isEqualTo(29);
    assertThat(sqop.out()).isEmpty();

    gpg.importSecretKey(PgpTestKeys.ALICE_RSA);
    Tool.Result g = gpg.run(message, "--status-fd", "2", "--decrypt");
    assertThat(g.code()).isNotZero();
    assertThat(g.err()).contains("[GNUPG:] DECRYPTION_FAILED").doesNotContain("DECRYPTION_OKAY");
    assertThat(g.out()).isEmpty();

    assertThatThrownBy(
            () -> EncryptDecryptTest.decrypt(EncryptedMessageGrammarTest.decryptor(), message))
        .isInstanceOf(PgpIntegrityException.class);
  }
}
