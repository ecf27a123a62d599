package dev.tributary.pgp;

import static dev.tributary.pgp.RevocationReasonTest.revokeKey;
import static dev.tributary.pgp.RevocationReasonTest.revokeUserId;
import static dev.tributary.pgp.RevocationReasonTest.signingPrimary;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.BOUND;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA256;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Revocation comments and user IDs read from a certificate are whoever made it's text: one with an
 * escape sequence, a line break or a bidirectional override could make a terminal or a log show
 * something else (clear the screen, add a line that looks like ours, reverse a key ID). {@code
 * KeyRevocation.toString()} printed the comment as it is, and {@code KeyDescription.toString()} the
 * user IDs; both now escape what would not show as written, and {@code comment()} still gives the
 * text as it is.
 */
class RevocationCommentEscapingTest {
  /** Clears the screen, starts a new line that looks like ours, and reverses "ABCD". */
  static final String HOSTILE =
      "\u001b[2J\r\n  sub Ed25519 255 v4 0000000000000000 \\ \"ok\" \u202eABCD\u202c \u200b";

  static final String ESCAPED =
      "\\u001b[2J\\u000d\\u000a  sub Ed25519 255 v4 0000000000000000 \\\\ \\\"ok\\\""
          + " \\u202eABCD\\u202c \\u200b";

  @Test
  void keyRevocationComment_escapedInToString_keptAsItIsInComment() throws Exception {
    Builder b = signingPrimary();
    Instant revoked = hoursAgo(2);
    PgpCertificate cert = revokeKey(b.build().certificate(), b.primary, revoked, 2, HOSTILE);
    KeyDescription d = cert.describe();
    KeyRevocation revocation = d.primaryKey().revocation();

    assertThat(revocation.comment()).isEqualTo(HOSTILE);
    assertThat(revocation.toString())
        .isEqualTo(
            "KeyRevocation[date="
                + revoked
                + ", reasonCode=2, reason=key compromised, hard=true, comment=\""
                + ESCAPED
                + "\"]");
    assertShownAsWritten(d.primaryKey().toString());
    assertShownAsWritten(d.toString());
    assertThat(d.toString()).contains(" revocation comment \"" + ESCAPED + "\"");
    assertThat(d.toString().lines()).hasSize(1 + d.userIds().size() + d.keys().size());
  }

  @Test
  void userIdRevocationComment_escapedInToString() throws Exception {
    String other = "Other <other@example.com>";
    Builder b = signingPrimary().userId(other, SHA256, BOUND);
    PgpCertificate cert =
        revokeUserId(b.build().certificate(), b.primary, hoursAgo(2), other, 32, HOSTILE);
    KeyDescription d = cert.describe();

    assertThat(d.revocation(other).orElseThrow().comment()).isEqualTo(HOSTILE);
    assertShownAsWritten(d.toString());
    assertThat(d.toString())
        .contains(
            "uid "
                + other
                + " REVOKED (on "
                + hoursAgo(2).toString().substring(0, 10)
                + ": user ID no longer valid, a soft revocation; comment \""
                + ESCAPED
                + "\")");
    assertThat(d.toString().lines()).hasSize(1 + d.userIds().size() + d.keys().size());
  }

  @Test
  void userId_withControlAndBidiCharacters_escapedInToString_keptInUserIds() throws Exception {
    String hostile = "Mallory\n  uid Alice <alice@example.com> \u202eCBA\u202c";
    Builder b = signingPrimary().userId(hostile, SHA256, BOUND);
    KeyDescription d = b.build().describe();

    assertThat(d.userIds()).contains(hostile);
    assertShownAsWritten(d.toString());
    assertThat(d.toString())
        .contains("uid Mallory\\u000a  uid Alice <alice@example.com> \\u202eCBA\\u202c\n");
    assertThat(d.toString().lines()).hasSize(1 + d.userIds().size() + d.keys().size());
  }

  /** No control characters but line feeds between lines, no format or separator characters. */
  private static void assertShownAsWritten(String text) {
    assertThat(text.codePoints().filter(c -> c != '\n'))
        .noneMatch(
            c ->
                Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
  }
}
