package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An armored key, message or signature whose checksum line ({@code =} and four characters) was
 * joined to the last line of base64 data, as copying and pasting can leave it: GnuPG reads it (and
 * checks the checksum), so does Sequoia, and so do we, through every way each is read; a checksum
 * that does not match is the checksum error, as it is on a line of its own (but for an encrypted
 * message, whose checksum is not checked: its MDC or AEAD protects it).
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class JoinedChecksumInteropTest {
  static final TestKey CAROL = PgpTestKeys.CAROL_SEQUOIA;
  static final String CHECKSUM_ERROR =
      "the armor checksum (the line beginning with '=' before the footer) does not match: ";

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  /** {@code armored} with its checksum line appended to the line before it. */
  static String joined(String armored, String checksum) {
    List<String> lines = List.of(armored.split("\n"));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean beforeChecksum = i + 1 < lines.size() && isChecksum(lines.get(i + 1));
      if (isChecksum(line)) {
        continue;
      }
      out.append(line);
      if (beforeChecksum) {
        out.append(checksum == null ? lines.get(i + 1) : checksum);
      }
      out.append('\n');
    }
    return out.toString();
  }

  static boolean isChecksum(String line) {
    return line.length() == 5 && line.charAt(0) == '=';
  }

  static String armored(String key) {
    return switch (key) {
      case "alice public" -> PgpTestKeys.ALICE_RSA.armoredPublicKey();
      case "alice private" -> PgpTestKeys.ALICE_RSA.armoredPrivateKey();
      default -> PgpTestKeys.WEAK_RSA_1024.armoredPublicKey();
    };
  }

  @ParameterizedTest(name = "{0}, its last line ending in {1}")
  @CsvSource({"alice public, no padding", "alice private, '=='", "weak public, '='"})
  void joinedChecksum_isRead_asGnuPgReadsIt_andChecked(String key, String padding) {
    String armored = armored(key);
    String joined = joined(armored, null);
    assertThat(joined).isNotEqualTo(armored).doesNotContain("\n=");
    String lastData =
        joined.lines().filter(l -> l.matches(".*=[A-Za-z0-9+/]{4}")).findFirst().get();
    assertThat(lastData.substring(0, lastData.length() - 5))
        .endsWith(padding.equals("no padding") ? "" : padding)
        .doesNotEndWith(padding.equals("'='") ? "==" : "===");
    assertThat(gpg.run(joined.getBytes(StandardCharsets.US_ASCII), "--import").code()).isZero();
    boolean isPrivate = key.endsWith("private");
    String fingerprint =
        key.startsWith("alice")
            ? PgpTestKeys.ALICE_RSA.fingerprint()
            : PgpTestKeys.WEAK_RSA_1024.fingerprint();
    byte[] bytes = joined.getBytes(StandardCharsets.US_ASCII);
    if (isPrivate) {
      assertThat(PgpKey.parse(joined, Secret.empty()).fingerprint()).isEqualTo(fingerprint);
      assertThat(PgpKey.readAll(bytes, Secret.empty()).get(0).fingerprint()).isEqualTo(fingerprint);
    } else {
      assertThat(PgpCertificate.parse(joined).fingerprint()).isEqualTo(fingerprint);
      assertThat(PgpCertificate.readAll(bytes).get(0).fingerprint()).isEqualTo(fingerprint);
    }

    String wrongSum = joined(armored, "=AAAA");
    assertThat(gpg.run(wrongSum.getBytes(StandardCharsets.US_ASCII), "--import").code())
        .isNotZero();
    assertThatThrownBy(
            () -> {
              if (isPrivate) {
                PgpKey.parse(wrongSum, Secret.empty());
              } else {
                PgpCertificate.parse(wrongSum);
              }
            })
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "the armor checksum (the line beginning with '=' before the footer) does not match:"
                + " the key was changed or damaged when it was copied; copy it again");
    assertThatThrownBy(() -> PgpCertificate.readAll(wrongSum.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PgpKeyException.class);
  }

  /**
   * {@code armored} with its checksum joined to the line before it, and, if {@code wrong}, a
   * checksum that does not match.
   */
  static String joinedMessage(byte[] armored, boolean wrong) {
    String text = new String(armored, StandardCharsets.US_ASCII);
    String checksum = text.lines().filter(JoinedChecksumInteropTest::isChecksum).findFirst().get();
    String joined = joined(text, wrong ? (checksum.equals("=AAAA") ? "=BBBB" : "=AAAA") : null);
    assertThat(joined).isNotEqualTo(text).doesNotContain("\n=").contains("-----END PGP ");
    return joined;
  }

  /** How many '=' of padding end the data of {@code joined}, before its joined checksum. */
  static int padding(String joined) {
    String last = joined.lines().filter(l -> l.matches(".*=[A-Za-z0-9+/]{4}")).findFirst().get();
    String data = last.substring(0, last.length() - 5);
    return data.length() - data.replaceAll("=+$", "").length();
  }

  Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
  }

  /** {@code text} encrypted to Carol, armored, by {@code maker}: gpg or sqop. */
  byte[] encrypted(String maker, byte[] text) throws Exception {
    gpg.importSecretKey(CAROL); // to read it, if not to make it
    if (maker.equals("gpg")) {
      return gpg.run(text, "--armor", "--encrypt", "--recipient", CAROL.fingerprint()).ok().out();
    }
    return Tool.sqop(text, "encrypt", file("carol.pub", CAROL.armoredPublicKey()).toString())
        .ok()
        .out();
  }

  /**
   * Messages GnuPG and Sequoia encrypt, their checksum joined to the last line of data after
   * padding of none, one and two '=': both decrypt them, and so do we; the checksum of a message is
   * not checked, joined or not.
   */
  @ParameterizedTest(name = "made by {0}")
  @CsvSource({"gpg", "sqop"})
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void encryptedMessage_withTheChecksumJoined_isDecrypted_asGnuPgAndSequoiaDecryptIt(String maker)
      throws Exception {
    Set<Integer> paddings = new TreeSet<>();
    String key = file("carol.sec", CAROL.armoredPrivateKey()).toString();
    for (String text : List.of("joined\n", "joined!\n", "joined!!\n")) {
      byte[] plaintext = text.getBytes(StandardCharsets.US_ASCII);
      String joined = joinedMessage(encrypted(maker, plaintext), false);
      paddings.add(padding(joined));
      byte[] bytes = joined.getBytes(StandardCharsets.US_ASCII);
      assertThat(gpg.run(bytes, "--decrypt").ok().out()).isEqualTo(plaintext);
      assertThat(Tool.sqop(bytes, "decrypt", key).ok().out()).isEqualTo(plaintext);
      assertThat(EncryptDecryptTest.decrypt(EncryptDecryptTest.with(CAROL), bytes))
          .isEqualTo(plaintext);
      byte[] wrong =
          joinedMessage(encrypted(maker, plaintext), true).getBytes(StandardCharsets.US_ASCII);
      assertThat(EncryptDecryptTest.decrypt(EncryptDecryptTest.with(CAROL), wrong))
          .isEqualTo(plaintext);
    }
    assertThat(paddings).containsExactly(0, 1, 2);
  }

  /**
   * {@code text} signed by Carol, armored, by {@code maker}: inline if {@code inline}, else
   * detached.
   */
  byte[] signed(String maker, byte[] text, boolean inline) throws Exception {
    gpg.importSecretKey(CAROL); // to read it, if not to make it
    if (maker.equals("gpg")) {
      return gpg.run(
              text,
              "--armor",
              inline ? "--sign" : "--detach-sign",
              "--local-user",
              CAROL.fingerprint())
          .ok()
          .out();
    }
    String key = file("carol.sec", CAROL.armoredPrivateKey()).toString();
    return Tool.sqop(text, inline ? "inline-sign" : "sign", key).ok().out();
  }

  /**
   * Signed messages and detached signatures GnuPG and Sequoia make, their checksum joined to the
   * last line of data: we verify them, and dearmor them, and refuse them as damaged once the
   * checksum does not match.
   */
  @ParameterizedTest(name = "made by {0}")
  @CsvSource({"gpg", "sqop"})
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void signedMessageAndSignature_withTheChecksumJoined_areVerified_andTheChecksumChecked(
      String maker) throws Exception {
    byte[] text = "joined\n".getBytes(StandardCharsets.US_ASCII);
    List<PgpCertificate> carol = List.of(PgpCertificate.of(CAROL.publicKey()));
    byte[] message = signed(maker, text, true);
    byte[] signature = signed(maker, text, false);
    byte[] joinedMessage = joinedMessage(message, false).getBytes(StandardCharsets.US_ASCII);
    byte[] joinedSignature = joinedMessage(signature, false).getBytes(StandardCharsets.US_ASCII);
    assertThat(gpg.run(joinedMessage, "--decrypt").ok().out()).isEqualTo(text);
    Path cert = file("carol.pub", CAROL.armoredPublicKey());
    Path sig = file("joined.sig", new String(joinedSignature, StandardCharsets.US_ASCII));
    Tool.sqop(text, "verify", sig.toString(), cert.toString()).ok();
    assertThat(Tool.sqop(joinedMessage, "inline-verify", cert.toString()).ok().out())
        .isEqualTo(text);

    ByteArrayOutputStream data = new ByteArrayOutputStream();
    assertThat(
            PgpInlineSignatures.verify(
                new ByteArrayInputStream(joinedMessage), data, carol, PgpPolicy.defaults()))
        .singleElement()
        .satisfies(v -> assertThat(v.valid()).isTrue());
    assertThat(data.toByteArray()).isEqualTo(text);
    assertThat(
            PgpSignatures.verify(
                new ByteArrayInputStream(text),
                new ByteArrayInputStream(joinedSignature),
                carol,
                PgpPolicy.defaults()))
        .singleElement()
        .satisfies(v -> assertThat(v.valid()).isTrue());
    assertThat(dearmor(joinedMessage)).isEqualTo(dearmor(message));

    byte[] wrongMessage = joinedMessage(message, true).getBytes(StandardCharsets.US_ASCII);
    byte[] wrongSignature = joinedMessage(signature, true).getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () ->
                PgpInlineSignatures.verify(
                    new ByteArrayInputStream(wrongMessage),
                    new ByteArrayOutputStream(),
                    carol,
                    PgpPolicy.defaults()))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(CHECKSUM_ERROR + "the message was changed or damaged when it was copied");
    assertThatThrownBy(
            () ->
                PgpSignatures.verify(
                    new ByteArrayInputStream(text),
                    new ByteArrayInputStream(wrongSignature),
                    carol,
                    PgpPolicy.defaults()))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(CHECKSUM_ERROR + "the signature was changed or damaged when it was copied");
    assertThatThrownBy(() -> dearmor(wrongMessage))
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith(CHECKSUM_ERROR);
  }

  /** A message without a checksum line is read as before: nothing to join, nothing to check. */
  @ParameterizedTest(name = "made by {0}")
  @CsvSource({"gpg", "sqop"})
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void messageWithoutAChecksum_isReadAsBefore(String maker) throws Exception {
    byte[] text = "no checksum\n".getBytes(StandardCharsets.US_ASCII);
    String armored = new String(encrypted(maker, text), StandardCharsets.US_ASCII);
    String without = armored.replaceFirst("\n=[A-Za-z0-9+/]{4}\n", "\n");
    assertThat(without).isNotEqualTo(armored);
    byte[] bytes = without.getBytes(StandardCharsets.US_ASCII);
    // gpg 2.2 reads the footer line as base64 when no checksum line precedes it, whoever made it
    String key = file("carol.sec", CAROL.armoredPrivateKey()).toString();
    assertThat(Tool.sqop(bytes, "decrypt", key).ok().out()).isEqualTo(text);
    assertThat(EncryptDecryptTest.decrypt(EncryptDecryptTest.with(CAROL), bytes)).isEqualTo(text);
    String signed = new String(signed(maker, text, true), StandardCharsets.US_ASCII);
    byte[] unsummed =
        signed.replaceFirst("\n=[A-Za-z0-9+/]{4}\n", "\n").getBytes(StandardCharsets.US_ASCII);
    assertThat(dearmor(unsummed)).isEqualTo(dearmor(signed.getBytes(StandardCharsets.US_ASCII)));
  }

  static byte[] dearmor(byte[] armored) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpArmor.dearmor(new ByteArrayInputStream(armored), out);
    return out.toByteArray();
  }
}
