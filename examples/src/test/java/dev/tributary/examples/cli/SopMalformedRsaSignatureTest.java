package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.examples.cli.sop.Sop;
import dev.tributary.testing.MalformedRsaSignatures;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sop verify} and {@code sop inline-verify} (one-pass signed and cleartext-signed) of an RSA
 * signature whose number is malformed ({@link MalformedRsaSignatures}: zero, one, the modulus, as
 * long as the modulus but larger, longer than the modulus): "no valid signature" (3), the signature
 * not matching its data, nothing on stdout, as sqop exits; sdk-pgp's {@code
 * MalformedRsaSignatureTest} holds the library to the same numbers.
 */
class SopMalformedRsaSignatureTest {
  static final byte[] DATA = "pay 100\n".getBytes(StandardCharsets.UTF_8);
  static final String NO_VALID_SIGNATURE =
      "sop: no valid signature: the signature does not match the data" + System.lineSeparator();

  @TempDir Path dir;
  StringWriter err = new StringWriter();
  byte[] out = new byte[0];

  int sop(byte[] stdin, String... args) {
    err = new StringWriter();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code = Sop.run(new ByteArrayInputStream(stdin), stdout, new PrintWriter(err, true), args);
    out = stdout.toByteArray();
    return code;
  }

  /** The exit code and stdout of sqop run with {@code args} on {@code stdin}. */
  record Sqop(int code, byte[] out) {}

  Sqop sqop(byte[] stdin, String... args) throws Exception {
    Path in = Files.write(dir.resolve("sqop-in"), stdin);
    Path stdout = dir.resolve("sqop-out");
    List<String> command = new ArrayList<>(List.of("sqop"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Sqop(p.exitValue(), Files.readAllBytes(stdout));
  }

  String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII).toString();
  }

  String key() throws Exception {
    return file("alice.sec", PgpTestKeys.ALICE_RSA.armoredPrivateKey());
  }

  String cert() throws Exception {
    return file("alice.pub", PgpTestKeys.ALICE_RSA.armoredPublicKey());
  }

  static BigInteger modulus() throws Exception {
    PGPPublicKeyRing ring =
        new PGPPublicKeyRing(
            PGPUtil.getDecoderStream(
                new ByteArrayInputStream(
                    PgpTestKeys.ALICE_RSA.armoredPublicKey().getBytes(StandardCharsets.US_ASCII))),
            new BcKeyFingerprintCalculator());
    return ((RSAPublicBCPGKey) ring.getPublicKey().getPublicKeyPacket().getKey()).getModulus();
  }

  /** What to verify: {@code stdin}, and {@code args}, the verb and its arguments. */
  record Check(byte[] stdin, List<String> args) {}

  /**
   * For each malformed number, by its name, what to verify: {@code form} "detached" (the signature
   * is a file, the data on stdin), "binary" (a one-pass signed message) or "clearsigned", signed by
   * our {@code sop}, its signature's number replaced; and the well-formed one, under "good".
   */
  Map<String, Check> checks(String form) throws Exception {
    String key = key();
    String cert = cert();
    Map<String, Check> checks = new LinkedHashMap<>();
    if (form.equals("detached")) {
      assertThat(sop(DATA, "sign", "--no-armor", key)).as(err.toString()).isZero();
      Map<String, byte[]> signatures = new LinkedHashMap<>();
      signatures.put("good", out);
      signatures.putAll(MalformedRsaSignatures.of(out, modulus()));
      int i = 0;
      for (Map.Entry<String, byte[]> s : signatures.entrySet()) {
        Path sig = Files.write(dir.resolve("sig" + i++), s.getValue());
        checks.put(s.getKey(), new Check(DATA, List.of("verify", sig.toString(), cert)));
      }
      return checks;
    }
    List<String> sign = new ArrayList<>(List.of("inline-sign", "--as=" + form, key));
    if (form.equals("binary")) {
      sign.add("--no-armor");
    }
    assertThat(sop(DATA, sign.toArray(String[]::new))).as(err.toString()).isZero();
    byte[] message = out;
    Path sigs = dir.resolve("sigs");
    assertThat(sop(message, "inline-detach", "--no-armor", "--signatures-out=" + sigs))
        .as(err.toString())
        .isZero();
    byte[] good = Files.readAllBytes(sigs);
    checks.put("good", new Check(message, List.of("inline-verify", cert)));
    for (Map.Entry<String, byte[]> m : MalformedRsaSignatures.of(good, modulus()).entrySet()) {
      checks.put(
          m.getKey(),
          new Check(
              withSignature(message, form, good, m.getValue()), List.of("inline-verify", cert)));
    }
    return checks;
  }

  /** {@code message} with its signature {@code good} replaced by {@code signature}. */
  byte[] withSignature(byte[] message, String form, byte[] good, byte[] signature) {
    if (form.equals("binary")) {
      return MalformedRsaSignatures.inOnePassSignedMessage(message, good, signature);
    }
    assertThat(sop(signature, "armor")).as(err.toString()).isZero();
    return MalformedRsaSignatures.inCleartextSignedMessage(message, out);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"detached", "binary", "clearsigned"})
  void malformedRsaNumber_isNoValidSignature_3_theSignatureNotMatchingTheData(String form)
      throws Exception {
    Map<String, Check> checks = checks(form);
    assertThat(checks).hasSize(6);
    for (Map.Entry<String, Check> c : checks.entrySet()) {
      String name = c.getKey();
      int code = sop(c.getValue().stdin(), c.getValue().args().toArray(String[]::new));
      if (name.equals("good")) {
        assertThat(code).as(err.toString()).isZero();
        continue;
      }
      assertThat(code).as("%s: %s", name, err).isEqualTo(3);
      assertThat(err.toString()).as(name).isEqualTo(NO_VALID_SIGNATURE);
      assertThat(out).as(name).isEmpty();
    }
  }

  /** sqop 0.27.3 exits as we do on each: 0 for the well-formed one, 3 for the malformed ones. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"detached", "binary", "clearsigned"})
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void malformedRsaNumber_sqopExitsAsWeDo(String form) throws Exception {
    for (Map.Entry<String, Check> c : checks(form).entrySet()) {
      String[] args = c.getValue().args().toArray(String[]::new);
      Sqop theirs = sqop(c.getValue().stdin(), args);
      int ours = sop(c.getValue().stdin(), args);
      assertThat(theirs.code()).as(c.getKey()).isEqualTo(ours);
      assertThat(theirs.code()).as(c.getKey()).isEqualTo(c.getKey().equals("good") ? 0 : 3);
      if (!(form.equals("detached") && c.getKey().equals("good"))) {
        // the data, or nothing; not the verifications, which each tool words its own way
        assertThat(theirs.out()).as(c.getKey()).isEqualTo(out);
      }
    }
  }
}
