package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An armored key whose checksum line ({@code =} and four characters) was joined to the last line of
 * base64 data, as copying and pasting can leave it: GnuPG reads it (and checks the checksum), so
 * does Sequoia, and so do we, through both ways a key is read; a checksum that does not match is
 * the checksum error, as it is on a line of its own.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class JoinedChecksumInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();

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
}
