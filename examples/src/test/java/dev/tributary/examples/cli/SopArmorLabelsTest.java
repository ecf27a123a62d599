package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.examples.cli.sop.Sop;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Armor as sqop and GnuPG read it: the packets count, not the label; {@code dearmor} writes the
 * packets of every armored block it is given; a checksum joined to the last line of data is read.
 * Signatures and messages are made by sqop (and one message by GnuPG).
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class SopArmorLabelsTest {
  static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);
  static final List<String> LABELS =
      List.of("MESSAGE", "SIGNATURE", "PUBLIC KEY BLOCK", "PRIVATE KEY BLOCK");

  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  byte[] out = new byte[0];

  int sop(byte[] stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code = Sop.run(new ByteArrayInputStream(stdin), stdout, new PrintWriter(err, true), args);
    out = stdout.toByteArray();
    return code;
  }

  byte[] sqop(byte[] stdin, String... args) throws Exception {
    return run(stdin, "sqop", args);
  }

  /** The output of {@code program} run with {@code args} on {@code stdin}, which must succeed. */
  byte[] run(byte[] stdin, String program, String... args) throws Exception {
    Path in = Files.write(dir.resolve("tool-in"), stdin);
    Path toolOut = dir.resolve("tool-out");
    List<String> command = new java.util.ArrayList<>(List.of(program));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(toolOut.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s", command).isZero();
    return Files.readAllBytes(toolOut);
  }

  Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
  }

  Path key() throws Exception {
    return file("carol.sec", PgpTestKeys.CAROL_SEQUOIA.armoredPrivateKey());
  }

  Path cert() throws Exception {
    return file("carol.pub", PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey());
  }

  /** {@code armor}, its header and footer lines labelled {@code to} instead. */
  static String relabel(byte[] armor, String to) {
    return new String(armor, StandardCharsets.US_ASCII)
        .replaceAll("(BEGIN|END) PGP [A-Z ]+-----", "$1 PGP " + to + "-----");
  }

  @Test
  void verify_readsASignatureUnderAnyLabel_asSqopDoes() throws Exception {
    byte[] signature = sqop(HELLO, "sign", key().toString());
    for (String label : LABELS) {
      Path relabelled = file("hello.sig", relabel(signature, label));
      sqop(HELLO, "verify", relabelled.toString(), cert().toString());
      assertThat(sop(HELLO, "verify", relabelled.toString(), cert().toString()))
          .as("%s: %s", label, err)
          .isZero();
      assertThat(new String(out, StandardCharsets.UTF_8))
          .contains(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
    }
  }

  @Test
  void inlineVerifyAndDecrypt_readAMessageUnderAnyLabel_asSqopDoes() throws Exception {
    byte[] signed = sqop(HELLO, "inline-sign", key().toString());
    byte[] encrypted = sqop(HELLO, "encrypt", cert().toString());
    for (String label : LABELS) {
      byte[] relabelled = relabel(signed, label).getBytes(StandardCharsets.US_ASCII);
      sqop(relabelled, "inline-verify", cert().toString());
      assertThat(sop(relabelled, "inline-verify", cert().toString()))
          .as("%s: %s", label, err)
          .isZero();
      assertThat(out).isEqualTo(HELLO);
      relabelled = relabel(encrypted, label).getBytes(StandardCharsets.US_ASCII);
      sqop(relabelled, "decrypt", key().toString());
      assertThat(sop(relabelled, "decrypt", key().toString())).as("%s: %s", label, err).isZero();
      assertThat(out).isEqualTo(HELLO);
    }
  }

  /** A key is also read whatever its label; a certificate is still no key, and is said to be. */
  @Test
  void aCertificateUnderThePrivateKeyLabel_isStillRefusedAsTheKey_41() throws Exception {
    byte[] encrypted = sqop(HELLO, "encrypt", cert().toString());
    Path certAsKey =
        file(
            "carol.sec",
            relabel(bytes(PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey()), "PRIVATE KEY BLOCK"));
    assertThat(sop(encrypted, "decrypt", certAsKey.toString())).isEqualTo(41);
    assertThat(err.toString())
        .isEqualTo(
            "sop: this is a public key (certificate) "
                + PgpTestKeys.CAROL_SEQUOIA.fingerprint()
                + "; a private key is needed here\n");
  }

  /**
   * GnuPG's --dearmor writes every block's packets; sqop's (0.27) writes the first block's and
   * drops the rest, and ours wrote the first and exited 41.
   */
  @Test
  void dearmor_ofTwoArmoredBlocks_writesThePacketsOfBoth() throws Exception {
    byte[] first = sqop(HELLO, "sign", key().toString());
    byte[] second = sqop(HELLO, "sign", "--as=text", key().toString());
    byte[] cert = bytes(PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey());
    byte[] both = concat(first, bytes("\n\n"), cert, second);
    byte[] expected =
        concat(sqop(first, "dearmor"), sqop(cert, "dearmor"), sqop(second, "dearmor"));

    assertThat(sop(both, "dearmor")).as(err.toString()).isZero();
    assertThat(out).isEqualTo(expected);
    assertThat(sop(concat(first, bytes("some text\n")), "dearmor")).isEqualTo(41);
    assertThat(err.toString())
        .isEqualTo(
            "sop: the input continues after its armor footer -----END PGP SIGNATURE-----: only"
                + " blank lines or another armored block may follow it\n");
  }

  /**
   * {@code armor} with its checksum joined to the last line of data, as copy and paste can leave
   * it; with a checksum that does not match if {@code wrong}.
   */
  static byte[] joined(byte[] armor, boolean wrong) {
    String joined = SopCommandTest.joinChecksum(new String(armor, StandardCharsets.US_ASCII));
    return bytes(
        wrong
            ? joined.replaceFirst(
                "=[A-Za-z0-9+/]{4}\n-----END",
                joined.contains("=AAAA\n-----END") ? "=BBBB\n-----END" : "=AAAA\n-----END")
            : joined);
  }

  /**
   * Messages and signatures sqop makes, their checksum joined to the last line of data after
   * padding of none, one or two '=': sqop reads them, and so does every verb; where the checksum is
   * checked (all but decrypt, as RFC 9580 section 6.1 asks), one that does not match is bad data.
   */
  @Test
  void aChecksumJoinedToTheLastLine_isReadByEveryVerb_asSqopReadsIt() throws Exception {
    for (String text : List.of("joined\n", "joined!\n", "joined!!\n")) {
      byte[] data = bytes(text);
      byte[] encrypted = joined(sqop(data, "encrypt", cert().toString()), false);
      assertThat(sqop(encrypted, "decrypt", key().toString())).isEqualTo(data);
      assertThat(sop(encrypted, "decrypt", key().toString())).as(err.toString()).isZero();
      assertThat(out).isEqualTo(data);

      byte[] signed = sqop(data, "inline-sign", key().toString());
      byte[] joinedSigned = joined(signed, false);
      assertThat(sqop(joinedSigned, "inline-verify", cert().toString())).isEqualTo(data);
      assertThat(sop(joinedSigned, "inline-verify", cert().toString())).as(err.toString()).isZero();
      assertThat(out).isEqualTo(data);
      assertThat(sop(joinedSigned, "dearmor")).as(err.toString()).isZero();
      assertThat(out).isEqualTo(sqop(signed, "dearmor"));

      Path signature =
          file(
              "joined.sig",
              new String(
                  joined(sqop(data, "sign", key().toString()), false), StandardCharsets.US_ASCII));
      sqop(data, "verify", signature.toString(), cert().toString());
      assertThat(sop(data, "verify", signature.toString(), cert().toString()))
          .as(err.toString())
          .isZero();
    }
    byte[] wrong = joined(sqop(HELLO, "inline-sign", key().toString()), true);
    assertThat(sop(wrong, "dearmor")).isEqualTo(41);
    assertThat(sop(wrong, "inline-verify", cert().toString())).isEqualTo(41);
    assertThat(err.toString())
        .contains(
            "sop: the armor checksum (the line beginning with '=' before the footer) does not"
                + " match: the message was changed or damaged when it was copied\n");
  }

  /** A message GnuPG encrypts, its checksum joined to the last line of data: decrypt reads it. */
  @Test
  @RequiresProgram(value = "gpg", debianPackage = "gnupg")
  void aChecksumJoinedToTheLastLine_ofAGnuPgMessage_isDecrypted() throws Exception {
    Path home = Files.createTempDirectory(Path.of("/tmp"), "gpg"); // short: agent socket paths
    List<String> gpg = List.of("--homedir", home.toString(), "--batch", "--trust-model", "always");
    try {
      run(new byte[0], "gpg", concat(gpg, "--import", cert().toString()));
      for (String text : List.of("joined\n", "joined!\n", "joined!!\n")) {
        String carol = PgpTestKeys.CAROL_SEQUOIA.fingerprint();
        byte[] armored = run(bytes(text), "gpg", concat(gpg, "--armor", "--encrypt", "-r", carol));
        byte[] encrypted = joined(armored, false);
        assertThat(sqop(encrypted, "decrypt", key().toString())).isEqualTo(bytes(text));
        assertThat(sop(encrypted, "decrypt", key().toString())).as(err.toString()).isZero();
        assertThat(out).isEqualTo(bytes(text));
      }
    } finally {
      run(new byte[0], "gpgconf", "--homedir", home.toString(), "--kill", "all");
      dev.tributary.testing.TestFiles.deleteRecursively(home);
    }
  }

  static String[] concat(List<String> first, String... rest) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
