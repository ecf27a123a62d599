package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.MADE;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.KeyDescriber;
import dev.tributary.pgp.internal.KeyRings;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code describe()} of a subkey whose binding signature that counts gives it no key flags, while a
 * newer binding, which declares them, does not count: each reason it gives for the newer one. The
 * hash of the newer binding is judged by the policy only where it is long enough for the primary
 * key, so the SHA-1, RIPEMD-160 and MD5 cases take an RSA primary key (for the Ed25519 one of
 * {@link CraftedCertificate} each is too short whatever the policy, which {@code
 * DescribeRefusedSelfSignatureTest} pins). The encryptor and the signer refuse such a subkey with
 * the same reason (the encryptor said "not valid for encryption now"). No tool makes a binding
 * without key flags, so the keys are built with BouncyCastle; sqop 0.27.3 refuses to encrypt to
 * them (exit 17) and to sign with them (exit 79), as asserted. GnuPG 2.2.40, measured by hand and
 * not asserted, lists every such subkey as usable ({@code e}, {@code s}) and encrypts to it: it
 * goes by the algorithm for a binding without key flags, and accepts SHA-1 and RIPEMD-160.
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class DeclaredByARefusedBindingTest {
  private static final Set<KeyCapability> ENCRYPTS = DescribeUnusableKeysTest.ENCRYPT;
  private static final byte[] DATA = "to the encryption subkey\n".getBytes(StandardCharsets.UTF_8);
  private static final PgpPolicy SHA1_ACCEPTED =
      PgpPolicy.builder().acceptSha1Signatures(true).build();

  /** 2022-01-01: SHA-1 self-signatures made then count under the default policy. */
  private static final Instant IN_2022 = Instant.parse("2022-01-01T00:00:00Z");

  private static final String DOES_NOT_COUNT = "does not count: ";
  private static final String CRITICAL_UNKNOWN =
      "the signature holds a critical subpacket of type 105, which is not understood (RFC 9580,"
          + " section 5.2.3.7)";

  @TempDir Path dir;

  /**
   * describe()'s reason for the encryption subkey of {@link #layout}, its newer binding {@code
   * why}.
   */
  static String declaredBy(String why) {
    return "its binding signature that counts gives it no key flags (RFC 9580, section 5.2.3.29);"
        + " its newer one, which declares them, "
        + why;
  }

  /**
   * A certify-only primary key, a signing subkey, and an encryption subkey bound first by a binding
   * without key flags, then by {@code newer}, which declares encryption.
   */
  static CraftedCertificate layout(CraftedCertificate c, Sig newer) {
    return layout(c, Sig.binding(null), newer);
  }

  /** {@link #layout(CraftedCertificate, Sig)} with {@code older}, a binding without key flags. */
  static CraftedCertificate layout(CraftedCertificate c, Sig older, Sig newer) {
    return c.primary(Sig.userId(CERTIFY))
        .signingSubkey(Sig.binding(SIGN))
        .encryptionSubkey(older)
        .encryptionSubkey(newer);
  }

  private static CraftedCertificate rsa() {
    return CraftedCertificate.withRsaPrimaryKey(MADE, MADE);
  }

  private static Instant daysAgo(int days) {
    return Instant.now().minus(Duration.ofDays(days));
  }

  /**
   * SHA-1, long enough for an RSA key, which the default policy refuses in a binding made since
   * 2023-02-01; {@code acceptSha1Signatures} accepts it, and then the binding counts and the subkey
   * is encrypted to. sqop refuses it (exit 17): Sequoia's standard policy refuses SHA-1 bindings
   * made since 2023-02-01 too.
   */
  @Test
  void newerBindingMadeWithSha1_isRefusedByThePolicy_acceptSha1SignaturesAcceptsIt()
      throws Exception {
    CraftedCertificate c =
        layout(rsa(), Sig.binding(ENCRYPT).hash(HashAlgorithmTags.SHA1).made(daysAgo(1)));
    String why =
        declaredBy(
            "uses SHA-1, which the policy refuses (PgpPolicy.acceptSha1Signatures accepts it)");

    assertUnusable(c, Instant.now(), why);
    assertSqopRefuses(c);

    PgpCertificate cert = c.certificate();
    Engine sha1 = Engine.of(SHA1_ACCEPTED);
    ComponentKey accepted =
        KeyDescriber.describe(KeyRings.certificate(cert.ring(), sha1), sha1, Instant.now())
            .keys()
            .get(2);
    assertThat(accepted.usableCapabilities()).isEqualTo(ENCRYPTS);
    ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
    PgpEncryptor.builder()
        .recipient(cert)
        .policy(SHA1_ACCEPTED)
        .build()
        .encrypt(new ByteArrayInputStream(DATA), encrypted);
    ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
    PgpDecryptor.builder()
        .key(c.key())
        .policy(SHA1_ACCEPTED)
        .build()
        .decrypt(new ByteArrayInputStream(encrypted.toByteArray()), decrypted);
    assertThat(decrypted.toByteArray()).isEqualTo(DATA);
  }

  /**
   * A newer SHA-1 binding made before 2023-02-01, which the default policy accepts, that does not
   * count for a critical subpacket nobody understands. The reason blamed SHA-1 ("uses SHA-1, which
   * the policy refuses (PgpPolicy.acceptSha1Signatures accepts it)"), which that setting would not
   * have cured.
   */
  @Test
  void newerSha1BindingMadeBeforeTheCutOff_thatDoesNotCount_isNotBlamedOnSha1() {
    CraftedCertificate c =
        layout(
            CraftedCertificate.withRsaPrimaryKey(IN_2022, IN_2022),
            Sig.binding(null).made(IN_2022.plus(Duration.ofDays(30))),
            Sig.binding(ENCRYPT)
                .hash(HashAlgorithmTags.SHA1)
                .made(IN_2022.plus(Duration.ofDays(60)))
                .criticalUnknown());

    assertUnusable(c, Instant.now(), declaredBy(DOES_NOT_COUNT + CRITICAL_UNKNOWN));
  }

  /**
   * The same for a subkey bound by nothing else: "its self-signatures use SHA-1, which the policy
   * refuses" blamed the hash of a binding that the policy accepts.
   */
  @Test
  void subkeyBoundOnlyBySha1MadeBeforeTheCutOff_thatDoesNotCount_isNotBlamedOnSha1() {
    CraftedCertificate c =
        CraftedCertificate.withRsaPrimaryKey(IN_2022, IN_2022)
            .primary(Sig.userId(CERTIFY))
            .signingSubkey(Sig.binding(SIGN))
            .encryptionSubkey(
                Sig.binding(ENCRYPT)
                    .hash(HashAlgorithmTags.SHA1)
                    .made(IN_2022.plus(Duration.ofDays(60)))
                    .criticalUnknown());
    ComponentKey sub = c.certificate().describe().keys().get(2);

    assertThat(sub.whyUnusable())
        .hasValue(
            "no valid self-signature binds it to the certificate; its newest self-signature does"
                + " not count: "
                + CRITICAL_UNKNOWN);
  }

  /**
   * RIPEMD-160 and MD5, long enough for an RSA key, which every policy refuses in a binding made
   * since its cut-off: no setting helps, so the reason asks for a new binding. sqop refuses it too.
   */
  @ParameterizedTest
  @CsvSource({"RIPEMD160, 3, 2023-02-01", "MD5, 1, 1997-02-01"})
  void newerBindingMadeWithAHashNoPolicyAccepts_namesItsCutOff(String hash, int id, String since)
      throws Exception {
    CraftedCertificate c = layout(rsa(), Sig.binding(ENCRYPT).hash(id).made(daysAgo(1)));
    String why =
        declaredBy(
            "uses "
                + hash
                + ", which the policy refuses in signatures made since "
                + since
                + " (no setting accepts it; ask the key's owner for a new binding made with"
                + " SHA-256 or better)");

    assertUnusable(c, Instant.now(), why);
    assertThatThrownBy(
            () -> PgpEncryptor.builder().recipient(c.certificate()).policy(SHA1_ACCEPTED).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class);
    assertSqopRefuses(c);
  }

  /**
   * A newer binding made after the time asked does not count then (the older one, without key
   * flags, does); once that time is past it counts, and the subkey encrypts.
   */
  @Test
  void newerBindingMadeAfterTheTimeAsked_saysWhen_andCountsOnceMade() {
    Instant newer = MADE.plusSeconds(120);
    CraftedCertificate c = layout(new CraftedCertificate(), Sig.binding(ENCRYPT).made(newer));
    String why = declaredBy("was made " + newer + ", after the time asked");

    assertUnusable(
        c,
        MADE.plusSeconds(90),
        why,
        declaredBy("was made " + newer + ", after the time of encryption"));
    assertThat(c.certificate().describe().keys().get(2).usableCapabilities()).isEqualTo(ENCRYPTS);
  }

  /**
   * A newer binding with SHA-256 made before the time asked, which does not count for what it
   * holds: a critical subpacket nobody understands. sqop refuses it too.
   */
  @Test
  void newerBindingThatDoesNotCountForItsSubpackets_saysSo() throws Exception {
    CraftedCertificate c =
        layout(new CraftedCertificate(), Sig.binding(ENCRYPT).made(daysAgo(1)).criticalUnknown());
    String why = declaredBy(DOES_NOT_COUNT + CRITICAL_UNKNOWN);

    assertUnusable(c, Instant.now(), why);
    assertSqopRefuses(c);
  }

  /**
   * A signing subkey in the same layout: the signer lists it with describe()'s reason, not "its key
   * flags do not allow signing". The newer binding is made with SHA-1 (with the back-signature a
   * signing binding needs), or with SHA-256 but without that back-signature. sqop refuses to sign
   * with either key (exit 79).
   */
  @ParameterizedTest
  @CsvSource({"true, false", "false, true"})
  void signingSubkeyDeclaredOnlyByANewerBindingThatDoesNotCount_theSignerSaysWhy(
      boolean sha1, boolean withoutBackSignature) throws Exception {
    Sig newer = Sig.binding(SIGN).made(daysAgo(1));
    if (sha1) {
      newer.hash(HashAlgorithmTags.SHA1);
    }
    if (withoutBackSignature) {
      newer.back(CraftedCertificate.Back.NONE);
    }
    CraftedCertificate c =
        rsa()
            .primary(Sig.userId(CERTIFY))
            .signingSubkey(Sig.binding(null))
            .signingSubkey(newer)
            .encryptionSubkey(Sig.binding(ENCRYPT));
    String why =
        declaredBy(
            sha1
                ? "uses SHA-1, which the policy refuses (PgpPolicy.acceptSha1Signatures accepts it)"
                : "does not count: its newest binding signature lets it sign, but holds no valid"
                    + " primary key binding signature made by the subkey (a back-signature, which"
                    + " RFC 9580, section 5.2.1, requires of a signing subkey)");
    PgpKey key = c.key();
    ComponentKey sub = key.describe().keys().get(1);
    String keyId = PreciseRefusalMessagesTest.keyId(c, false);

    assertThat(sub.keyId()).isEqualTo(keyId);
    assertThat(sub.capabilities()).containsExactly(KeyCapability.SIGN);
    assertThat(sub.usableCapabilities()).isEmpty();
    assertThat(sub.whyUnusable()).hasValue(why);
    assertThatThrownBy(() -> CraftedCertificate.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(
            "private key "
                + key.fingerprint()
                + " has no valid signing key: "
                + key.describe().primaryKey().keyId()
                + ": its key flags do not allow signing; "
                + keyId
                + ": "
                + why
                + "; "
                + PreciseRefusalMessagesTest.keyId(c, true)
                + ": its key flags do not allow signing; sign with another key");
    Path file = Files.writeString(dir.resolve("key.asc"), key.armored().reveal());
    Tool.Result signed = Tool.sqop(DATA, "sign", file.toString());
    assertThat(signed.code()).as("sqop sign; stderr: %s", signed.err()).isEqualTo(79);
  }

  /**
   * A signing subkey whose newer binding is made after the time of signing (the signer's clock)
   * says so in the signer's words.
   */
  @Test
  void signingSubkeyWhoseNewerBindingIsMadeAfterTheTimeOfSigning_saysSo() {
    Instant newer = MADE.plusSeconds(120);
    CraftedCertificate c = signingSubkeyDeclaredAt(newer);

    assertThatThrownBy(() -> signAt(c.key(), MADE.plusSeconds(90)))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessageContaining(
            PreciseRefusalMessagesTest.keyId(c, false)
                + ": "
                + declaredBy("was made " + newer + ", after the time of signing")
                + ";");
    CraftedCertificate.sign(c.key()); // now it counts
  }

  /**
   * A certify-only primary key, an encryption subkey, and a signing subkey bound first by a binding
   * without key flags, then, at {@code newer}, by one that declares signing.
   */
  static CraftedCertificate signingSubkeyDeclaredAt(Instant newer) {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(Sig.binding(null))
        .signingSubkey(Sig.binding(SIGN).made(newer))
        .encryptionSubkey(Sig.binding(ENCRYPT));
  }

  /** Signs {@link #DATA} with {@code key} (detached, armored), the signer's clock at {@code at}. */
  static void signAt(PgpKey key, Instant at) {
    PgpSignatures.sign(
        new ByteArrayInputStream(DATA),
        new ByteArrayOutputStream(),
        List.of(key),
        SignatureType.BINARY,
        true,
        Clock.fixed(at, ZoneOffset.UTC));
  }

  /**
   * That {@code c}'s encryption subkey, described at {@code at}, declares encryption, is unusable
   * for {@code why}, and is not encrypted to then, the encryptor saying so in its words ({@code
   * encrypting}).
   */
  static void assertUnusable(CraftedCertificate c, Instant at, String why, String encrypting) {
    PgpCertificate cert = c.certificate();
    ComponentKey sub = cert.describe(at).keys().get(2);
    assertThat(sub.keyId()).isEqualTo(PreciseRefusalMessagesTest.keyId(c, true));
    assertThat(sub.capabilities()).isEqualTo(ENCRYPTS);
    assertThat(sub.usableCapabilities()).isEmpty();
    assertThat(sub.whyUnusable()).hasValue(why);
    assertThatThrownBy(
            () ->
                PgpEncryptor.builder()
                    .recipient(cert)
                    .clock(Clock.fixed(at, ZoneOffset.UTC))
                    .build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("; " + sub.keyId() + ": " + encrypting + ". Ask the recipient");
  }

  /** {@link #assertUnusable(CraftedCertificate, Instant, String, String)}, in the same words. */
  static void assertUnusable(CraftedCertificate c, Instant at, String why) {
    assertUnusable(c, at, why, why);
  }

  private void assertSqopRefuses(CraftedCertificate c) throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.asc"), c.certificate().armored());
    Tool.Result encrypted = Tool.sqop(DATA, "encrypt", cert.toString());
    assertThat(encrypted.code()).as("sqop encrypt; stderr: %s", encrypted.err()).isEqualTo(17);
    assertThat(encrypted.err()).contains("Certificate not encryption-capable");
  }
}
