package dev.tributary.pgp;

import static dev.tributary.pgp.KeyParsingTest.LITERAL_DATA;
import static dev.tributary.pgp.KeyParsingTest.PUBLIC;
import static dev.tributary.pgp.KeyParsingTest.armored;
import static dev.tributary.pgp.KeyParsingTest.bytes;
import static dev.tributary.pgp.KeyParsingTest.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user guide's table "Errors you may meet when pasting a key" (src/site/markdown/pgp.md) quotes
 * the messages a user meets; each quoted message must be what the library says. A row's first
 * message begins the exception's message, a later one (a variant, or a fragment such as "an SSH or
 * PEM key") occurs in it; "…" stands for anything. The guide had drifted from the code: it quoted
 * "private key … has no valid signing key (none, or all expired, revoked or weaker than the policy
 * allows)", where the code lists each key's reason after a colon, and "certificate … has no key we
 * may encrypt to: 8089…: expired on 2020-12-31", naming as expired a key ID that is not.
 */
class UserGuideKeyErrorsTest {
  private static final Path GUIDE = Path.of("..", "src", "site", "markdown", "pgp.md");
  private static final String TABLE = "### Errors you may meet when pasting a key";
  private static final String FOOTER = "-----END PGP PUBLIC KEY BLOCK-----";

  /** A quoted message of the table, and whether it is the first of its row. */
  record Quoted(String text, boolean first) {
    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * A row of the table: the messages its first cell quotes (the code spans that hold a space, a gpg
   * command aside), and its "what to do" cell as written.
   */
  record Row(List<Quoted> quoted, String advice) {
    /** The row's first message, which names it. */
    String key() {
      return quoted.get(0).text();
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** The table's rows, in order. */
  static List<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    int at = lines.indexOf(TABLE);
    assertThat(at).as("the guide's key error table").isNotNegative();
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(at + 1, lines.size())) {
      if (rows.isEmpty() && !line.startsWith("| `")) {
        continue;
      }
      if (!line.startsWith("| ")) {
        break;
      }
      String cell = line.substring(2, line.indexOf(" | ", 2));
      Matcher spans = Pattern.compile("`([^`]*)`").matcher(cell);
      List<Quoted> quoted = new ArrayList<>();
      while (spans.find()) {
        if (spans.group(1).contains(" ") && !spans.group(1).startsWith("gpg ")) {
          quoted.add(new Quoted(spans.group(1), quoted.isEmpty()));
        }
      }
      assertThat(quoted).as("the messages of row %s", line).isNotEmpty();
      String row = line.strip();
      String advice = row.substring(row.lastIndexOf(" | ", row.length() - 3) + 3, row.length() - 2);
      rows.add(new Row(quoted, advice));
    }
    return rows;
  }

  /** The messages the table quotes, row by row. */
  static List<Quoted> quoted() throws IOException {
    return rows().stream().flatMap(r -> r.quoted().stream()).toList();
  }

