package dev.tributary.pgp;

import static dev.tributary.pgp.ArmorLineEndingsTest.CRLF;
import static dev.tributary.pgp.ArmorLineEndingsTest.HELLO;
import static dev.tributary.pgp.ArmorLineEndingsTest.LF;
import static dev.tributary.pgp.ArmorLineEndingsTest.MESSAGE;
import static dev.tributary.pgp.ArmorLineEndingsTest.SIGNATURE;
import static dev.tributary.pgp.ArmorLineEndingsTest.ascii;
import static dev.tributary.pgp.ArmorLineEndingsTest.endings;
import static dev.tributary.pgp.ArmorLineEndingsTest.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.ArmorLineEndingsTest.Rewrite;
import dev.tributary.testing.ExternalPrograms;
import dev.tributary.testing.PgpTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link ArmorLineEndingsTest} says of GnuPG and sqop, checked against the installed tools for
 * a few of its cases: the armor both read, we read; the armor GnuPG refuses, we refuse.
 */
class ArmorLineEndingsInteropTest {
  @TempDir Path dir;

  static List<Named<Rewrite>> readByBoth() {
    return List.of(
        Named.of("header line CR LF, the rest LF", endings(LF, CRLF, 0)),
        Named.of("header line LF, the rest CR LF", endings(CRLF, LF, 0)),
        Named.of("one line of data CR LF, the rest LF", endings(LF, CRLF, 3)),
        Named.of("CR CR LF", endings("\r\r\n", "\r\r\n")));
  }

  String file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.US_ASCII);
    return p.toString();
  }

  Tool.Result sqop(byte[] stdin, String... args) {
    ExternalPrograms.require("sqop", "sqop");
    return Tool.run(stdin, Map.of(), Tool.list(prepend("sqop", args)));
  }

  static String[] prepend(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  Gpg gpgWithAlice() throws Exception {
    ExternalPrograms.require("gpg", "gnupg");
    Gpg gpg = new Gpg();
    gpg.importKey(PgpTestKeys.ALICE_RSA.armoredPrivateKey());
    return gpg;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readByBoth")
  void armorReadByGpgAndSqop_isReadByUs(Rewrite rewrite) throws Exception {
    String message = rewrite(MESSAGE, rewrite);
    String signature = file("hello.sig", rewrite(SIGNATURE, rewrite));
    String cert = file("alice.pub", rewrite(PgpTestKeys.ALICE_RSA.armoredPublicKey(), rewrite));
    String key = file("alice.sec", rewrite(PgpTestKeys.ALICE_RSA.armoredPrivateKey(), rewrite));
    try (Gpg gpg = gpgWithAlice()) {
      assertThat(gpg.run(ascii(message), "--decrypt").ok().out()).isEqualTo(HELLO);
      gpg.run(new byte[0], "--verify", signature, file("hello", "hello\n")).ok();
      gpg.run(new byte[0], "--import", cert).ok();
    }
    assertThat(sqop(ascii(message), "decrypt", key).ok().out()).isEqualTo(HELLO);
    sqop(HELLO, "verify", signature, cert).ok();
    sqop(HELLO, "encrypt", cert).ok();
    assertThat(sqop(ascii(Files.readString(Path.of(key))), "extract-cert").ok().text())
        .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    assertThat(ArmorLineEndingsTest.decrypt(message)).isEqualTo(HELLO);
    assertThat(ArmorLineEndingsTest.verify(Files.readString(Path.of(signature))))
        .singleElement()
        .satisfies(v -> assertThat(v.valid()).isTrue());
    assertThat(PgpCertificate.readAll(Files.readAllBytes(Path.of(cert)))).hasSize(1);
    assertThat(PgpKey.readAll(Files.readAllBytes(Path.of(key)), Secret.empty())).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tributary.pgp.ArmorLineEndingsTest#crOnly")
  void armorWithCrOnlyHeaderLines_gpgRefuses_andSoDoWe(Rewrite rewrite) throws Exception {
    String message = rewrite(MESSAGE, rewrite);
    try (Gpg gpg = gpgWithAlice()) {
      Tool.Result r = gpg.run(ascii(message), "--decrypt");
      assertThat(r.code()).as("gpg's exit code; stderr: %s", r.err()).isNotZero();
    }
    assertThatThrownBy(() -> ArmorLineEndingsTest.decrypt(message))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("ends in CR only");
  }
}
