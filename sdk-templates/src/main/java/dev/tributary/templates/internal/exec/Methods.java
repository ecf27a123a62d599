package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.gotime.GoDurations;
import dev.tributary.templates.internal.gotime.GoTimes;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoTime;
import dev.tributary.templates.internal.value.GoType;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The methods of Go's {@code time.Time} and {@code time.Duration} that templates call ({@code
 * .Year}, {@code .Format "Jan 2"}, {@code .Hours}), implemented here; templates reach no Java
 * methods. Stateless.
 */
final class Methods {
  private static final List<GoType> NONE = List.of();

  private Methods() {}

  static @Nullable GoFunction find(Object receiver, String name) {
    if (receiver instanceof GoTime t) {
      return timeMethod(t, name);
    }
    if (receiver instanceof GoInt i) {
      if (i.goType() == GoType.DURATION) {
        return durationMethod(i.bits(), name);
      }
      if ((i.goType() == GoType.MONTH || i.goType() == GoType.WEEKDAY) && name.equals("String")) {
        String s =
            i.goType() == GoType.MONTH
                ? GoTimes.monthName(i.bits())
                : GoTimes.weekdayName(i.bits());
        return GoFunction.of(name, GoType.STRING, NONE, (env, a) -> s);
      }
    }
    return null;
  }

  private static GoFunction getter(String name, GoType result, Object value) {
    return GoFunction.of(name, result, NONE, (env, a) -> value);
  }

  private static @Nullable GoFunction timeMethod(GoTime t, String name) {
    ZonedDateTime z = t.time();
    return switch (name) {
      case "Year" -> getter(name, GoType.INT, (long) z.getYear());
      case "Month" -> getter(name, GoType.MONTH, new GoInt(z.getMonthValue(), GoType.MONTH));
      case "Day" -> getter(name, GoType.INT, (long) z.getDayOfMonth());
      case "Hour" -> getter(name, GoType.INT, (long) z.getHour());
      case "Minute" -> getter(name, GoType.INT, (long) z.getMinute());
      case "Second" -> getter(name, GoType.INT, (long) z.getSecond());
      case "Nanosecond" -> getter(name, GoType.INT, (long) z.getNano());
      case "YearDay" -> getter(name, GoType.INT, (long) z.getDayOfYear());
      case "Weekday" ->
          getter(name, GoType.WEEKDAY, new GoInt(z.getDayOfWeek().getValue() % 7, GoType.WEEKDAY));
      case "Unix" -> getter(name, GoType.INT64, GoInt.int64(z.toEpochSecond()));
      case "UnixMilli" -> getter(name, GoType.INT64, GoInt.int64(z.toInstant().toEpochMilli()));
      case "String" -> getter(name, GoType.STRING, GoTimes.string(t));
      case "UTC" -> getter(name, GoType.TIME, new GoTime(z.withZoneSameInstant(ZoneOffset.UTC)));
      case "IsZero" -> getter(name, GoType.BOOL, z.toInstant().equals(GoTimes.ZERO_INSTANT));
      default -> timeMethodWithArgs(t, name);
    };
  }

  private static @Nullable GoFunction timeMethodWithArgs(GoTime t, String name) {
    ZonedDateTime z = t.time();
    return switch (name) {
      case "Local" ->
          GoFunction.of(
              name,
              GoType.TIME,
              NONE,
              (env, a) -> new GoTime(z.withZoneSameInstant(env.localZone())));
      case "Format" ->
          GoFunction.of(
              name,
              GoType.STRING,
              List.of(GoType.STRING),
              (env, a) -> GoTimes.format(t, (String) a[0]));
      case "Before", "After", "Equal" ->
          GoFunction.of(
              name,
              GoType.BOOL,
              List.of(GoType.TIME),
              (env, a) -> {
                int c = z.toInstant().compareTo(((GoTime) a[0]).time().toInstant());
                return name.equals("Before") ? c < 0 : name.equals("After") ? c > 0 : c == 0;
              });
      case "AddDate" ->
          GoFunction.of(
              name,
              GoType.TIME,
              List.of(GoType.INT, GoType.INT, GoType.INT),
              (env, a) -> new GoTime(GoTimes.addDate(z, (Long) a[0], (Long) a[1], (Long) a[2])));
      case "Add" ->
          GoFunction.of(
              name,
              GoType.TIME,
              List.of(GoType.DURATION),
              (env, a) -> new GoTime(z.plus(Duration.ofNanos(((GoInt) a[0]).bits()))));
      case "Sub" ->
          GoFunction.of(
              name,
              GoType.DURATION,
              List.of(GoType.TIME),
              (env, a) -> {
                Duration d = Duration.between(((GoTime) a[0]).time(), z);
                return new GoInt(saturatedNanos(d), GoType.DURATION);
              });
      default -> null;
    };
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static @Nullable GoFunction durationMethod(long d, String name) {
    return switch (name) {
      case "Hours" -> getter(name, GoType.FLOAT64, fraction(d, 3_600_000_000_000L));
      case "Minutes" -> getter(name, GoType.FLOAT64, fraction(d, 60_000_000_000L));
      case "Seconds" -> getter(name, GoType.FLOAT64, fraction(d, 1_000_000_000L));
      case "Milliseconds" -> getter(name, GoType.INT64, GoInt.int64(d / 1_000_000L));
      case "String" -> getter(name, GoType.STRING, GoDurations.string(d));
      default -> null;
    };
  }

  /** Go's {@code Duration.Hours} and kin: whole units, plus the remainder as a fraction. */
  private static double fraction(long d, long unit) {
    long whole = d / unit;
    long rest = d % unit;
    return (double) whole + (double) rest / unit;
  }
}
