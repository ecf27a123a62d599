package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User IDs that {@code gpg --edit-key … revuid} revoked, with each reason gpg offers for one (0,
 * "no reason specified", and 32, "user ID no longer valid"), and a comment of one line or of two
 * (gpg takes several lines; they are kept, and escaped when shown). Ours reads the date, reason and
 * comment that {@code gpg --list-packets} shows, and marks the user ID revoked where {@code gpg
 * --with-colons} does.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class UserIdRevocationInteropTest {
  private static final Instant MADE = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant REVOKED = Instant.parse("2025-03-01T00:00:00Z");
  private static final String OWNER = "Owner <owner@example.com>";
  private static final String OLD = "Old <old@example.com>";

  @RegisterExtension final Gpg gpg = Gpg.perTest();

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
    byte[] commands =
        ("uid " + number + "\nrevuid\ny\n" + reason + "save\n").getBytes(StandardCharsets.UTF_8);
    gpg.run(
            commands,
            "--faked-system-time",
            Gpg.fakedTime(REVOKED),
            "--command-fd",
            "0",
            "--edit-key",
            fpr)
        .ok();
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
