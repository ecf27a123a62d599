package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The line endings of ASCII armor, as GnuPG 2.2 and Sequoia's sqop read them: a line ends in LF;
 * CRs, spaces and tabs before it are trailing whitespace, so LF, CR LF and any mixture of the two
 * are read, as are blank lines of whitespace. A lone CR is whitespace inside the data; in the armor
 * header lines it is a line ending GnuPG does not accept, and nor do we. The armor was made by
 * GnuPG (resources {@code armor/}) and is rewritten per case; every kind of armor goes through the
 * public API: a message, a detached signature, a certificate and a private key. Regression: a
 * message whose header line alone ended in CR LF was refused with "the armored message is damaged:
 * its armor header lines cannot be read" (BouncyCastle's "inconsistent line endings in headers").
 */
class ArmorLineEndingsTest {
  static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);
  static final String MESSAGE = resource("hello.txt.asc");
  static final String SIGNATURE = resource("hello.txt.sig.asc");

  /** A rewrite of armor's lines (without their line endings) to text. */
  interface Rewrite extends Function<List<String>, String> {}

  static String resource(String name) {
    try (InputStream in = ArmorLineEndingsTest.class.getResourceAsStream("armor/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String armor) {
    return List.of(armor.replace("\r\n", "\n").strip().split("\n", -1));
  }

  /** Every line ends in {@code ending}, but the lines at {@code at} end in {@code other}. */
  static Rewrite endings(String ending, String other, int... at) {
    return lines -> {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        int index = i;
        boolean special =
            Arrays.stream(at).anyMatch(a -> a == index || (a < 0 && lines.size() + a == index));
        out.append(lines.get(i)).append(special ? other : ending);
      }
      return out.toString();
    };
  }

  /** {@code rewrite} of the lines after {@code change}. */
  static Rewrite after(Function<List<String>, List<String>> change, Rewrite rewrite) {
    return lines -> rewrite.apply(change.apply(lines));
  }

  static List<String> withComment(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.add(1, "Comment: made by GnuPG");
    return out;
  }

  static Function<List<String>, List<String>> appendingToEach(String text) {
    return lines -> lines.stream().map(l -> l.isEmpty() ? l : l + text).toList();
  }

  static Function<List<String>, List<String>> replacing(int index, String line) {
    return lines -> {
      List<String> out = new ArrayList<>(lines);
      out.set(index, line);
      return out;
    };
  }

  static Function<List<String>, List<String>> inserting(int index, String line) {
    return lines -> {
      List<String> out = new ArrayList<>(lines);
      out.add(index < 0 ? out.size() + index : index, line);
      return out;
    };
  }

  static final String LF = "\n";
  static final String CRLF = "\r\n";
  static final String CR = "\r";
  static final int BODY = 3; // a line of base64 data

  /** Read by GnuPG 2.2.40 and sqop 0.27.3 alike, as messages, signatures and keys. */
  static List<Named<Rewrite>> accepted() {
    return List.of(
        Named.of("LF", endings(LF, LF)),
        Named.of("CR LF", endings(CRLF, CRLF)),
        Named.of("header line CR LF, the rest LF", endings(LF, CRLF, 0)),
        Named.of("header line LF, the rest CR LF", endings(CRLF, LF, 0)),
        Named.of("header line and blank line CR LF, the rest LF", endings(LF, CRLF, 0, 1)),
        Named.of("blank line CR LF, the rest LF", endings(LF, CRLF, 1)),
        Named.of("one line of data CR LF, the rest LF", endings(LF, CRLF, BODY)),
        Named.of("one line of data LF, the rest CR LF", endings(CRLF, LF, BODY)),
        Named.of("one line of data ends in CR only", endings(LF, CR, BODY)),
        Named.of("CR CR LF", endings("\r\r\n", "\r\r\n")),
        Named.of("header line CR CR LF, the rest LF", endings(LF, "\r\r\n", 0)),
        Named.of("checksum line CR LF, the rest LF", endings(LF, CRLF, -2)),
        Named.of("footer line CR LF, the rest LF", endings(LF, CRLF, -1)),
        Named.of("footer without a line ending", endings(LF, "", -1)),
        Named.of("footer without a line ending, the rest CR LF", endings(CRLF, "", -1)),
        Named.of("LF and CR LF alternating", endings(LF, CRLF, 0, 2, 4, 6, 8, -1)),
        Named.of("trailing spaces", after(appendingToEach("  "), endings(LF, LF))),
        Named.of("trailing tabs", after(appendingToEach("\t"), endings(LF, LF))),
        Named.of(
            "trailing space and tab, CR LF", after(appendingToEach(" \t"), endings(CRLF, CRLF))),
        Named.of(
            "trailing space on the header line, which ends in CR LF",
            after(replacing(0, "%s "), endings(LF, CRLF, 0))),
        Named.of("blank line of spaces", after(replacing(1, "   "), endings(LF, LF))),
        Named.of("blank line of a tab", after(replacing(1, "\t"), endings(LF, LF))),
        Named.of(
            "blank line of a space, header line CR LF",
            after(replacing(1, " "), endings(LF, CRLF, 0))),
        Named.of("two blank lines after the header", after(inserting(1, ""), endings(LF, LF))),
        Named.of("a blank line in the data", after(inserting(BODY, ""), endings(LF, LF))),
        Named.of("a blank line before the checksum", after(inserting(-2, ""), endings(LF, LF))),
        Named.of("blank lines before the header line", l -> "\n\r\n" + endings(LF, LF).apply(l)),
        Named.of("armor header, LF", after(ArmorLineEndingsTest::withComment, endings(LF, LF))),
        Named.of(
            "armor header, header line CR LF, the rest LF",
            after(ArmorLineEndingsTest::withComment, endings(LF, CRLF, 0))),
        Named.of(
            "armor header CR LF, the rest LF",
            after(ArmorLineEndingsTest::withComment, endings(LF, CRLF, 1))),
        Named.of(
            "armor header and header line CR LF, the rest LF",
            after(ArmorLineEndingsTest::withComment, endings(LF, CRLF, 0, 1))),
        Named.of(
            "armor header, CR CR LF",
            after(ArmorLineEndingsTest::withComment, endings("\r\r\n", "\r\r\n"))),
        Named.of(
            "armor header with a trailing space, CR LF",
            after(l -> replacing(1, "Comment: x ").apply(withComment(l)), endings(CRLF, CRLF))));
  }

  /** Refused by GnuPG 2.2.40 (sqop reads the first two but not the third). */
  static List<Named<Rewrite>> crOnly() {
    return List.of(
        Named.of("CR only", endings(CR, CR)),
        Named.of("blank line ends in CR only", endings(LF, CR, 1)),
        Named.of(
            "armor header, CR only", after(ArmorLineEndingsTest::withComment, endings(CR, CR))));
  }

  static String rewrite(String armor, Rewrite rewrite) {
    List<String> lines = lines(armor);
    String text = rewrite.apply(lines);
    return text.replace("%s", lines.get(0)); // replacing(0, "%s ") keeps the header line
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] decrypt(String armor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpDecryptor.builder()
        .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
        .build()
        .decrypt(new ByteArrayInputStream(ascii(armor)), out);
    return out.toByteArray();
  }

  static List<SignatureVerification> verify(String armor) {
    return PgpSignatures.verify(
        new ByteArrayInputStream(HELLO),
        new ByteArrayInputStream(ascii(armor)),
        List.of(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey())),
        PgpPolicy.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void message_decrypts(Rewrite rewrite) {
    assertThat(decrypt(rewrite(MESSAGE, rewrite))).isEqualTo(HELLO);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void detachedSignature_verifies(Rewrite rewrite) {
    assertThat(verify(rewrite(SIGNATURE, rewrite)))
        .singleElement()
        .satisfies(v -> assertThat(v.valid()).as("%s", v.problem()).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void certificate_isRead_asTextAndAsBytes(Rewrite rewrite) {
    String armor = rewrite(PgpTestKeys.ALICE_RSA.armoredPublicKey(), rewrite);
    String fingerprint = PgpTestKeys.ALICE_RSA.fingerprint();
    assertThat(PgpCertificate.parse(armor).fingerprint()).isEqualTo(fingerprint);
    assertThat(PgpCertificate.readAll(ascii(armor)))
        .singleElement()
        .satisfies(c -> assertThat(c.fingerprint()).isEqualTo(fingerprint));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void privateKey_isRead_asTextAndAsBytes(Rewrite rewrite) {
    String armor = rewrite(PgpTestKeys.ALICE_RSA.armoredPrivateKey(), rewrite);
    String fingerprint = PgpTestKeys.ALICE_RSA.fingerprint();
    assertThat(PgpKey.parse(armor, Secret.empty()).fingerprint()).isEqualTo(fingerprint);
    assertThat(PgpKey.readAll(ascii(armor), Secret.empty()))
        .singleElement()
        .satisfies(k -> assertThat(k.fingerprint()).isEqualTo(fingerprint));
  }

  static String crOnlyProblem(String subject, int line) {
    return "line "
        + line
        + " of "
        + subject
        + " ends in CR only (a carriage return without a line feed): armor lines end in LF or"
        + " CR LF, and GnuPG refuses this too; convert the line endings";
  }

  static int firstCrOnlyLine(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].replaceAll("[ \t\r]+$", "").contains("\r")) {
        return i + 1;
      }
    }
    throw new AssertionError("no CR-only line ending");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crOnly")
  void messageAndSignature_withCrOnlyLineEndingsInTheirArmorHeaders_areMalformed_namingTheLine(
      Rewrite r) {
    String message = rewrite(MESSAGE, r);
    String signature = rewrite(SIGNATURE, r);
    assertThatThrownBy(() -> decrypt(message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage(crOnlyProblem("the armored message", firstCrOnlyLine(message)));
    assertThatThrownBy(() -> verify(signature))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage(crOnlyProblem("the armored signature", firstCrOnlyLine(signature)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crOnly")
  void keys_withCrOnlyLineEndingsInTheirArmorHeaders_areRefused_namingTheLine(Rewrite r) {
    String cert = rewrite(PgpTestKeys.ALICE_RSA.armoredPublicKey(), r);
    String key = rewrite(PgpTestKeys.ALICE_RSA.armoredPrivateKey(), r);
    String problem = crOnlyProblem("the armored key", firstCrOnlyLine(cert));
    List<ThrowingCallable> reads =
        List.of(
            () -> PgpCertificate.parse(cert),
            () -> PgpCertificate.readAll(ascii(cert)),
            () -> PgpKey.parse(key, Secret.empty()),
            () -> PgpKey.readAll(ascii(key), Secret.empty()));
    for (ThrowingCallable read : reads) {
      assertThatThrownBy(read).isInstanceOf(PgpKeyException.class).hasMessage(problem);
    }
  }

  static String notAHeader(String subject, int line) {
    return "line "
        + line
        + " of "
        + subject
        + " is neither an armor header (Name: value) nor the blank line that ends the armor"
        + " headers: the blank line after the header line is missing, or the armor was changed";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingBlankLine")
  void message_withoutTheBlankLineAfterItsHeaders_isMalformed_namingTheLine(Rewrite r) {
    assertThatThrownBy(() -> decrypt(rewrite(MESSAGE, r)))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(notAHeader("the armored message", 2));
    assertThatThrownBy(() -> verify(rewrite(SIGNATURE, r)))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(notAHeader("the armored signature", 2));
    String cert = rewrite(PgpTestKeys.ALICE_RSA.armoredPublicKey(), r);
    assertThatThrownBy(() -> PgpCertificate.readAll(ascii(cert)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAHeader("the armored key", 2));
    assertThatThrownBy(() -> PgpCertificate.parse(cert))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAHeader("the armored key", 2));
  }

  /** GnuPG: "invalid armor header" (it exits with 2); sqop reads them. */
  static List<Named<Rewrite>> missingBlankLine() {
    Function<List<String>, List<String>> drop =
        lines -> {
          List<String> out = new ArrayList<>(lines);
          out.remove(1);
          return out;
        };
    return List.of(
        Named.of("no blank line, LF", after(drop, endings(LF, LF))),
        Named.of("header line ends in CR, then LF", endings(LF, CR, 0)));
  }
}
