package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.internal.KeyGeneration;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The expiry of keys {@link PgpKey#generate} makes, as GnuPG 2.2 and Sequoia's {@code sqop} see it.
 * The key carries its expiry on the direct-key self-signature only (BouncyCastle's layout; GnuPG
 * puts it on the user ID's self-signature, Sequoia on both): both read it there, list the expiry
 * {@link PgpKey#describe()} reports, and refuse to encrypt to the key once it passed. Its subkeys
 * have no expiry of their own and expire with it. GnuPG 2.2 and sqop 0.27.3 read v4 keys only;
 * OpenPgpJsInteropTest covers v6.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class KeyExpiryInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  /** A key made {@code age} ago, with the expiry (five years) {@link PgpKey#generate} gives. */
  static PgpKey madeAgo(KeyProfile profile, Duration age) {
    return new PgpKey(
        KeyGeneration.generate(
            profile,
            List.of("Aged <aged@example.com>"),
            Secret.empty(),
            true,
            Instant.now().minus(age)),
        Secret.empty());
  }

  static Instant expiry(PgpKey key) {
    return key.describe().primaryKey().expiry().orElseThrow();
  }

  /** gpg's {@code --with-colons} records of {@code type} (pub, sub) for the key: fields split. */
  List<String[]> records(String type, String fingerprint, String... options) {
    List<String> args = Tool.list(options);
    args.addAll(List.of("--list-keys", fingerprint));
    return gpg.records(type, args.toArray(String[]::new));
  }

  Tool.Result gpgEncrypt(PgpKey key, String... options) {
    List<String> args = Tool.list(options);
    args.addAll(List.of("--recipient", key.fingerprint(), "--encrypt"));
    return gpg.run(TEXT, args.toArray(String[]::new));
  }

  Tool.Result sqopEncrypt(PgpKey key) throws Exception {
    Path cert = dir.resolve(key.fingerprint() + ".asc");
    Files.writeString(cert, key.certificate().armored(), StandardCharsets.US_ASCII);
    return Tool.sqop(TEXT, "encrypt", cert.toString());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RSA3072"})
  void gpgListsTheExpiryDescribeReports_andRefusesToEncryptOnceItPassed(KeyProfile profile) {
    PgpKey key = PgpKey.generate(profile, "Expiring <expiring@example.com>", Secret.empty());
    Instant expires = expiry(key);
    assertThat(expires).isAfter(Instant.now().plus(Duration.ofDays(4 * 365)));
    gpg.importKey(key.certificate().armored());

    String[] pub = records("pub", key.fingerprint()).get(0);
    assertThat(pub[6])
        .as("gpg's expiry of the primary key")
        .isEqualTo("" + expires.getEpochSecond());
    List<String[]> subs = records("sub", key.fingerprint());
    assertThat(subs).hasSize(2);
    assertThat(subs).allSatisfy(s -> assertThat(s[6]).as("a subkey's own expiry").isEmpty());

    gpgEncrypt(key).ok();
    String before = Gpg.fakedTime(expires.minus(Duration.ofDays(1)));
    gpgEncrypt(key, "--faked-system-time", before).ok();
    String after = Gpg.fakedTime(expires.plus(Duration.ofDays(1)));
    Tool.Result expired = gpgEncrypt(key, "--faked-system-time", after);
    assertThat(expired.code()).isNotZero();
    assertThat(expired.err()).contains("Unusable public key");
    String[] expiredPub = records("pub", key.fingerprint(), "--faked-system-time", after).get(0);
    assertThat(expiredPub[1]).as("gpg's validity of the primary key").isEqualTo("e");
    assertThat(records("sub", key.fingerprint(), "--faked-system-time", after))
        .allSatisfy(s -> assertThat(s[1]).as("a subkey's validity").isEqualTo("e"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RSA3072"})
  void expiredKey_gpgAndSqopRefuseToEncrypt_theSameKeyYoungerTheyDoNot(KeyProfile profile)
      throws Exception {
    PgpKey expired = madeAgo(profile, Duration.ofDays(6 * 366));
    PgpKey young = madeAgo(profile, Duration.ofDays(366));
    assertThat(expired.describe().primaryKey().whyUnusable())
        .hasValueSatisfying(w -> assertThat(w).startsWith("expired on"));
    gpg.importKey(expired.certificate().armored()).importKey(young.certificate().armored());

    assertThat(records("pub", expired.fingerprint()).get(0)[6])
        .isEqualTo("" + expiry(expired).getEpochSecond());
    Tool.Result byGpg = gpgEncrypt(expired);
    assertThat(byGpg.code()).isNotZero();
    assertThat(byGpg.err()).contains("Unusable public key");
    Tool.Result bySqop = sqopEncrypt(expired);
    assertThat(bySqop.code()).as("sqop encrypts to an expired key").isNotZero();
    assertThat(bySqop.err()).contains("not encryption-capable");

    gpgEncrypt(young).ok();
    sqopEncrypt(young).ok();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RSA3072"})
  void renewedExpiredKey_gpgListsTheNewExpiry_andBothEncryptToItAgain(KeyProfile profile)
      throws Exception {
    PgpKey renewed = madeAgo(profile, Duration.ofDays(6 * 366)).renew(Duration.ofDays(30));
    Instant expires = expiry(renewed);
    assertThat(expires).isAfter(Instant.now().plus(Duration.ofDays(4 * 365)));
    gpg.importKey(renewed.certificate().armored());

    String[] pub = records("pub", renewed.fingerprint()).get(0);
    assertThat(pub[6]).isEqualTo("" + expires.getEpochSecond());
    assertThat(Arrays.asList(pub[1], pub[11])).containsExactly("-", "cESC");
    gpgEncrypt(renewed).ok();
    sqopEncrypt(renewed).ok();
  }

  /**
   * {@code gpg --quick-set-expire} changes only the user ID's self-signature. GnuPG 2.2 then keeps
   * reading the direct-key signature's expiry, while Sequoia (and we, and OpenPGP.js) take the
   * earlier of the two: set a year after it was made, the key below has expired for sqop and for
   * us, and is good for three more years in GnuPG. Renew our keys with {@link PgpKey#renew}.
   */
  @Test
  void expiryChangedWithGpg_gpgKeepsTheDirectKeySignatures_sqopAndWeTheEarlier() throws Exception {
    PgpKey key = madeAgo(KeyProfile.CURVE25519, Duration.ofDays(2 * 366));
    Instant created = key.describe().primaryKey().created();
    gpg.importKey(key.armored().reveal());
    String dayAfter = Gpg.fakedTime(created.plus(Duration.ofDays(1)));
    gpg.run(
            new byte[0],
            "--faked-system-time",
            dayAfter,
            "--passphrase",
            "",
            "--quick-set-expire",
            key.fingerprint(),
            "1y")
        .ok();
    PgpCertificate changed =
        PgpCertificate.parse(
            gpg.run(new byte[0], "--armor", "--export", key.fingerprint()).ok().text());

    assertThat(records("pub", key.fingerprint()).get(0)[6])
        .as("gpg's expiry: the direct-key signature's")
        .isEqualTo("" + expiry(key).getEpochSecond());
    gpgEncrypt(key).ok();
    assertThat(changed.describe().primaryKey().expiry())
        .hasValueSatisfying(e -> assertThat(e).isBefore(Instant.now()));
    assertThat(changed.describe().primaryKey().whyUnusable())
        .hasValueSatisfying(w -> assertThat(w).startsWith("expired on"));
    Path cert = dir.resolve("changed.asc");
    Files.writeString(cert, changed.armored(), StandardCharsets.US_ASCII);
    assertThat(Tool.sqop(TEXT, "encrypt", cert.toString()).code()).isNotZero();
  }
}