  /**
   * Whether {@code message} is what the guide quotes: the quote begins it (a later quote of its row
   * occurs in it), "…" standing for anything.
   */
  static boolean says(Quoted quoted, String message) {
    String pattern =
        Stream.of(quoted.text().split("…", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*", quoted.first() ? "^" : "", ""));
    return Pattern.compile(pattern, Pattern.DOTALL).matcher(message).find();
  }

  /** How to make each message the guide quotes. */
  static final Map<String, ThrowingCallable> CASES = cases();

  /**
   * Messages the guide quotes that need what this test cannot have (a program, a heap under 2 GiB,
   * key material BouncyCastle cannot use): the test that asserts each, or why none can.
   */
  static final Map<String, String> ELSEWHERE =
      Map.of(
          "wrong passphrase for private key …; if it is right, the key may be protected in"
              + " OpenPGP.js 5's pre-standard AEAD form …",
          "OpenPgpJsInteropTest.aeadProtectedV4Keys_openPgpJs6sUnlock_openPgpJs5sAreRefusedByName",
          "private key … holds no secret part of its signing key …",
          "GnuPgInteropTest (gpg --export-secret-subkeys)",
          "its primary key's secret material is not in this private key (a stub)",
          "PrimaryKeyStubInteropTest (gpg --export-secret-subkeys)",
          "cannot sign with key …: its signing key … cannot be used to make a signature",
          "UnusableSigningKeyInteropTest (a signing subkey's secret BouncyCastle cannot use)",
          "cannot unlock key …: its passphrase protection (Argon2) needs 2048 MiB of memory, which"
              + " is more than this JVM's whole heap (maximum … MiB; see -Xmx)",
          "UnlockedKeysArgon2Test (the test JVM's heap holds 2 GiB)");

  private static Map<String, ThrowingCallable> cases() {
    String alicePrivate = PgpTestKeys.ALICE_RSA.armoredPrivateKey();
    String bob = PgpTestKeys.BOB_25519.armoredPublicKey();
    byte[] alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).encoded();
    byte[] carol = PgpCertificate.of(PgpTestKeys.CAROL_SEQUOIA.publicKey()).encoded();
    byte[] aliceSecret = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()).encoded();
    PgpCertificate aliceCert = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
    Map<String, ThrowingCallable> c = new LinkedHashMap<>();
    c.put(
        "this does not look ASCII-armored: it does not begin with -----BEGIN PGP PUBLIC KEY"
            + " BLOCK-----",
        () -> PgpCertificate.parse("mQGNBGdf...\n"));
    c.put(
        "the key is empty; paste a public key, beginning with -----BEGIN PGP PUBLIC KEY"
            + " BLOCK-----",
        () -> PgpCertificate.parse(" \r\n\t\n"));
    c.put(
        "the armored block is empty: it holds no key",
        () -> PgpCertificate.parse("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + FOOTER + "\n"));
    c.put(
        "this is a private key; a public key is expected here",
        () -> PgpCertificate.parse(alicePrivate));
    c.put(
        "this is a public key; the private key is needed here to decrypt",
        () -> PgpKey.parse(PUBLIC, Secret.empty()));
    c.put(
        "the armor footer " + FOOTER + " is missing at the end",
        () -> PgpCertificate.parse(PUBLIC.substring(0, PUBLIC.indexOf("-----END"))));
    c.put(
        "the key has text after its armor footer " + FOOTER + " on the same line",
        () -> PgpCertificate.parse(TextAfterArmorFooterTest.withTextAfter(PUBLIC, FOOTER, "x")));
    c.put(
        "the key is followed by text after its armor footer " + FOOTER,
        () -> PgpCertificate.parse(PUBLIC + "\n-- \nAlice\n"));
    c.put(
        "the entry holds 2 public keys, each in its own armor block",
        () -> PgpCertificate.parse(PUBLIC + bob));
    c.put(
        "a private key follows the key's armor footer",
        () -> PgpCertificate.parse(PUBLIC + alicePrivate));
    c.put(
        "the armor footer does not match the header: the block begins with -----BEGIN PGP PUBLIC"
            + " KEY BLOCK-----, so it must end with "
            + FOOTER,
        () -> PgpCertificate.parse(PUBLIC.replace("END PGP PUBLIC", "END PGP PRIVATE")));
    c.put(
        "the armor header line is damaged: it should read exactly -----BEGIN PGP PUBLIC KEY"
            + " BLOCK-----",
        () -> PgpCertificate.parse(PUBLIC.replace("BEGIN PGP PUBLIC KEY", "BEGIN PGP FOO")));
    c.put(
        "the armor footer line is damaged: …",
        () -> PgpCertificate.parse(PUBLIC.replace("END PGP PUBLIC KEY", "END PGP PUBLIK KEY")));
    c.put(
        "the armor checksum (the line beginning with '=' before the footer) does not match",
        () -> PgpCertificate.parse(withChangedBody(PUBLIC)));
    c.put(
        "line 1 of the armored key ends in CR only (a carriage return without a line feed)",
        () -> PgpCertificate.parse(PUBLIC.replace("\n", "\r")));
    c.put(
        "line 2 of the armored key is neither an armor header (Name: value) nor the blank line"
            + " that ends the armor headers",
        () -> PgpCertificate.parse(PUBLIC.replaceFirst("-----\n", "-----\nnot a header line\n")));
    c.put(
        "an armor header line is damaged: it names no kind of OpenPGP block",
        () ->
            PgpCertificate.readAll(
                bytes(PUBLIC.replaceFirst("BEGIN PGP PUBLIC", "BEGIN PGP PBLIC"))));
    c.put(
        "the key … is damaged: one of its signatures cannot be read; export the key again",
        () -> DamagedSelfSignatureTest.damagedCertificate().describe());
    c.put(
        "the armored key is damaged: its armor cannot be decoded",
        () -> PgpCertificate.parse(PUBLIC.replaceFirst("-----\n\n", "-----\n\nnot base64!\n")));
    c.put(
        "the key data ends inside a packet: it is truncated",
        () -> PgpCertificate.parse(armored(java.util.Arrays.copyOf(alice, alice.length / 2))));
    byte[] unknownVersion = alice.clone();
    unknownVersion[3] = 99;
    c.put(
        "the key data cannot be read: it is damaged, not an OpenPGP key, or in a format this"
            + " library does not support",
        () -> PgpCertificate.parse(armored(unknownVersion)));
    c.put(
        "the public key block holds something other than public keys (literal data)",
        () -> PgpCertificate.parse(armored(concat(alice, LITERAL_DATA))));
    c.put(
        "the private key block holds something other than private keys (literal data)",
        () -> PgpKey.parse(armored(concat(aliceSecret, LITERAL_DATA)), Secret.empty()));
    c.put(
        "the armored block holds no key (its first packet has tag …); paste a key",
        () -> PgpCertificate.parse(labelledPublic(armored(LITERAL_DATA))));
    c.put(
        "the key data is damaged: it does not start with an OpenPGP packet",
        () -> PgpCertificate.parse(labelledPublic(armored(new byte[] {0x42, 0x42, 0x42, 0x42}))));
    c.put(
        "this is binary data, not an ASCII-armored key",
        () -> PgpCertificate.parse(new String(alice, StandardCharsets.ISO_8859_1)));
    c.put(
        "this is an encrypted OpenPGP message, not a key",
        () -> PgpCertificate.parse("-----BEGIN PGP MESSAGE-----\n\nabc\n"));
    c.put(
        "an OpenPGP signature",
        () -> PgpCertificate.parse("-----BEGIN PGP SIGNATURE-----\n\nabc\n"));
    c.put("an SSH or PEM key", () -> PgpCertificate.parse("ssh-ed25519 AAAAC3Nza alice@host"));
    c.put(
        "the block is labelled as a public key but holds a private key",
        () ->
            PgpCertificate.parse(
                armored(aliceSecret).replace("PRIVATE KEY BLOCK", "PUBLIC KEY BLOCK")));
    c.put(
        "the block is labelled as a private key but holds only a public key",
        () ->
            PgpKey.parse(
                armored(alice).replace("PUBLIC KEY BLOCK", "PRIVATE KEY BLOCK"), Secret.empty()));
    c.put(
        "the block holds 2 public keys; give each key its own entry",
        () -> PgpCertificate.parse(armored(concat(alice, carol))));
    c.put(
        "certificate … has no key we may encrypt to: D6D5…: EdDSA Ed25519 can only sign; D25E…:"
            + " expired on 2020-12-31. Ask the recipient for a current public key …",
        () ->
            PgpEncryptor.builder()
                .recipient(PgpCertificate.of(PgpTestKeys.EXPIRED_SUBKEY.publicKey()))
                .build());
    c.put(
        "certificate … has no key we may encrypt to: …: created …, after the time of encryption, …."
            + " A clock is wrong (this machine's, the key maker's, or the one given to the"
            + " encryptor): set it right, or ask the recipient …",
        () ->
            PgpEncryptor.builder()
                .recipient(aliceCert)
                .clock(new ManualClock(Instant.parse("2026-11-30T22:58:00Z")))
                .build());
    c.put(
        "wrong passphrase for private key …",
        () ->
            PgpKey.parse(PgpTestKeys.BOB_25519.armoredPrivateKey(), Secret.of("not bob's"))
                .checkPassphrase());
    c.put(
        "… is protected by a passphrase, and none was given",
        () ->
            PgpKey.parse(PgpTestKeys.BOB_25519.armoredPrivateKey(), Secret.empty())
                .checkPassphrase());
    c.put(
        "private key … has no valid signing key: …; sign with another key",
        () -> sign(KeyCannotSignTest.revokedAlice()));
    PgpKey onCard = onCard(true);
    c.put(
        "private key … holds the secret of its signing key … on a smartcard (a GnuPG"
            + " divert-to-card stub), which cannot be used here; sign with gpg and the card, or with"
            + " another key",
        () -> sign(onCard(false)));
    c.put(
        "key … cannot certify: the secret of its primary key is on a smartcard (a GnuPG"
            + " divert-to-card stub), which cannot be used here; certify with gpg and the card, or"
            + " with another key",
        () -> onCard.certify(aliceCert, aliceCert.userIds()));
    c.put(
        "cannot renew key …: …; renew it with gpg and the card",
        () -> onCard.renew(Duration.ofDays(400 * 5)));
    c.put("cannot revoke key …: …", onCard::revocationCertificate);
    return c;
  }

  /**
   * {@code armored} with its header and footer naming a public key, whatever BouncyCastle chose.
   */
  static String labelledPublic(String armored) {
    return armored.replaceAll("PGP [A-Z ]+-----", "PGP PUBLIC KEY BLOCK-----");
  }

  private static void sign(PgpKey key) {
    PgpSignatures.sign(
        new ByteArrayInputStream(new byte[] {'x'}),
        new ByteArrayOutputStream(),
        List.of(key),
        SignatureType.BINARY,
        true);
  }

  /** A new key with its primary key (which certifies), or its signing subkey, on a smartcard. */
  private static PgpKey onCard(boolean primary) {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "Card <card@example.com>", Secret.empty());
    String fingerprint =
        key.describe().keys().stream()
            .filter(k -> primary ? k.primary() : k.canSign() && !k.primary())
            .findFirst()
            .orElseThrow()
            .fingerprint();
    try {
      return SecretKeyStubInteropTest.onSmartcard(key, fingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String withChangedBody(String armor) {
    String[] lines = armor.split("\n");
    int body = 3;
    while (lines[body].length() < 60) {
      body++;
    }
    char ch = lines[body].charAt(30);
    lines[body] =
        lines[body].substring(0, 30) + (ch == 'A' ? 'B' : 'A') + lines[body].substring(31);
    return String.join("\n", lines) + "\n";
  }

  @Test
  void everyMessageTheGuideQuotes_isMadeHere_orNamesTheTestThatMakesIt() throws IOException {
    List<String> inGuide = quoted().stream().map(Quoted::text).toList();
    assertThat(inGuide).as("messages the guide quotes").doesNotHaveDuplicates();
    assertThat(Stream.concat(CASES.keySet().stream(), ELSEWHERE.keySet().stream()).toList())
        .as("messages made here or elsewhere, against the guide's table")
        .containsExactlyInAnyOrderElementsOf(inGuide);
  }

  static Stream<Quoted> madeHere() throws IOException {
    return quoted().stream().filter(q -> CASES.containsKey(q.text()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("madeHere")
  void theGuidesMessage_isWhatTheLibrarySays(Quoted quoted) {
    Throwable thrown = catchThrowable(CASES.get(quoted.text()));
    assertThat(thrown).as(quoted.text()).isInstanceOf(PgpKeyException.class);
    assertThat(says(quoted, thrown.getMessage()))
        .as("%s%nis what the guide says of%n%s", thrown.getMessage(), quoted.text())
        .isTrue();
    assertThat(KEY_DATA.matcher(thrown.getMessage()).find())
        .as("the guide says no error quotes the key: %s", thrown.getMessage())
        .isFalse();
  }

  /**
   * Twenty characters of base64 in a row, or a hex fingerprint's 40: the key's own armored text,
   * which "None ever quotes the key" rules out. A 16-digit key ID or a fingerprint does not match.
   */
  private static final Pattern KEY_DATA =
      Pattern.compile("(?=[A-Za-z0-9+/]*[g-zG-Z+/])[A-Za-z0-9+/]{20,}");

  /** "Whitespace around the block and Windows line endings are accepted." */
  @Test
  void whitespaceAroundTheBlock_andWindowsLineEndings_areAccepted() throws IOException {
    assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8))
        .contains("Whitespace around the block and Windows line endings are accepted.");
    String pasted = " \r\n\t" + PUBLIC.replace("\n", "\r\n") + "\r\n  \n";
    assertThat(PgpCertificate.parse(pasted).fingerprint())
        .isEqualTo(PgpCertificate.parse(PUBLIC).fingerprint());
    String privateKey = PgpTestKeys.ALICE_RSA.armoredPrivateKey();
    assertThat(
            PgpKey.parse("\n\n " + privateKey.replace("\n", "\r\n") + " \n", Secret.empty())
                .fingerprint())
        .isEqualTo(PgpKey.parse(privateKey, Secret.empty()).fingerprint());
  }

  /** "Every error is a PgpKeyException (a ConfigException: fix the setting, …)". */
  @Test
  void everyKeyError_isAConfigException() throws IOException {
    assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8))
        .contains("Every error is a `PgpKeyException` (a `ConfigException`");
    assertThat(dev.tributary.core.ConfigException.class).isAssignableFrom(PgpKeyException.class);
  }
}
