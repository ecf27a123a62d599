package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.CraftedCertificate.Sig;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code describe()} of a key whose self-signatures the default policy refuses, made by GnuPG 2.2
 * with {@code --cert-digest-algo}: SHA-1 or RIPEMD-160 made after the 2023-02-01 cut-off, MD5 made
 * after 1997-02-01, or SHA-1 on an Ed25519 key, too short for it whatever the policy (RFC 9580,
 * section 5.2.3). Its primary key showed no capabilities, while its subkey, in the same state,
 * showed those its binding declares: now the primary key shows what its newest self-signature that
 * verifies declares, whatever the policy says of it, as its subkeys do, and as a key described
 * before it was made does; it stays unusable, with the reason it had, which now names RIPEMD-160
 * and MD5 as it named SHA-1. Signing, encrypting and verifying do not change: none of these keys
 * signs or is encrypted to.
 *
 * <p>Measured with GnuPG 2.2.40 and sqop 0.27.3: gpg lists the SHA-1, RIPEMD-160 and Ed25519 keys
 * as valid ({@code scESC}, the subkey {@code e}): it accepts those self-signatures. It rejects the
 * MD5 ones ("signatures using the MD5 algorithm are rejected"), lists that key as invalid ({@code
 * pub:i}) with the capabilities of its algorithm ({@code esca}, its own way for a key without key
 * flags), and its subkey with none. sqop refuses to encrypt to each of the four ("Certificate not
 * encryption-capable", exit 17) and to sign with it ("Key not signing-capable", exit 79); no SOP
 * verb shows a key's capabilities.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class DescribeRefusedSelfSignatureTest {
  private static final String UID = "Old <old@example.com>";
  private static final Set<KeyCapability> CERTIFY_SIGN =
      Set.of(KeyCapability.CERTIFY, KeyCapability.SIGN);
  private static final Set<KeyCapability> ENCRYPT = DescribeUnusableKeysTest.ENCRYPT;
  private static final String SHA1_REFUSED =
      "its self-signatures use SHA-1, which the policy refuses"
          + " (PgpPolicy.acceptSha1Signatures accepts them)";

  /** Why a key bound only by self-signatures made with {@code hash} now is unusable. */
  static String refused(String hash, String since) {
    return "its self-signatures use "
        + hash
        + ", which the policy refuses in signatures made since "
        + since
        + " (no setting accepts it; ask the key's owner for new self-signatures made with SHA-256"
        + " or better)";
  }

  private static final byte[] DATA = "x".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  @Test
  void primaryKeyBoundOnlyBySha1_showsWhatItsSelfSignatureDeclares_andWhyItIsUnusable()
      throws Exception {
    PgpKey key = made("SHA1", "rsa2048", "rsa2048");
    KeyDescription d = key.certificate().describe();
    ComponentKey primary = d.primaryKey();
    ComponentKey sub = d.keys().get(1);

    assertThat(primary.capabilities()).isEqualTo(CERTIFY_SIGN);
    assertThat(primary.usableCapabilities()).isEmpty();
    assertThat(primary.whyUnusable()).hasValue(SHA1_REFUSED);
    assertThat(sub.capabilities()).isEqualTo(ENCRYPT);
    assertThat(sub.usableCapabilities()).isEmpty();
    assertThat(sub.whyUnusable()).hasValue("its primary key is unusable (" + SHA1_REFUSED + ")");
    assertThat(d.toString())
        .contains(
            "\n  pub RSA 2048 v4 "
                + primary.keyId()
                + " created "
                + day(primary.created())
                + " [CERTIFY, SIGN] (unusable: "
                + SHA1_REFUSED
                + ")");
    assertThat(key.describe().primaryKey().capabilities()).isEqualTo(CERTIFY_SIGN);

    // what it declares before it was made too: no self-signature the policy accepts says more
    Instant before = primary.created().minus(Duration.ofMinutes(1));
    assertThat(key.describe(before).keys())
        .extracting(ComponentKey::capabilities)
        .containsExactly(CERTIFY_SIGN, ENCRYPT);
    assertThat(key.describe(before).primaryKey().whyUnusable())
        .hasValue(DescribeBeforeCreationTest.notYetMade(primary.created(), before));

    assertNeitherSignsNorIsEncryptedTo(key, SHA1_REFUSED);
    assertThat(gpgCapabilities()).containsExactly("scESC", "e");
  }

  /**
   * RIPEMD-160 self-signatures made after 2023-02-01 and MD5 ones made after 1997-02-01, which no
   * policy accepts: the capabilities are declared, and the reason names the hash and its cut-off.
   * It said "no valid self-signature binds it to the certificate", which sends the user looking for
   * a damaged key; so did the refusal to encrypt to it.
   */
  @ParameterizedTest
  @CsvSource({"RIPEMD160, 2023-02-01", "MD5, 1997-02-01"})
  void primaryKeyBoundOnlyByAHashNoPolicyAccepts_showsWhatItsSelfSignatureDeclares_andWhy(
      String hash, String since) throws Exception {
    String why = refused(hash, since);
    PgpKey key = made(hash, "rsa2048", "rsa2048");
    KeyDescription d = key.certificate().describe();

    assertThat(d.keys())
        .extracting(ComponentKey::capabilities)
        .containsExactly(CERTIFY_SIGN, ENCRYPT);
    assertThat(d.keys()).allSatisfy(k -> assertThat(k.usableCapabilities()).isEmpty());
    assertThat(d.primaryKey().whyUnusable()).hasValue(why);
    assertThat(d.keys().get(1).whyUnusable()).hasValue("its primary key is unusable (" + why + ")");
    assertNeitherSignsNorIsEncryptedTo(key, why);
    assertThat(gpgCapabilities())
        .containsExactlyElementsOf(
            hash.equals("MD5") ? List.of("esca", "") : List.of("scESC", "e"));
  }

  @Test
  void ed25519PrimaryKeyBoundOnlyBySha1_showsWhatItsSelfSignatureDeclares_tooShortForItAnyway()
      throws Exception {
    PgpKey key = made("SHA1", "ed25519", "cv25519");
    ComponentKey primary = key.certificate().describe().primaryKey();
    String tooShort =
        "its self-signatures use SHA1 (160 bits), too short for the EdDSA Ed25519 key "
            + primary.keyId()
            + " that made them, which needs a hash of at least 256 bits (RFC 9580, section 5.2.3)";

    assertThat(key.certificate().describe().keys())
        .extracting(ComponentKey::capabilities)
        .containsExactly(CERTIFY_SIGN, ENCRYPT);
    assertThat(primary.usableCapabilities()).isEmpty();
    assertThat(primary.whyUnusable()).hasValue(tooShort);
    assertNeitherSignsNorIsEncryptedTo(key, tooShort);
    assertThat(gpgCapabilities()).containsExactly("scESC", "e");
  }

  /**
   * A newer SHA-1 self-signature ({@code change-usage} to certify only, which replaces gpg's own
   * copy; the older SHA-512 one imported back) over an older one that counts: the older one's flags
   * are in force, as RFC 9580 asks for the most recent valid self-signature and one the policy
   * refuses is not valid, and as Sequoia reads it (sqop signs with the primary key). GnuPG, which
   * accepts SHA-1, takes the newer one ({@code cEC}) and does not sign with the primary key.
   */
  @Test
  void newerSelfSignatureRefused_olderOneCounts_itsFlagsAreInForce() throws Exception {
    String fingerprint = gpgKey("SHA512", "rsa2048", "rsa2048");
    String older = gpg.run(new byte[0], "--armor", "--export", fingerprint).ok().text();
    gpg.run(
            "change-usage\nS\nQ\nsave\n".getBytes(StandardCharsets.US_ASCII),
            "--cert-digest-algo",
            "SHA1",
            "--expert",
            "--command-fd",
            "0",
            "--edit-key",
            fingerprint)
        .ok();
    gpg.importKey(older);
    PgpKey key = exportedKey(fingerprint);
    assertThat(gpgCapabilities()).containsExactly("cEC", "e");

    ComponentKey primary = key.certificate().describe().primaryKey();
    assertThat(primary.capabilities()).isEqualTo(CERTIFY_SIGN);
    assertThat(primary.usableCapabilities()).isEqualTo(CERTIFY_SIGN);
    byte[] signature = ShortSelfSignatureHashTest.sign(key);
    assertThat(
            PgpSignatures.verify(
                new ByteArrayInputStream(ShortSelfSignatureHashTest.DATA),
                new ByteArrayInputStream(signature),
                List.of(key.certificate()),
                PgpPolicy.defaults()))
        .singleElement()
        .satisfies(v -> assertThat(v.valid()).isTrue());
    Tool.Result signed = Tool.sqop(DATA, "sign", file("key.asc", key.armored().reveal()));
    assertThat(signed.code()).as("sqop sign; stderr: %s", signed.err()).isZero();
  }

  /**
   * A subkey gpg bound with SHA-1 or RIPEMD-160 to a sound primary key says why, in the primary
   * key's words.
   */
  @ParameterizedTest
  @ValueSource(strings = {"SHA1", "RIPEMD160"})
  void subkeyBoundOnlyByARefusedHash_showsItsDeclaredCapabilities_andWhyInTheSameWords(
      String hash) {
    String fingerprint = gpgKey("SHA512", "rsa2048", null);
    gpg.run(
            new byte[0],
            "--passphrase",
            "",
            "--cert-digest-algo",
            hash,
            "--quick-add-key",
            fingerprint,
            "rsa2048",
            "encr",
            "never")
        .ok();
    KeyDescription d = exportedKey(fingerprint).certificate().describe();

    assertThat(d.primaryKey().usableCapabilities()).isEqualTo(CERTIFY_SIGN);
    assertThat(d.keys().get(1).capabilities()).isEqualTo(ENCRYPT);
    assertThat(d.keys().get(1).usableCapabilities()).isEmpty();
    assertThat(d.keys().get(1).whyUnusable())
        .hasValue(hash.equals("SHA1") ? SHA1_REFUSED : refused(hash, "2023-02-01"));
  }

  /**
   * An encryption subkey whose binding that counts gives it no key flags, with a newer binding that
   * declares encryption but is made with SHA-1, too short for the Ed25519 primary key whatever the
   * policy: the older binding is in force, so nothing that counts declares it an encryption key,
   * and the encryptor refuses it. {@code describe()} showed what the newer binding declares as
   * usable ({@code usableCapabilities()} held ENCRYPT, no reason); now it shows it as declared,
   * unusable, and says why, as the encryptor now does too. Built with BouncyCastle: GnuPG and
   * Sequoia put key flags in every binding they make, so no tool makes the older, flagless one.
   * Measured with sqop 0.27.3 and GnuPG 2.2.40: sqop refuses to encrypt to it (exit 17), and so did
   * {@code describe()}'s encryptor; gpg accepts the SHA-1 binding and lists the subkey as
   * encrypting ({@code e}).
   */
  @Test
  void subkeyWhoseBindingInForceHasNoFlags_newerRefusedOneDeclaresEncryption_isNotUsable()
      throws Exception {
    CraftedCertificate c =
        new CraftedCertificate()
            .primary(Sig.userId(KeyFlags.CERTIFY_OTHER))
            .signingSubkey(Sig.binding(KeyFlags.SIGN_DATA))
            .encryptionSubkey(Sig.binding(null))
            .encryptionSubkey(
                Sig.binding(CraftedCertificate.ENCRYPT)
                    .hash(HashAlgorithmTags.SHA1)
                    .made(Instant.now().minus(Duration.ofDays(1))));
    PgpCertificate cert = c.certificate();
    ComponentKey sub = cert.describe().keys().get(2);
    String keyId = PreciseRefusalMessagesTest.keyId(c, true);
    String why =
        "its binding signature that counts gives it no key flags (RFC 9580, section 5.2.3.29);"
            + " its newer one, which declares them, uses SHA1 (160 bits), too short for the EdDSA"
            + " Ed25519 key "
            + cert.describe().primaryKey().keyId()
            + " that made it, which needs a hash of at least 256 bits (RFC 9580, section 5.2.3)";

    assertThat(sub.keyId()).isEqualTo(keyId);
    assertThat(sub.capabilities()).isEqualTo(ENCRYPT);
    assertThat(sub.usableCapabilities()).isEmpty();
    assertThat(sub.whyUnusable()).hasValue(why);
    assertThat(cert.describe().toString()).contains("(unusable: " + why + ")");
    // what the encryptor says of it: describe()'s reason (it said "not valid for encryption now")
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(keyId + ": " + why + ". Ask the recipient");
    Tool.Result encrypted = Tool.sqop(DATA, "encrypt", file("cert.asc", cert.armored()));
    assertThat(encrypted.code()).as("sqop encrypt; stderr: %s", encrypted.err()).isEqualTo(17);
    assertThat(encrypted.err()).contains("Certificate not encryption-capable");
    gpg.importKey(cert.armored());
    assertThat(gpg.records("sub", "--list-keys", CraftedCertificate.USER_ID))
        .extracting(r -> r[11])
        .containsExactly("s", "e");
  }

  /**
   * That describing the key changed nothing else: it neither signs nor is encrypted to, here or in
   * sqop.
   */
  private void assertNeitherSignsNorIsEncryptedTo(PgpKey key, String why) throws Exception {
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(why);
    assertThatThrownBy(() -> ShortSelfSignatureHashTest.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);
    Tool.Result encrypted =
        Tool.sqop(DATA, "encrypt", file("cert.asc", key.certificate().armored()));
    assertThat(encrypted.code()).as("sqop encrypt; stderr: %s", encrypted.err()).isEqualTo(17);
    assertThat(encrypted.err()).contains("Certificate not encryption-capable");
    Tool.Result signed = Tool.sqop(DATA, "sign", file("key.asc", key.armored().reveal()));
    assertThat(signed.code()).as("sqop sign; stderr: %s", signed.err()).isEqualTo(79);
    assertThat(signed.err()).contains("Key not signing-capable");
  }

  private String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  /** A key gpg made with {@code hash} for its self-signatures, with an encryption subkey. */
  private PgpKey made(String hash, String algorithm, String encryptionAlgorithm) {
    return exportedKey(gpgKey(hash, algorithm, encryptionAlgorithm));
  }

  /**
   * Makes a key with gpg, its self-signatures made with {@code hash}: a primary key of {@code
   * algorithm} that certifies and signs, and, unless {@code encryptionAlgorithm} is null, a subkey
   * of it that encrypts. Returns its fingerprint.
   */
  private String gpgKey(String hash, String algorithm, String encryptionAlgorithm) {
    gpgWith(hash, "--quick-gen-key", UID, algorithm, "cert,sign", "never");
    String fingerprint = gpg.fingerprint(UID);
    if (encryptionAlgorithm != null) {
      gpgWith(hash, "--quick-add-key", fingerprint, encryptionAlgorithm, "encr", "never");
    }
    return fingerprint;
  }

  private void gpgWith(String hash, String... command) {
    List<String> args = new ArrayList<>(List.of("--passphrase", "", "--cert-digest-algo", hash));
    args.addAll(List.of(command));
    gpg.run(new byte[0], args.toArray(String[]::new)).ok();
  }

  private PgpKey exportedKey(String fingerprint) {
    String armored =
        gpg.run(new byte[0], "--passphrase", "", "--armor", "--export-secret-keys", fingerprint)
            .ok()
            .text();
    return PgpKey.parse(armored, Secret.empty());
  }

  /** The capabilities (field 12) gpg lists for the primary key and the subkey. */
  private List<String> gpgCapabilities() {
    List<String> caps = new ArrayList<>();
    for (String type : List.of("pub", "sub")) {
      gpg.records(type, "--list-keys", UID).forEach(r -> caps.add(r[11]));
    }
    return caps;
  }

  private static String day(Instant instant) {
    return instant.toString().substring(0, 10);
  }
}
