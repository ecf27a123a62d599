package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Regression test for the ECDSA hash defect: signatures by P-384, P-521, brainpoolP384r1 and
 * brainpoolP512r1 keys were made with SHA-256, which gpg 2.2 refuses to check ("ECDSA key …
 * requires a 384 bit or larger hash (hash is SHA256)"). Each signing path must use a hash at least
 * as long as the curve's order, and gpg must accept what it makes. The keys are made by gpg.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class EcdsaSignatureHashInteropTest {
  /** A gpg curve name and the hash its signatures need. */
  record Curve(String gpgName, HashAlgorithm hash) {
    @Override
    public String toString() {
      return gpgName;
    }
  }

  static final List<Curve> CURVES =
      List.of(
          new Curve("nistp384", HashAlgorithm.SHA384),
          new Curve("nistp521", HashAlgorithm.SHA512),
          new Curve("brainpoolP384r1", HashAlgorithm.SHA384),
          new Curve("brainpoolP512r1", HashAlgorithm.SHA512));

  static final byte[] DATA = "hello, ECDSA\nsecond line\n".getBytes(StandardCharsets.UTF_8);
  static final Pattern VALIDSIG = Pattern.compile("\\[GNUPG:] VALIDSIG (?:\\S+ ){7}(\\d+) ");

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  /** A new sign-only ECDSA key on {@code curve}, made by gpg, expiring in a day, unprotected. */
  PgpKey gpgKey(Curve curve, String name) {
    String userId = name + " <" + name.toLowerCase(java.util.Locale.ROOT) + "@example.com>";
    gpg.run(
            new byte[0],
            "--passphrase",
            "",
            "--quick-gen-key",
            userId,
            curve.gpgName(),
            "sign",
            "1d")
        .ok();
    String armored =
        gpg.run(new byte[0], "--passphrase", "", "--armor", "--export-secret-keys", userId)
            .ok()
            .text();
    return PgpKey.parse(armored, Secret.empty());
  }

  /** The hash algorithm ID of the one signature gpg checked as good in {@code statusLines}. */
  static int goodSignatureHash(String statusLines) {
    assertThat(statusLines).contains("[GNUPG:] GOODSIG ").doesNotContain("requires a");
    Matcher m = VALIDSIG.matcher(statusLines);
    assertThat(m.find()).as(statusLines).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** gpg's {@code --check-sigs} colon records of {@code fingerprint}'s key. */
  List<String[]> checkedSignatures(String fingerprint) {
    return gpg.run(new byte[0], "--with-colons", "--check-sigs", fingerprint)
        .ok()
        .text()
        .lines()
        .filter(l -> l.startsWith("sig:") || l.startsWith("rev:"))
        .map(l -> l.split(":", -1))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CURVES")
  void detachedSignature_hashAsLongAsTheCurve_gpgVerifies(Curve curve) throws Exception {
    PgpKey key = gpgKey(curve, "Alice");
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    List<CreatedSignature> made =
        PgpSignatures.sign(new ByteArrayInputStream(DATA), sig, List.of(key), false);

    assertThat(made)
        .singleElement()
        .extracting(CreatedSignature::hashAlgorithm)
        .isEqualTo(curve.hash());
    Path data = Files.write(dir.resolve("data.txt"), DATA);
    Path sigFile = Files.write(dir.resolve("data.sig"), sig.toByteArray());
    String status =
        gpg.run(new byte[0], "--status-fd", "2", "--verify", sigFile.toString(), data.toString())
            .ok()
            .err();
    assertThat(goodSignatureHash(status)).isEqualTo(curve.hash().id());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CURVES")
  void inlineSignatures_everyMode_hashAsLongAsTheCurve_gpgVerifies(Curve curve) {
    PgpKey key = gpgKey(curve, "Alice");
    for (PgpInlineSignatures.Mode mode : PgpInlineSignatures.Mode.values()) {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      PgpInlineSignatures.sign(new ByteArrayInputStream(DATA), message, List.of(key), mode, true);
      if (mode == PgpInlineSignatures.Mode.CLEARTEXT) {
        assertThat(message.toString(StandardCharsets.US_ASCII))
            .contains("\nHash: " + curve.hash().textName() + "\n");
      }

      Tool.Result r = gpg.run(message.toByteArray(), "--status-fd", "2", "--decrypt").ok();
      assertThat(goodSignatureHash(r.err())).as("%s", mode).isEqualTo(curve.hash().id());
      assertThat(r.text().replace("\r\n", "\n"))
          .as("%s", mode)
          .isEqualTo(new String(DATA, StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CURVES")
  void signWhileEncrypting_hashAsLongAsTheCurve_gpgDecryptsAndVerifies(Curve curve) {
    PgpKey key = gpgKey(curve, "Alice");
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    PgpEncryptor.builder()
        .password(Secret.of("pw"))
        .signWith(key)
        .build()
        .encrypt(new ByteArrayInputStream(DATA), message);

    Tool.Result r =
        gpg.run(message.toByteArray(), "--passphrase", "pw", "--status-fd", "2", "--decrypt").ok();
    assertThat(goodSignatureHash(r.err())).isEqualTo(curve.hash().id());
    assertThat(r.out()).isEqualTo(DATA);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CURVES")
  void certification_hashAsLongAsTheCurve_gpgChecksIt(Curve curve) {
    PgpKey authority = gpgKey(curve, "Alice");
    String bobId = "Bob <bob@example.com>";
    gpg.run(new byte[0], "--passphrase", "", "--quick-gen-key", bobId, "ed25519", "sign", "1d")
        .ok();
    PgpCertificate bob =
        PgpCertificate.parse(gpg.run(new byte[0], "--armor", "--export", bobId).ok().text());

    PgpCertificate certified = authority.certify(bob, List.of(bobId));
    gpg.importKey(certified.armored());

    List<String[]> byAuthority =
        checkedSignatures(bob.fingerprint()).stream()
            .filter(f -> f[4].equalsIgnoreCase(authority.keyId()))
            .toList();
    assertThat(byAuthority)
        .as("the certification, checked")
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f[1]).as("validity").isEqualTo("!");
              assertThat(f[15]).as("hash algorithm").isEqualTo(String.valueOf(curve.hash().id()));
            });
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CURVES")
  void revocationAndRenewal_hashAsLongAsTheCurve_gpgChecksThem(Curve curve) {
    PgpKey key = gpgKey(curve, "Alice");
    // A day's validity is renewed from now on (a day again): a new self-signature for the user ID.
    PgpKey renewed = key.renew(Duration.ofDays(30));
    gpg.importKey(renewed.certificate().armored());
    gpg.importKey(key.revocationCertificate().armored());
    List<String[]> sigs = checkedSignatures(key.fingerprint());
    assertThat(sigs).as("gpg's self-signature, ours and the revocation").hasSize(3);
    assertThat(sigs).allSatisfy(f -> assertThat(f[1]).as("validity").isEqualTo("!"));
    assertThat(sigs.stream().filter(f -> f[0].equals("rev")).map(f -> f[15]))
        .containsExactly(String.valueOf(curve.hash().id()));
    String pub =
        gpg.run(new byte[0], "--with-colons", "--list-keys", key.fingerprint()).ok().text();
    assertThat(pub).as("revoked").contains("\npub:r:");
  }

  /**
   * The other direction: a signature by the same key with a hash shorter than its curve needs, made
   * here with BouncyCastle (gpg cannot make one), is refused by gpg and by our verifier, which
   * accepted it before ({@link ShortSignatureHashTest} has the other key kinds).
   */
  @ParameterizedTest(name = "{0}")
  @FieldSource("CURVES")
  void signatureWithAShorterHash_gpgRefusesIt_andSoDoWe(Curve curve) throws Exception {
    PgpKey key = gpgKey(curve, "Alice");
    HashAlgorithm shorter =
        curve.hash() == HashAlgorithm.SHA512 ? HashAlgorithm.SHA384 : HashAlgorithm.SHA256;
    byte[] sig = ShortSignatureHashTest.signature(key, shorter);
    Path data = Files.write(dir.resolve("data.txt"), ShortSignatureHashTest.DATA);
    Path sigFile = Files.write(dir.resolve("data.sig"), sig);

    Tool.Result r =
        gpg.run(new byte[0], "--status-fd", "2", "--verify", sigFile.toString(), data.toString());
    assertThat(r.code()).as("gpg's exit code").isNotZero();
    assertThat(r.err())
        .contains("requires a " + (curve.hash() == HashAlgorithm.SHA384 ? 384 : 512) + " bit")
        .contains("[GNUPG:] ERRSIG ")
        .doesNotContain("GOODSIG");

    SignatureVerification ours = ShortSignatureHashTest.verify(sig, key.certificate());
    assertThat(ours.valid()).isFalse();
    assertThat(ours.failure().orElseThrow())
        .startsWith("the signature's hash (" + shorter.textName() + ", ")
        .contains("is too short for its key " + key.keyId());
  }
}
