package dev.tributary.pgp;

import static dev.tributary.pgp.RevocationReasonTest.ABSENT;
import static dev.tributary.pgp.RevocationReasonTest.revokeUserId;
import static dev.tributary.pgp.RevocationReasonTest.signingPrimary;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.BOUND;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA256;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.USER_ID;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a user ID was revoked: {@link KeyDescription#revocation(String)} gives the revocation's date,
 * reason and comment as {@link ComponentKey#revocation()} does for a key, and {@code toString()}
 * names them. {@code revokedUserIds()} only said which user IDs were revoked, not when or why.
 */
class UserIdRevocationTest {
  private static final String OTHER = "Other <other@example.com>";

  @ParameterizedTest(name = "reason {0}")
  @ValueSource(ints = {32, 0, ABSENT, 3, 105})
  void revokedUserId_describedWithItsDateReasonAndComment(int reason) throws Exception {
    Builder b = signingPrimary().userId(OTHER, SHA256, BOUND);
    Instant revoked = hoursAgo(2);
    PgpCertificate cert = revokeUserId(b.build().certificate(), b.primary, revoked, OTHER, reason);
    String words =
        switch (reason) {
          case 32 -> "user ID no longer valid";
          case 0 -> "no reason specified";
          case ABSENT -> "no reason given";
          case 3 -> "key retired";
          default -> "private reason 105";
        };
    boolean soft = reason == 32 || reason == 3;
    String comment = reason == ABSENT ? "" : "reason " + reason;

    KeyDescription d = cert.describe();

    KeyRevocation expected = new KeyRevocation(revoked, reason, words, !soft, comment);
    assertThat(d.revocation(OTHER)).hasValue(expected);
    assertThat(d.userIdRevocations()).isEqualTo(Map.of(OTHER, expected));
    assertThat(d.revocation(USER_ID)).isEmpty();
    assertThat(d.revokedUserIds()).containsExactly(OTHER);
    assertThat(d.isRevoked(OTHER)).isTrue();
    assertThat(d.toString())
        .contains(
            "uid "
                + OTHER
                + " REVOKED (on "
                + revoked.toString().substring(0, 10)
                + ": "
                + words
                + (soft ? ", a soft revocation" : ", a hard revocation")
                + (comment.isEmpty() ? "" : "; comment \"" + comment + "\"")
                + ")\n");
    assertThat(d.toString()).contains("uid " + USER_ID + "\n");
  }

  @Test
  void onlyUserIdRevoked_itsRevocationIsTheOneThatMakesTheKeyUnusable() throws Exception {
    Builder b = signingPrimary();
    PgpCertificate cert =
        revokeUserId(b.build().certificate(), b.primary, hoursAgo(2), USER_ID, 32);

    KeyDescription d = cert.describe();

    assertThat(d.revocation(USER_ID).orElseThrow().kind())
        .isEqualTo("user ID no longer valid, a soft revocation");
    assertThat(d.primaryKey().whyUnusable())
        .hasValue(
            "its user IDs are all revoked, on "
                + hoursAgo(2).toString().substring(0, 10)
                + ": "
                + d.revocation(USER_ID).orElseThrow().kind());
  }

  @Test
  void userIdRevokedAfterTheTimeDescribed_isNotRevokedThen() throws Exception {
    Builder b = signingPrimary().userId(OTHER, SHA256, BOUND);
    PgpCertificate cert = revokeUserId(b.build().certificate(), b.primary, hoursAgo(2), OTHER, 32);

    KeyDescription before = cert.describe(hoursAgo(3));

    assertThat(before.revocation(OTHER)).isEmpty();
    assertThat(before.userIdRevocations()).isEmpty();
    assertThat(before.toString()).contains("uid " + OTHER + "\n");
  }

  @Test
  void constructor_refusesARevocationOfAUserIdNotRevoked_andTheOldOneHasNoDetails() {
    KeyRevocation revocation =
        new KeyRevocation(Instant.EPOCH, 32, "user ID no longer valid", false, "");

    assertThatThrownBy(
            () ->
                new KeyDescription(
                    "F", List.of(OTHER), List.of(), Map.of(OTHER, revocation), false, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "userIdRevocations names a user ID that is not among revokedUserIds: \""
                + OTHER
                + "\"");
    KeyDescription old = new KeyDescription("F", List.of(OTHER), List.of(OTHER), false, List.of());
    assertThat(old.isRevoked(OTHER)).isTrue();
    assertThat(old.revocation(OTHER)).isEmpty();
    assertThat(old.toString()).endsWith("uid " + OTHER + " REVOKED");
  }
}
