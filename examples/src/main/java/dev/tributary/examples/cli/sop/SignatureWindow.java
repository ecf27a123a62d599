package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.SignatureVerification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.jspecify.annotations.Nullable;

/**
 * The time window of {@code verify --not-before/--not-after} (and {@code decrypt
 * --verify-not-before/--verify-not-after}): a signature made outside it does not count. Each bound
 * is a draft DATE: an ISO 8601 date and time with a time zone ({@code 2024-05-01T12:00:00Z}, {@code
 * 2024-05-01T14:00:00+02:00}, {@code 20240501T120000Z}), a date alone ({@code 2024-05-01}, a day in
 * UTC: a lower bound from its start, an upper bound to its end, as Sequoia's sop reads it), {@code
 * now}, or {@code -} for no bound. The lower bound defaults to none, the upper to now. Both bounds
 * are inclusive.
 *
 * <p>An upper bound of {@code now} allows {@link SignatureVerification#CLOCK_SKEW_TOLERANCE} more:
 * a signature made on a machine whose clock runs ahead, or made in the next second by a signer that
 * started after this verifier (signature times are whole seconds), still counts. Sequoia allows the
 * same. The library itself finds a signature made later than that after its clock's "now" not valid
 * ("made in the future"), so an upper bound later than that admits no more than {@code now} does,
 * as in Sequoia's sop.
 *
 * @param notBefore the earliest creation time that counts, or {@code null} for none
 * @param notAfter the latest creation time that counts, or {@code null} for none
 */
record SignatureWindow(@Nullable Instant notBefore, @Nullable Instant notAfter) {
  /**
   * Built on first use: every decrypt and verify meets this class, few give a basic-format DATE.
   */
  private static final class Basic {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssX");

    private Basic() {}
  }

  /** Adds {@code verify}'s {@code --not-before} and {@code --not-after} to {@code options}. */
  static Options withOptions(Options options) {
    return options
        .addOption(
            Verb.value(
                "not-before", "DATE", "Signatures made before DATE do not count (default: -)."))
        .addOption(
            Verb.value(
                "not-after",
                "DATE",
                "Signatures made after DATE do not count (default: now, allowing "
                    + SignatureVerification.CLOCK_SKEW_TOLERANCE.toMinutes()
                    + " minutes of clock skew)."));
  }

  /** The window {@code line}'s two options give, read as of {@code now}. */
  static SignatureWindow of(CommandLine line, String notBefore, String notAfter, Instant now) {
    String upper = Verb.single(line, notAfter, "now");
    return new SignatureWindow(
        date(notBefore, Verb.single(line, notBefore, "-"), now, false),
        upper.equals("now")
            ? now.plus(SignatureVerification.CLOCK_SKEW_TOLERANCE)
            : date(notAfter, upper, now, true));
  }

  boolean contains(Instant created) {
    return (notBefore == null || !created.isBefore(notBefore))
        && (notAfter == null || !created.isAfter(notAfter));
  }

  /** Whether {@code v} is a valid signature made within the window. */
  boolean counts(SignatureVerification v) {
    return v.valid() && contains(v.created());
  }

  /**
   * The valid signatures within the window as {@code verify} prints them, one line each; none is
   * {@code NO_SIGNATURE} (3), saying why.
   */
  String verificationLines(List<SignatureVerification> results) {
    StringBuilder lines = new StringBuilder();
    for (SignatureVerification v : results) {
      if (counts(v)) {
        lines.append(SopIo.verificationLine(v));
      }
    }
    if (lines.length() == 0) {
      throw new SopExit.Failure(SopExit.NO_SIGNATURE, "no valid signature" + why(results));
    }
    return lines.toString();
  }

  private static String why(List<SignatureVerification> results) {
    if (results.isEmpty()) {
      return "";
    }
    return results.stream().anyMatch(SignatureVerification::valid)
        ? " within --not-before and --not-after"
        : ": " + results.get(0).failure().orElse("");
  }

  /**
   * The draft DATE {@code value} of {@code option}: {@code null} for {@code -}. A date alone is a
   * day in UTC: its last second when {@code upperBound} (signature times are whole seconds), its
   * start otherwise.
   */
  static @Nullable Instant date(String option, String value, Instant now, boolean upperBound) {
    if (value.equals("-")) {
      return null;
    }
    if (value.equals("now")) {
      return now;
    }
    for (DateTimeFormatter format :
        new DateTimeFormatter[] {DateTimeFormatter.ISO_OFFSET_DATE_TIME, Basic.FORMAT}) {
      try {
        return OffsetDateTime.parse(value, format).toInstant();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    try {
      Instant start =
          LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      return upperBound ? start.plus(Duration.ofDays(1)).minusSeconds(1) : start;
    } catch (DateTimeParseException e) {
      // not a date alone either
    }
    throw new SopExit.Failure(
        SopExit.UNSUPPORTED_OPTION,
        "--"
            + option
            + " must be an ISO 8601 date and time with a time zone (2024-05-01T12:00:00Z), a"
            + " date (2024-05-01, in UTC), now, or - for no bound: "
            + value);
  }
}
