package dev.tributary.pgp.internal;

import java.time.Instant;
import java.util.Date;

/**
 * A date's day in UTC, as in 2026-12-05: how refusals, reasons and descriptions give dates. The day
 * is what {@link Instant#toString()} gives before its {@code T}, so a year after 9999 or before
 * 0000 keeps its sign and all its digits ({@code +10000-01-01}, {@code -0001-12-31}), where the
 * first ten characters would cut it; the whole range of {@link Instant}, which {@code
 * DateTimeFormatter.ISO_LOCAL_DATE} does not cover (its years end at 999,999,999), is given.
 * OpenPGP's own dates, 32-bit seconds since 1970 plus at most as many again for an expiry, stay
 * within 1970 to 2242; the public records ({@code KeyDescription}, {@code KeyRevocation}) take any.
 */
public final class Days {
  private Days() {}

  /** {@code instant}'s day in UTC, as in 2026-12-05. */
  public static String of(Instant instant) {
    String iso = instant.toString();
    return iso.substring(0, iso.indexOf('T'));
  }

  /** {@code date}'s day in UTC, as in 2026-12-05. */
  public static String of(Date date) {
    return of(date.toInstant());
  }
}
