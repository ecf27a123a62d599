package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User IDs that {@code gpg --edit-key … revuid} revoked, with each reason gpg offers for one (0,
 * "no reason specified", and 32, "user ID no longer valid"), and a comment of one line or of two
 * (gpg takes several lines; they are kept, and escaped when shown). Ours reads the date, reason and
 * comment that {@code gpg --list-packets} shows, and marks the user ID revoked where {@code gpg
 * --with-colons} does. One revoked user ID of two, the original or a newer one, takes nothing from
 * the key, as in gpg and Sequoia's {@code sqop}.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class UserIdRevocationInteropTest {
  private static final Instant MADE = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant REVOKED = Instant.parse("2025-03-01T00:00:00Z");
  private static final String OWNER = "Owner <owner@example.com>";
  private static final String OLD = "Old <old@example.com>";
  private static final byte[] DATA = "user ID revocations\n".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  /** gpg's menu for a user ID: 0 no reason specified (code 0), 4 no longer valid (code 32). */
  @ParameterizedTest(name = "menu {0}, {2}, {5}")
  @CsvSource({
    "4, 32, user ID no longer valid, false, left the company, " + OLD,
    "0, 0, no reason specified, true, left the company, " + OLD,
    "4, 32, user ID no longer valid, false, moved\\nnew address in the key, " + OLD,
    "4, 32, user ID no longer valid, false, '', " + OLD,
    "4, 32, user ID no longer valid, false, left the company, " + OWNER,
    "0, 0, no reason specified, true, '', " + OWNER,
  })
  void gpgRevokedUserId_describedWithTheReasonAndCommentGpgShows(
      int menu, int code, String reason, boolean hard, String comment, String userId)
      throws Exception {
    String text = comment.replace("\\n", "\n");
    String fpr = key();
    revokeUserId(fpr, userId, menu, text);
    String armored = gpg.run(new byte[0], "--armor", "--export", fpr).ok().text();

    KeyDescription d = PgpCertificate.parse(armored).describe();

    KeyRevocation revocation = d.revocation(userId).orElseThrow();
    // gpg's faked clock runs on from REVOKED, so a slow machine dates the revocation a second on.
    assertThat(revocation.date()).isBetween(REVOKED, REVOKED.plusSeconds(10));
    assertThat(revocation)
        .isEqualTo(new KeyRevocation(revocation.date(), code, reason, hard, text));
    assertThat(d.revokedUserIds()).containsExactly(userId);
    assertThat(d.revocation(userId.equals(OLD) ? OWNER : OLD)).isEmpty();
    assertThat(gpgRevokedUserIds(fpr)).containsExactly(userId);
    assertThat(gpg.run(armored.getBytes(StandardCharsets.US_ASCII), "--list-packets").ok().text())
        .contains(String.format("revocation reason 0x%02x (%s)", code, text.replace("\n", "\\n")));
    assertThat(d.toString())
        .contains(
            "uid "
                + userId
                + " REVOKED (on 2025-03-01: "
                + reason
                + (hard ? ", a hard revocation" : ", a soft revocation")
                + (text.isEmpty() ? "" : "; comment \"" + comment.replace("\\n", "\\u000a") + "\"")
                + ")");
    assertThat(d.toString().lines()).hasSize(1 + d.userIds().size() + d.keys().size());
  }

  /**
   * One of two user IDs revoked, the newer or the original one, with a hard reason or not, takes
   * nothing from the key, as in gpg and Sequoia: it is encrypted to, and its primary key's
   * signatures verify. BouncyCastle read the primary key's binding from its newest self-signature,
   * the user ID's revocation: describe() called it unusable ("its user IDs are all revoked" or "no
   * valid self-signature binds it"), and it was refused as a recipient or its signatures did not
   * verify, depending on which user ID was revoked.
   */
  @ParameterizedTest(name = "menu {0}, {1}")
  @CsvSource({"4, " + OLD, "0, " + OLD, "4, " + OWNER, "0, " + OWNER})
  void oneOfTwoUserIdsRevokedByGpg_keyStaysUsable_asInGpgAndSequoia(int menu, String userId)
      throws Exception {
    String fpr = key();
    revokeUserId(fpr, userId, menu, "");
    byte[] signature = sign(fpr);
    String armored = gpg.run(new byte[0], "--armor", "--export", fpr).ok().text();
    PgpCertificate cert = PgpCertificate.parse(armored);

    assertThat(cert.describe().keys()).allMatch(ComponentKey::usable, "usable");
    assertThat(PgpEncryptor.builder().recipient(cert).build()).isNotNull();
    assertThat(ShortSignatureHashTest.verify(DATA, signature, cert).valid()).isTrue();
    Path certFile = Files.writeString(dir.resolve("cert.asc"), armored);
    Path sig = Files.write(dir.resolve("data.sig"), signature);
    assertThat(Tool.sqop(DATA, "encrypt", certFile.toString()).code()).as("sqop encrypt").isZero();
    assertThat(Tool.sqop(DATA, "verify", sig.toString(), certFile.toString()).code())
        .as("sqop verify")
        .isZero();
    assertThat(gpg.run(DATA, "--encrypt", "--recipient", fpr).code()).as("gpg encrypt").isZero();
  }

  /** A detached signature by the key's primary key, made now. */
  private byte[] sign(String fpr) throws Exception {
    Path data = Files.write(dir.resolve("data"), DATA);
    Path sig = dir.resolve("gpg.sig");
    gpg.run(
            new byte[0],
            "--local-user",
            fpr,
            "--output",
            sig.toString(),
            "--detach-sign",
            data.toString())
        .ok();
    return Files.readAllBytes(sig);
  }

  /**
   * An Ed25519 key made {@link #MADE} for {@link #OWNER} and {@link #OLD}, with an encryption
   * subkey.
   */
  private String key() {
    gpgAt(MADE, "--quick-gen-key", OWNER, "ed25519", "cert,sign", "never");
    String fpr = gpg.fingerprint("owner@example.com");
    gpgAt(MADE.plusSeconds(60), "--quick-add-key", fpr, "cv25519", "encr", "never");
    gpgAt(MADE.plusSeconds(120), "--quick-add-uid", fpr, OLD);
    return fpr;
  }

  /**
   * {@code revuid} on {@code userId} at {@link #REVOKED}, for the menu's reason, with {@code
   * comment}. The edit menu numbers the user IDs as {@code --list-keys} lists them (the newest
   * self-signature's first).
   */
  private void revokeUserId(String fpr, String userId, int menu, String comment) {
    int number = 1;
    for (String[] uid : CertificateMaintenanceInteropTest.colons(gpg, fpr, "uid")) {
      if (uid[9].equals(userId)) {
        break;
      }
      number++;
    }
    String reason = menu + "\n" + (comment.isEmpty() ? "" : comment + "\n") + "\ny\n";
    gpg.editKey(REVOKED, fpr, "uid " + number + "\nrevuid\ny\n" + reason + "save\n");
  }

  /** The user IDs {@code gpg --with-colons} marks revoked ({@code uid:r:}). */
  private List<String> gpgRevokedUserIds(String fpr) {
    List<String> revoked = new ArrayList<>();
    for (String[] uid : CertificateMaintenanceInteropTest.colons(gpg, fpr, "uid")) {
      if (uid[1].equals("r")) {
        revoked.add(uid[9]);
      }
    }
    return revoked;
  }

  private void gpgAt(Instant at, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--faked-system-time", Gpg.fakedTime(at), "--passphrase", ""));
    all.addAll(List.of(args));
    gpg.run(new byte[0], all.toArray(new String[0])).ok();
  }
}
