package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.SignatureVerification;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.commons.cli.CommandLine;
import org.jspecify.annotations.Nullable;

/**
 * The time window of {@code verify --not-before/--not-after} (and {@code decrypt
 * --verify-not-before/--verify-not-after}): a signature made outside it does not count. Each bound
 * is a draft DATE: an ISO 8601 date and time with a time zone ({@code 2024-05-01T12:00:00Z}, {@code
 * 2024-05-01T14:00:00+02:00}, {@code 20240501T120000Z}), {@code now}, or {@code -} for no bound.
 * The lower bound defaults to none, the upper to now. Both bounds are inclusive.
 *
 * @param notBefore the earliest creation time that counts, or {@code null} for none
 * @param notAfter the latest creation time that counts, or {@code null} for none
 */
record SignatureWindow(@Nullable Instant notBefore, @Nullable Instant notAfter) {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssX");

  /** The window {@code line}'s two options give, read as of {@code now}. */
  static SignatureWindow of(CommandLine line, String notBefore, String notAfter, Instant now) {
    return new SignatureWindow(
        date(notBefore, Verb.single(line, notBefore, "-"), now),
        date(notAfter, Verb.single(line, notAfter, "now"), now));
  }

  boolean contains(Instant created) {
    return (notBefore == null || !created.isBefore(notBefore))
        && (notAfter == null || !created.isAfter(notAfter));
  }

  /** Whether {@code v} is a valid signature made within the window. */
  boolean counts(SignatureVerification v) {
    return v.valid() && contains(v.created());
  }

  private static @Nullable Instant date(String option, String value, Instant now) {
    if (value.equals("-")) {
      return null;
    }
    if (value.equals("now")) {
      return now;
    }
    for (DateTimeFormatter format :
        new DateTimeFormatter[] {DateTimeFormatter.ISO_OFFSET_DATE_TIME, BASIC}) {
      try {
        return OffsetDateTime.parse(value, format).toInstant();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    throw new SopExit.Failure(
        SopExit.UNSUPPORTED_OPTION,
        "--"
            + option
            + " must be an ISO 8601 date and time with a time zone (2024-05-01T12:00:00Z),"
            + " now, or - for no bound: "
            + value);
  }
}
