package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.A;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.T;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.s;

import dev.tributary.templates.internal.fmt.GoNumbers;
import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.gotime.GoDurations;
import dev.tributary.templates.internal.gotime.GoTimeParser;
import dev.tributary.templates.internal.gotime.GoTimes;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoTime;
import dev.tributary.templates.internal.value.GoType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * sprig's date functions with Go layouts ({@code "2006-01-02 15:04"}). Where Go reads the process's
 * clock and local zone, these read the engine's {@code clock} and {@code timeZone}. As in sprig,
 * {@code date} takes a {@code time.Time} or an integer of Unix seconds; anything else (a JSON
 * number is a float64) means "now".
 */
final class SprigDates {
  private SprigDates() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(fn("date", S, List.of(S, A), (e, a) -> dateInZone(e, s(a[0]), a[1], "Local")));
    f.add(fn("dateInZone", S, List.of(S, A, S), (e, a) -> dateInZone(e, s(a[0]), a[1], s(a[2]))));
    f.add(fn("date_in_zone", S, List.of(S, A, S), (e, a) -> dateInZone(e, s(a[0]), a[1], s(a[2]))));
    f.add(fn("htmlDate", S, List.of(A), (e, a) -> dateInZone(e, "2006-01-02", a[0], "Local")));
    f.add(
        fn(
            "htmlDateInZone",
            S,
            List.of(A, S),
            (e, a) -> dateInZone(e, "2006-01-02", a[0], s(a[1]))));
    f.add(fn("dateModify", T, List.of(S, T), (e, a) -> modify(s(a[0]), (GoTime) a[1], false)));
    f.add(fn("date_modify", T, List.of(S, T), (e, a) -> modify(s(a[0]), (GoTime) a[1], false)));
    f.add(fn("mustDateModify", T, List.of(S, T), (e, a) -> modify(s(a[0]), (GoTime) a[1], true)));
    f.add(fn("must_date_modify", T, List.of(S, T), (e, a) -> modify(s(a[0]), (GoTime) a[1], true)));
    f.add(fn("now", T, List.of(), (e, a) -> now(e)));
    f.add(fn("toDate", T, List.of(S, S), (e, a) -> toDate(e, s(a[0]), s(a[1]), false)));
    f.add(fn("mustToDate", T, List.of(S, S), (e, a) -> toDate(e, s(a[0]), s(a[1]), true)));
    f.add(
        fn(
            "unixEpoch",
            S,
            List.of(T),
            (e, a) -> Long.toString(((GoTime) a[0]).time().toEpochSecond())));
    f.add(fn("ago", S, List.of(A), (e, a) -> ago(e, a[0])));
    f.add(fn("duration", S, List.of(A), (e, a) -> duration(a[0])));
    f.add(fn("durationRound", S, List.of(A), (e, a) -> durationRound(e, a[0])));
    return f;
  }

  private static GoTime now(FuncEnv env) {
    return new GoTime(ZonedDateTime.ofInstant(env.clock().instant(), env.localZone()));
  }

  /** The time sprig's {@code date} functions take: a time, Unix seconds, or else now. */
  private static ZonedDateTime timeOf(FuncEnv env, Object date) {
    if (date instanceof GoTime t) {
      return t.time();
    }
    GoType type = date == null ? null : dev.tributary.templates.internal.value.Values.typeOf(date);
    if (type == GoType.INT || type == GoType.INT64 || type == GoType.INT32) {
      long seconds = dev.tributary.templates.internal.value.Values.intBits(date);
      return ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds), env.localZone());
    }
    return now(env).time();
  }

  private static String dateInZone(FuncEnv env, String fmt, Object date, String zone) {
    ZonedDateTime t = timeOf(env, date);
    return GoTimes.format(new GoTime(t.withZoneSameInstant(loadLocation(env, zone))), fmt);
  }

  /** Go's {@code time.LoadLocation}, falling back to UTC as sprig does on error. */
  private static ZoneId loadLocation(FuncEnv env, String name) {
    if (name.isEmpty() || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (name.equals("Local")) {
      return env.localZone();
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static Object modify(String fmt, GoTime date, boolean must) throws FuncException {
    try {
      long d = GoDurations.parse(fmt);
      return new GoTime(date.time().plus(Duration.ofNanos(d)));
    } catch (GoDurations.ParseException e) {
      if (must) {
        throw new FuncException(e.getMessage());
      }
      return date;
    }
  }

  private static Object toDate(FuncEnv env, String fmt, String str, boolean must)
      throws FuncException {
    try {
      return GoTimeParser.parse(fmt, str, env.localZone());
    } catch (GoTimeParser.ParseException e) {
      if (must) {
        throw new FuncException(e.getMessage());
      }
      return new GoTime(GoTimes.ZERO_INSTANT.atZone(ZoneOffset.UTC));
    }
  }

  private static String ago(FuncEnv env, Object date) {
    ZonedDateTime t;
    if (date instanceof GoTime g) {
      t = g.time();
    } else if (date instanceof Long
        || date instanceof Integer
        || (date instanceof GoInt i && i.goType() == GoType.INT64)) {
      t =
          ZonedDateTime.ofInstant(
              Instant.ofEpochSecond(dev.tributary.templates.internal.value.Values.intBits(date)),
              env.localZone());
    } else {
      t = now(env).time();
    }
    long nanos = Duration.between(t.toInstant(), env.clock().instant()).toNanos();
    return GoDurations.string(roundToSecond(nanos));
  }

  /** Go's {@code Duration.Round(time.Second)}: half away from zero. */
  private static long roundToSecond(long d) {
    long r = d % 1_000_000_000L;
    if (d < 0) {
      r = -r;
      return r + r < 1_000_000_000L ? d + r : d - (1_000_000_000L - r);
    }
    return r + r < 1_000_000_000L ? d - r : d + (1_000_000_000L - r);
  }

  private static String duration(Object sec) {
    long n = 0;
    if (sec instanceof String s) {
      try {
        n = GoNumbers.parseInt(s, 10);
      } catch (GoNumbers.NumberError e) {
        n = 0;
      }
    } else if (sec instanceof GoInt i && i.goType() == GoType.INT64) {
      n = i.bits();
    }
    return GoDurations.string(n * 1_000_000_000L);
  }

  private static String durationRound(FuncEnv env, Object duration) {
    long d = 0;
    if (duration instanceof String s) {
      try {
        d = GoDurations.parse(s);
      } catch (GoDurations.ParseException e) {
        d = 0;
      }
    } else if (duration instanceof GoInt i && i.goType() == GoType.INT64) {
      d = i.bits();
    } else if (duration instanceof GoTime t) {
      d = Duration.between(t.time().toInstant(), env.clock().instant()).toNanos();
    }
    long u = d < 0 ? -d : d;
    long hour = 3_600_000_000_000L;
    long[] units = {
      hour * 24 * 365, hour * 24 * 30, hour * 24, hour, 60_000_000_000L, 1_000_000_000L
    };
    String[] names = {"y", "mo", "d", "h", "m", "s"};
    for (int k = 0; k < units.length; k++) {
      if (Long.compareUnsigned(u, units[k]) > 0) {
        return Long.toUnsignedString(Long.divideUnsigned(u, units[k])) + names[k];
      }
    }
    return "0s";
  }
}
