package dev.tributary.pgp;

import dev.tributary.pgp.internal.TerminalText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a key, a subkey or a user ID was revoked, as its revocation signature says (RFC 9580, section
 * 5.2.3.31, "Reason for Revocation"), for {@link ComponentKey#revocation()} and {@link
 * KeyDescription#revocation(String)}.
 *
 * <p>A <em>soft</em> revocation (the key was superseded, 1, or retired, 3) ends the key's validity
 * on its date: what the key signed before stays valid. Any other reason makes a <em>hard</em> one:
 * none given, "no reason specified" (0), "key compromised" (2), a private or unknown code, and 32
 * ("user ID no longer valid"), which means something only for a user ID. Every signature a
 * hard-revoked key made is invalid, whenever it was made: whoever holds the key may have dated one
 * in the past.
 *
 * <p>A user ID is normally revoked with code 32, "user ID no longer valid", which is soft for a
 * user ID. Revoking one of several user IDs takes nothing from the key; once all are revoked, the
 * key cannot be used, and a hard revocation of the last one also makes what the key signed before
 * invalid.
 *
 * @param date when the revocation was made
 * @param reasonCode the reason's code (0, 1, 2, 3, 32; 100 to 110 are private), or -1 when the
 *     revocation gives none
 * @param reason the code in words: "key superseded", "key compromised", "key retired", "no reason
 *     specified", "user ID no longer valid", "no reason given" (-1), "private reason 101", "unknown
 *     reason 7"
 * @param hard whether the revocation is hard (see above)
 * @param comment what the key's owner wrote as the reason, possibly empty. Their text, unchecked:
 *     it may hold control characters, line breaks and bidirectional overrides, so escape it before
 *     showing it on a terminal or in a log line, as {@link #toString()} does
 */
public record KeyRevocation(
    Instant date, int reasonCode, String reason, boolean hard, String comment) {

  public KeyRevocation {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(comment, "comment");
  }

  /**
   * The reason as a {@link RevocationReason}, or empty when the revocation gives none, or a code
   * that is not one of those (32, private or unknown codes).
   */
  public Optional<RevocationReason> knownReason() {
    return Optional.ofNullable(RevocationReason.ofCode(reasonCode));
  }

  /** The reason and whether the revocation is hard, e.g. "key superseded, a soft revocation". */
  public String kind() {
    return reason + (hard ? ", a hard revocation" : ", a soft revocation");
  }

  /**
   * The record's fields, the comment quoted, with its control, format (bidirectional) and line
   * separating characters escaped (<code>&#92;u202e</code>): whoever wrote it cannot change what a
   * terminal or a log shows around it.
   */
  @Override
  public String toString() {
    return "KeyRevocation[date="
        + date
        + ", reasonCode="
        + reasonCode
        + ", reason="
        + reason
        + ", hard="
        + hard
        + ", comment="
        + TerminalText.quote(comment)
        + "]";
  }
}
