package dev.tributary.pgp;

import static dev.tributary.pgp.RevocationReasonTest.signAt;
import static dev.tributary.pgp.RevocationReasonTest.signingPrimary;
import static dev.tributary.pgp.RevocationReasonTest.verify;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The owner's choice of reason in {@link PgpKey#revocationCertificate(RevocationReason, String)}:
 * superseded and retired revoke softly, so that what the key signed before stays valid; compromised
 * and no reason revoke hard. The keys are Ed25519, made two days ago ({@link
 * RevocationReasonTest#signingPrimary}); the data was signed three hours ago, the revocation is
 * made now.
 */
class RevocationCertificateReasonTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(RevocationReason.class)
  void revocationCertificate_carriesTheChosenReasonAndComment(RevocationReason reason)
      throws Exception {
    PgpKey key = signingPrimary().build();
    Instant start = Instant.now().minusSeconds(1);

    PgpCertificate cert =
        PgpCertificate.parse(key.revocationCertificate(reason, "why: " + reason).armored());

    KeyRevocation revocation = cert.describe().primaryKey().revocation();
    assertThat(revocation.reasonCode()).isEqualTo(reason.code());
    assertThat(revocation.hard()).isEqualTo(reason.hard());
    assertThat(revocation.comment()).isEqualTo("why: " + reason);
    assertThat(revocation.knownReason()).contains(reason);
    assertThat(revocation.date()).isAfterOrEqualTo(start.truncatedTo(ChronoUnit.SECONDS));
    assertThat(revocation.kind())
        .endsWith(reason.hard() ? ", a hard revocation" : ", a soft revocation");
  }

  @Test
  void revocationCertificate_withoutAReason_isNoReasonSpecified_hard() throws Exception {
    PgpKey key = signingPrimary().build();

    KeyRevocation revocation = key.revocationCertificate().describe().primaryKey().revocation();

    assertThat(revocation.reasonCode()).isZero();
    assertThat(revocation.reason()).isEqualTo("no reason specified");
    assertThat(revocation.hard()).isTrue();
    assertThat(revocation.comment()).isEmpty();
    assertThat(revocation.knownReason()).contains(RevocationReason.NO_REASON);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RevocationReason.class)
  void signatureMadeBeforeTheRevocation_verifiesOnlyIfItIsSoft(RevocationReason reason)
      throws Exception {
    Builder b = signingPrimary();
    PgpKey key = b.build();
    byte[] before = signAt(b.primary, hoursAgo(3));

    PgpCertificate cert = key.revocationCertificate(reason, "");

    SignatureVerification result = verify(before, cert);
    assertThat(result.valid()).isEqualTo(!reason.hard());
    if (reason.hard()) {
      assertThat(result.failure()).get().asString().contains("a hard revocation");
    }
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("the whole certificate is revoked");
  }

  /**
   * The whole flow with a key {@link PgpKey#generate} made, whose signing subkey signs: what it
   * signed before a soft revocation stays valid, and nothing before a hard one.
   */
  @Test
  void generatedKey_signatureMadeBeforeTheRevocation_verifiesOnlyIfItIsSoft() throws Exception {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "Old <old@example.com>", Secret.empty());
    byte[] before = KeyMaintenanceTest.sign(key);
    Thread.sleep(1100); // signed a whole second before the revocation: its timestamps are seconds

    for (RevocationReason reason : RevocationReason.values()) {
      PgpCertificate cert =
          PgpCertificate.parse(key.revocationCertificate(reason, "see 0xD6D5").armored());

      assertThat(KeyMaintenanceTest.verify(before, cert).valid())
          .as("%s", reason)
          .isEqualTo(!reason.hard());
    }
  }

  @Test
  void comment_unicodeUpTo1024Bytes_keptAsWritten() throws Exception {
    PgpKey key = signingPrimary().build();
    String german = "ersetzt durch 0xD6D5 \u2014 neuer Schl\u00fcssel \ud83d\udd11";
    String longest = "\u00e9".repeat(512); // 1024 bytes in UTF-8

    assertThat(revocationComment(key, german)).isEqualTo(german);
    assertThat(revocationComment(key, longest)).isEqualTo(longest);
  }

  @Test
  void comment_longerThan1024Bytes_refused() throws Exception {
    PgpKey key = signingPrimary().build();

    assertThatThrownBy(
            () -> key.revocationCertificate(RevocationReason.KEY_RETIRED, "\u00e9".repeat(513)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the revocation comment is 1026 bytes in UTF-8, more than the 1024 allowed");
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"000A", "000D", "0000", "0007", "001B", "007F", "0085", "D800"})
  void comment_withALineBreakControlCharacterOrLoneSurrogate_refusedNamingIt(String hex)
      throws Exception {
    PgpKey key = signingPrimary().build();
    char c = (char) Integer.parseInt(hex, 16);
    String what =
        c == '\n' || c == '\r'
            ? "a line break"
            : Character.isSurrogate(c) ? "a lone surrogate" : "a control character";

    assertThatThrownBy(() -> key.revocationCertificate(RevocationReason.KEY_RETIRED, "ab" + c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(refused(what, hex, 2));
  }

  /**
   * Invisible format characters (Unicode category Cf) show nothing, but change what a terminal
   * shows around them: with U+202E, "replaced by" and "ABCD" reversed show as "replaced by DCBA".
   * They were accepted, as were the line and paragraph separators.
   */
  @ParameterizedTest(name = "U+{0}")
  @CsvSource({
    "202E, an invisible format character, ' RIGHT-TO-LEFT OVERRIDE'",
    "202A, an invisible format character, ' LEFT-TO-RIGHT EMBEDDING'",
    "2066, an invisible format character, ' LEFT-TO-RIGHT ISOLATE'",
    "2069, an invisible format character, ' POP DIRECTIONAL ISOLATE'",
    "200E, an invisible format character, ' LEFT-TO-RIGHT MARK'",
    "200B, an invisible format character, ' ZERO WIDTH SPACE'",
    "FEFF, an invisible format character, ' ZERO WIDTH NO-BREAK SPACE'",
    "00AD, an invisible format character, ' SOFT HYPHEN'",
    "E0041, an invisible format character, ' TAG LATIN CAPITAL LETTER A'",
    "2028, a line break, ''",
    "2029, a line break, ''",
  })
  void comment_withAFormatCharacterOrLineSeparator_refusedNamingItAndWhereItIs(
      String hex, String what, String name) throws Exception {
    PgpKey key = signingPrimary().build();
    String comment =
        "replaced by \u00e9\ud83d\udd11 " + Character.toString(Integer.parseInt(hex, 16));

    assertThatThrownBy(
            () -> key.revocationCertificate(RevocationReason.KEY_SUPERSEDED, comment + "ABCD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(refused(what, hex + name, 16));
  }

  @Test
  void nullReasonOrComment_namesTheParameter() throws Exception {
    PgpKey key = signingPrimary().build();

    assertThatThrownBy(() -> key.revocationCertificate(null, ""))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reason");
    assertThatThrownBy(() -> key.revocationCertificate(RevocationReason.KEY_RETIRED, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("comment");
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {-1, 32, 4, 105})
  void knownReason_emptyForAnyOtherCode(int code) {
    KeyRevocation revocation = new KeyRevocation(Instant.EPOCH, code, "other", true, "");

    assertThat(revocation.knownReason()).isEmpty();
  }

  /** The message refusing a comment that holds {@code what}, U+{@code named}, at {@code index}. */
  private static String refused(String what, String named, int index) {
    return "the revocation comment must be one line of text, but holds "
        + what
        + " (U+"
        + named
        + ") at index "
        + index;
  }

  private static String revocationComment(PgpKey key, String comment) {
    return PgpCertificate.parse(
            key.revocationCertificate(RevocationReason.KEY_SUPERSEDED, comment).armored())
        .describe()
        .primaryKey()
        .revocation()
        .comment();
  }
}
