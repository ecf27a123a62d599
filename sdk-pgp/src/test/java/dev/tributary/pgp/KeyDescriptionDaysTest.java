package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyDescription#toString()} gives each date as its day in UTC, whatever the year: a public
 * record takes any {@link Instant}, and the first ten characters of {@code Instant.toString()},
 * which it gave, cut a year after 9999 ("+10000-01-") or the largest ("+100000000").
 */
class KeyDescriptionDaysTest {
  private static final String USER_ID = "Far <far@example.com>";

  private static KeyDescription described(
      Instant created, Instant expires, Instant keyRevoked, Instant userIdRevoked) {
    KeyRevocation ofUserId =
        new KeyRevocation(userIdRevoked, 32, "user ID no longer valid", false, "");
    KeyRevocation ofKey = new KeyRevocation(keyRevoked, 1, "key superseded", false, "");
    ComponentKey primary =
        new ComponentKey(
            "F",
            "0123456789ABCDEF",
            4,
            true,
            "Ed25519",
            255,
            created,
            expires,
            Set.of(KeyCapability.CERTIFY),
            false,
            ofKey,
            false,
            null);
    return new KeyDescription(
        "F",
        List.of(USER_ID),
        List.of(USER_ID),
        Map.of(USER_ID, ofUserId),
        false,
        List.of(primary));
  }

  private static String expected(String created, String expires, String keyRevoked, String uid) {
    return "public key F\n  uid "
        + USER_ID
        + " REVOKED (on "
        + uid
        + ": user ID no longer valid, a soft revocation)\n  pub Ed25519 255 v4 0123456789ABCDEF"
        + " created "
        + created
        + " expires "
        + expires
        + " [CERTIFY] (revoked on "
        + keyRevoked
        + ": key superseded, a soft revocation, then bound again)";
  }

  @Test
  void datesInTheYears0000To9999_areTheirDayInUtc() {
    KeyDescription d =
        described(
            Instant.parse("2026-12-05T23:59:59Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("1970-01-01T00:00:00Z"));

    assertThat(d.toString())
        .isEqualTo(expected("2026-12-05", "9999-12-31", "0000-01-01", "1970-01-01"));
  }

  @Test
  void datesAfter9999AndBefore0000_keepTheirWholeYear() {
    KeyDescription d =
        described(
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.MAX,
            Instant.parse("-0001-12-31T23:59:59Z"),
            Instant.MIN);

    assertThat(d.toString())
        .isEqualTo(
            expected("+10000-01-01", "+1000000000-12-31", "-0001-12-31", "-1000000000-01-01"));
  }
}
