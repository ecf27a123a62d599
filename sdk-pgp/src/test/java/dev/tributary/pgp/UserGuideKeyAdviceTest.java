package dev.tributary.pgp;

import static dev.tributary.pgp.KeyParsingTest.LITERAL_DATA;
import static dev.tributary.pgp.KeyParsingTest.armored;
import static dev.tributary.pgp.KeyParsingTest.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.UserGuideKeyErrorsTest.Row;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "what to do" column of the user guide's table "Errors you may meet when pasting a key"
 * (src/site/markdown/pgp.md; {@link UserGuideKeyErrorsTest} checks its messages): each row whose
 * advice is an action is followed here, literally, from the row's broken input. The keys live in a
 * throw-away GnuPG home, as they would in the key owner's gpg; "export" runs the gpg command the
 * advice names (or {@code gpg --armor --export <id>} for "export the key again"), "copy it again"
 * copies the whole block as gpg exported it, and the library must then accept what the user pastes.
 * Rows whose advice cannot be followed by a program are listed in {@link #NOT_RUN} with the reason;
 * a row in neither fails the test.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class UserGuideKeyAdviceTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();

  private static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  private static final TestKey BOB = PgpTestKeys.BOB_25519;
  private static final TestKey CAROL = PgpTestKeys.CAROL_SEQUOIA;
  private static final String HEADER = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
  private static final String FOOTER = "-----END PGP PUBLIC KEY BLOCK-----";

  /** Where a key is pasted: an authorization's public key, or its private key. */
  enum Slot {
    PUBLIC,
    PRIVATE,
    /** The text read as blocks of certificates, {@link PgpCertificate#readAll}. */
    PUBLIC_BLOCKS
  }

  /** What the user pastes into a slot: the text, and the passphrase given with a private key. */
  record Pasted(String text, String passphrase) {
    Pasted(String text) {
      this(text, "");
    }
  }

  /** The keys in the owner's gpg, and the gpg commands the advice names. */
  final class Keyring {
    /**
     * Runs {@code command}, a gpg command line as the guide writes it, {@code <id>} being {@code
     * key}'s.
     */
    String gpg(String command, TestKey key) {
      List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
      assertThat(args.remove(0)).as(command).isEqualTo("gpg");
      args.replaceAll(a -> a.equals("<id>") ? key.fingerprint() : a);
      return new String(
          gpg.run(new byte[0], args.toArray(String[]::new)).ok().out(),
          StandardCharsets.ISO_8859_1);
    }

    /** {@code gpg --armor --export <id>}: the public key, as the owner exports it. */
    String exported(TestKey key) {
      return gpg("gpg --armor --export <id>", key);
    }

    /** {@code gpg --export <id>}: the public key as a binary file. */
    byte[] binary(TestKey key) {
      return gpg("gpg --export <id>", key).getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /** A row's advice followed: from the broken input, what the user pastes (one per entry). */
  interface Advice {
    List<Pasted> follow(Keyring keyring, Pasted broken) throws Exception;
  }

  /** A row's broken input: what the user pasted, made from the keys in the owner's gpg. */
  interface Broken {
    Pasted make(Keyring keyring) throws Exception;
  }

  /**
   * A row followed: the guide's advice (verbatim), the slot, the broken inputs (each a case the
   * row's "what happened" names) and the advice.
   */
  record Followed(String advice, Slot slot, List<Broken> broken, Advice advise) {}

  /** The rows followed here, by the first message each quotes. */
  static final Map<String, Followed> FOLLOWED = followed();

  /** The rows whose advice no program can follow, and why. */
  static final Map<String, String> NOT_RUN =
      Map.of(
          "certificate … has no key we may encrypt to: D6D5…: EdDSA Ed25519 can only sign; D25E…:"
              + " expired on 2020-12-31. Ask the recipient for a current public key …",
          "asking the partner for a current key is for a person to do",
          "wrong passphrase for private key …; if it is right, the key may be protected in"
              + " OpenPGP.js 5's pre-standard AEAD form …",
          "needs OpenPGP.js 5 and 6 under node to re-export the key; OpenPgpJsInteropTest"
              + " reads OpenPGP.js 6's protection and refuses OpenPGP.js 5's",
          "private key … has no valid signing key: …; sign with another key",
          "which other key is current is the user's to know; the key at hand cannot be mended",
          "key … cannot certify: the secret of its primary key is on a smartcard (a GnuPG"
              + " divert-to-card stub), which cannot be used here; certify with gpg and the card, or"
              + " with another key",
          "needs a smartcard holding the primary key",
          "cannot unlock key …: its passphrase protection (Argon2) needs 2048 MiB of memory, which"
              + " is more than this JVM's whole heap (maximum … MiB; see -Xmx)",
          "raising -Xmx needs another JVM; UnlockedKeysArgon2Test unlocks such a key with a 2 GiB"
              + " heap");

  private static Followed run(String advice, Slot slot, Broken broken, Advice advise) {
    return new Followed(advice, slot, List.of(broken), advise);
  }

  /**
   * "copy it again, unchanged", "copy all of it", "export the key again": the whole block as the
   * owner's gpg exports it, {@code gpg --armor --export <id>}.
   */
  private static Advice again() {
    return (k, broken) -> List.of(new Pasted(k.exported(ALICE)));
  }

  private static Map<String, Followed> followed() {
    Map<String, Followed> f = new LinkedHashMap<>();
    f.put(
        "this does not look ASCII-armored: it does not begin with " + HEADER,
        new Followed(
            "paste the block exactly from its first line, without the quote marker (`> `) an email"
                + " reply puts in front of each line",
            Slot.PUBLIC,
            List.of(
                k -> new Pasted("Alice's public key:\n" + k.exported(ALICE)),
                k -> new Pasted("Alice wrote:\n" + quoted(k.exported(ALICE)))),
            (k, broken) -> List.of(new Pasted(unquoted(fromHeader(broken.text()))))));
    f.put(
        "the key is empty; paste a public key, beginning with " + HEADER,
        run(
            "paste the key",
            Slot.PUBLIC,
            k -> new Pasted(" \r\n\t\n"),
            (k, broken) -> List.of(new Pasted(k.exported(ALICE)))));
    f.put(
        "the armored block is empty: it holds no key",
        run(
            "copy all of the key",
            Slot.PUBLIC,
            k -> new Pasted(HEADER + "\n\n" + FOOTER + "\n"),
            again()));
    f.put(
        "this is a private key; a public key is expected here",
        run(
            "export the public key (`gpg --armor --export <id>`); keep the private key secret",
            Slot.PUBLIC,
            k -> new Pasted(k.gpg("gpg --armor --export-secret-keys <id>", ALICE)),
            (k, broken) -> List.of(new Pasted(k.gpg("gpg --armor --export <id>", ALICE)))));
    f.put(
        "this is a public key; the private key is needed here to decrypt",
        run(
            "`gpg --armor --export-secret-keys <id>`",
            Slot.PRIVATE,
            k -> new Pasted(k.exported(ALICE)),
            (k, broken) ->
                List.of(new Pasted(k.gpg("gpg --armor --export-secret-keys <id>", ALICE)))));
    f.put(
        "the armor footer " + FOOTER + " is missing at the end",
        run(
            "copy all of it, including the last line",
            Slot.PUBLIC,
            k -> {
              String whole = k.exported(ALICE);
              return new Pasted(whole.substring(0, whole.indexOf("-----END")));
            },
            again()));
    f.put(
        "the key has text after its armor footer " + FOOTER + " on the same line",
        run(
            "copy the key without it",
            Slot.PUBLIC,
            k -> new Pasted(TextAfterArmorFooterTest.withTextAfter(k.exported(ALICE), FOOTER, "x")),
            (k, broken) -> List.of(new Pasted(throughFooter(broken.text())))));
    f.put(
        "the key is followed by text after its armor footer " + FOOTER,
        run(
            "copy the key without it",
            Slot.PUBLIC,
            k -> new Pasted(k.exported(ALICE) + "\n-- \nAlice\n"),
            (k, broken) -> List.of(new Pasted(throughFooter(broken.text())))));
    f.put(
        "the entry holds 2 public keys, each in its own armor block",
        run(
            "one key per authorization",
            Slot.PUBLIC,
            k -> new Pasted(k.exported(ALICE) + k.exported(BOB)),
            (k, broken) -> blocks(broken.text())));
    f.put(
        "the armor footer does not match the header: the block begins with "
            + HEADER
            + ", so it must end with "
            + FOOTER,
        run(
            "copy the key again, unchanged",
            Slot.PUBLIC,
            k -> new Pasted(k.exported(ALICE).replace("END PGP PUBLIC", "END PGP PRIVATE")),
            again()));
    f.put(
        "the armor header line is damaged: it should read exactly " + HEADER,
        run(
            "copy it again, unchanged",
            Slot.PUBLIC,
            k -> new Pasted(k.exported(ALICE).replace("BEGIN PGP PUBLIC KEY", "BEGIN PGP FOO")),
            again()));
    f.put(
        "the armor checksum (the line beginning with '=' before the footer) does not match",
        run(
            "copy it again, unchanged",
            Slot.PUBLIC,
            k -> new Pasted(UserGuideKeyErrorsTest.withChangedBody(k.exported(ALICE))),
            again()));
    f.put(
        "line 1 of the armored key ends in CR only (a carriage return without a line feed)",
        run(
            "convert the line endings to LF or CR LF",
            Slot.PUBLIC,
            k -> new Pasted(k.exported(ALICE).replace("\n", "\r")),
            (k, broken) ->
                List.of(
                    new Pasted(broken.text().replace("\r", "\n")),
                    new Pasted(broken.text().replace("\r", "\r\n")))));
    f.put(
        "line 2 of the armored key is neither an armor header (Name: value) nor the blank line"
            + " that ends the armor headers",
        run(
            "copy it again, unchanged",
            Slot.PUBLIC,
            k ->
                new Pasted(k.exported(ALICE).replaceFirst("-----\n", "-----\nnot a header line\n")),
            again()));
    f.put(
        "an armor header line is damaged: it names no kind of OpenPGP block",
        run(
            "copy it again, unchanged",
            Slot.PUBLIC_BLOCKS,
            k -> new Pasted(k.exported(ALICE).replaceFirst("BEGIN PGP PUBLIC", "BEGIN PGP PBLIC")),
            again()));
    f.put(
        "the key … is damaged: one of its signatures cannot be read; export the key again",
        run(
            "export the key again",
            Slot.PUBLIC,
            k ->
                new Pasted(
                    armored(DamagedSelfSignatureTest.withADamagedBackSignature(k.binary(CAROL)))),
            (k, broken) -> List.of(new Pasted(k.exported(CAROL)))));
    f.put(
        "the armored key is damaged: its armor cannot be decoded",
        run(
            "copy it again, unchanged",
            Slot.PUBLIC,
            k -> new Pasted(k.exported(ALICE).replaceFirst("-----\n\n", "-----\n\nnot base64!\n")),
            again()));
    f.put(
        "the key data ends inside a packet: it is truncated",
        run(
            "export the key again",
            Slot.PUBLIC,
            k -> {
              byte[] binary = k.binary(ALICE);
              return new Pasted(armored(Arrays.copyOf(binary, binary.length / 2)));
            },
            again()));
    f.put(
        "the key data cannot be read: it is damaged, not an OpenPGP key, or in a format this"
            + " library does not support",
        run(
            "export the key again with a current OpenPGP tool",
            Slot.PUBLIC,
            k -> {
              byte[] binary = k.binary(ALICE);
              binary[3] = 99;
              return new Pasted(armored(binary));
            },
            again()));
    f.put(
        "the public key block holds something other than public keys (literal data)",
        run(
            "export the key alone",
            Slot.PUBLIC,
            k -> new Pasted(armored(concat(k.binary(ALICE), LITERAL_DATA))),
            again()));
    f.put(
        "the private key block holds something other than private keys (literal data)",
        run(
            "export the private key alone",
            Slot.PRIVATE,
            k ->
                new Pasted(
                    armored(
                        concat(
                            k.gpg("gpg --export-secret-keys <id>", ALICE)
                                .getBytes(StandardCharsets.ISO_8859_1),
                            LITERAL_DATA))),
            (k, broken) ->
                List.of(new Pasted(k.gpg("gpg --armor --export-secret-keys <id>", ALICE)))));
    f.put(
        "the armored block holds no key (its first packet has tag …); paste a key",
        run(
            "export the key again",
            Slot.PUBLIC,
            k -> new Pasted(UserGuideKeyErrorsTest.labelledPublic(armored(LITERAL_DATA))),
            again()));
    f.put(
        "the key data is damaged: it does not start with an OpenPGP packet",
        run(
            "export the key again",
            Slot.PUBLIC,
            k ->
                new Pasted(
                    UserGuideKeyErrorsTest.labelledPublic(
                        armored(new byte[] {0x42, 0x42, 0x42, 0x42}))),
            again()));
    f.put(
        "this is binary data, not an ASCII-armored key",
        run(
            "export with `--armor`",
            Slot.PUBLIC,
            k -> new Pasted(k.gpg("gpg --export <id>", ALICE)),
            (k, broken) -> List.of(new Pasted(k.gpg("gpg --export --armor <id>", ALICE)))));
    f.put(
        "this is an encrypted OpenPGP message, not a key",
        run(
            "paste the OpenPGP key itself",
            Slot.PUBLIC,
            k -> new Pasted("-----BEGIN PGP MESSAGE-----\n\nabc\n"),
            (k, broken) -> List.of(new Pasted(k.exported(ALICE)))));
    f.put(
        "the block is labelled as a public key but holds a private key",
        run(
            "export again with the right command",
            Slot.PUBLIC,
            k ->
                new Pasted(
                    k.gpg("gpg --armor --export-secret-keys <id>", ALICE)
                        .replace("PRIVATE KEY BLOCK", "PUBLIC KEY BLOCK")),
            (k, broken) -> List.of(new Pasted(k.gpg("gpg --armor --export <id>", ALICE)))));
    f.put(
        "the block holds 2 public keys; give each key its own entry",
        run(
            "one key per authorization",
            Slot.PUBLIC,
            k -> new Pasted(k.gpg("gpg --armor --export " + ALICE.fingerprint() + " <id>", BOB)),
            (k, broken) -> List.of(new Pasted(k.exported(ALICE)), new Pasted(k.exported(BOB)))));
    f.put(
        "wrong passphrase for private key …",
        run(
            "fix the passphrase",
            Slot.PRIVATE,
            k -> new Pasted(BOB.armoredPrivateKey(), "not bob's"),
            (k, broken) -> List.of(new Pasted(broken.text(), BOB.passphrase()))));
    return f;
  }

  /** The text from the line that begins the armor: what came before the header left out. */
  private static String fromHeader(String pasted) {
    return pasted.substring(pasted.indexOf("-----BEGIN"));
  }

  /** {@code text} as an email reply quotes it: each line behind "> ". */
  private static String quoted(String text) {
    return text.lines().map(l -> "> " + l + "\n").collect(Collectors.joining());
  }

  /** {@code text} without the quote marker "> " in front of its lines. */
  private static String unquoted(String text) {
    return text.lines().map(l -> l.replaceFirst("^> ", "") + "\n").collect(Collectors.joining());
  }

  /** The text up to the end of the armor footer: what came after it left out. */
  private static String throughFooter(String pasted) {
    return pasted.substring(0, pasted.indexOf(FOOTER) + FOOTER.length()) + "\n";
  }

  /** Each armor block of {@code pasted}, an entry of its own. */
  private static List<Pasted> blocks(String pasted) {
    List<Pasted> blocks = new ArrayList<>();
    for (String block : pasted.split("(?<=" + FOOTER + ")")) {
      if (!block.isBlank()) {
        blocks.add(new Pasted(block));
      }
    }
    return blocks;
  }

  /** Reads {@code pasted} as the slot would, and checks the key as describing or using it would. */
  private static void read(Slot slot, Pasted pasted) {
    switch (slot) {
      case PUBLIC -> PgpCertificate.parse(pasted.text()).describe();
      case PRIVATE -> {
        PgpKey key = PgpKey.parse(pasted.text(), Secret.of(pasted.passphrase()));
        key.describe();
        key.checkPassphrase();
      }
      case PUBLIC_BLOCKS ->
          PgpCertificate.readAll(pasted.text().getBytes(StandardCharsets.ISO_8859_1))
              .forEach(PgpCertificate::describe);
    }
  }

  @Test
  void everyRow_isFollowedHere_orListedAsNotRun() throws IOException {
    List<Row> rows = UserGuideKeyErrorsTest.rows();
    assertThat(Stream.concat(FOLLOWED.keySet().stream(), NOT_RUN.keySet().stream()).toList())
        .as("rows followed here or listed as not run, against the guide's table")
        .containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::key).toList());
    for (Row row : rows) {
      Followed followed = FOLLOWED.get(row.key());
      if (followed != null) {
        assertThat(followed.advice())
            .as("the advice followed for %s", row.key())
            .isEqualTo(row.advice());
      }
    }
  }

  static Stream<Row> followedRows() throws IOException {
    return UserGuideKeyErrorsTest.rows().stream().filter(r -> FOLLOWED.containsKey(r.key()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("followedRows")
  void theGuidesAdvice_followedLiterally_givesAKeyTheLibraryAccepts(Row row) throws Exception {
    gpg.importSecretKey(ALICE).importSecretKey(BOB).importSecretKey(CAROL);
    Keyring keyring = new Keyring();
    Followed followed = FOLLOWED.get(row.key());
    for (Broken making : followed.broken()) {
      Pasted broken = making.make(keyring);
      Throwable refused = catchThrowable(() -> read(followed.slot(), broken));
      assertThat(refused).as("the row's broken input").isInstanceOf(PgpKeyException.class);
      assertThat(row.quoted())
          .as("%s%nis one of the row's messages", refused.getMessage())
          .anyMatch(q -> UserGuideKeyErrorsTest.says(q, refused.getMessage()));

      List<Pasted> pasted = followed.advise().follow(keyring, broken);
      assertThat(pasted).as("what the user pastes after: %s", row.advice()).isNotEmpty();
      for (Pasted p : pasted) {
        assertThat(catchThrowable(() -> read(followed.slot(), p)))
            .as("after following \"%s\" (for %s)", row.advice(), row.key())
            .isNull();
      }
    }
  }
}
