package dev.tributary.connectors.facebook;

import static dev.tributary.connectors.facebook.InsightsDescriptor.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The insights import's settings, read and checked once per call. */
record InsightsSettings(
    URI versionRoot,
    String account,
    List<String> fields,
    Level level,
    List<String> breakdowns,
    List<String> actionBreakdowns,
    @Nullable String datePreset,
    String timeIncrement,
    @Nullable LocalDate startDate,
    int initialDays,
    int restateDays,
    boolean includeToday,
    int daysPerReport,
    ZoneId zone,
    boolean async,
    int pageSize,
    Duration reportTimeout,
    Duration pollInterval,
    @Nullable Secret appSecret) {

  /** What a row is about, and the id fields that say which one. */
  enum Level {
    ACCOUNT(List.of("account_id")),
    CAMPAIGN(List.of("account_id", "campaign_id")),
    ADSET(List.of("account_id", "campaign_id", "adset_id")),
    AD(List.of("account_id", "campaign_id", "adset_id", "ad_id"));

    final List<String> ids;

    Level(List<String> ids) {
      this.ids = ids;
    }

    String param() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String NAME = "[a-z0-9_]+";

  static InsightsSettings of(ConnectorConfig c) {
    String preset = c.optionalString(DATE_PRESET).map(String::strip).orElse(null);
    if (preset != null && preset.isEmpty()) {
      preset = null;
    }
    String increment = c.string(TIME_INCREMENT).strip().toLowerCase(Locale.ROOT);
    checkIncrement(increment, preset != null);
    return new InsightsSettings(
        versionRoot(c),
        account(c.string(AD_ACCOUNT_ID)),
        names(c, FIELDS, false),
        level(c.string(LEVEL)),
        names(c, BREAKDOWNS, true),
        names(c, ACTION_BREAKDOWNS, true),
        preset == null ? null : name(preset, DATE_PRESET),
        increment,
        startDate(c),
        (int) range(c, INITIAL_DAYS, 1, 3650),
        (int) range(c, RESTATE_DAYS, 0, 90),
        c.bool(INCLUDE_TODAY),
        (int) range(c, DAYS_PER_REPORT, 1, 90),
        zone(c.string(TIME_ZONE)),
        mode(c.string(REPORT_MODE)),
        (int) range(c, PAGE_SIZE, 1, 5000),
        positive(c, REPORT_TIMEOUT),
        positive(c, POLL_INTERVAL),
        c.secret(APP_SECRET).filter(s -> !s.isEmpty()).orElse(null));
  }

  /** The fields asked for: the configured ones, then the level's ids and the currency. */
  List<String> requestFields() {
    Set<String> all = new LinkedHashSet<>(fields);
    all.addAll(level.ids);
    all.add("account_currency");
    return List.copyOf(all);
  }

  private static URI versionRoot(ConnectorConfig c) {
    String version = c.string(API_VERSION).strip();
    if (!version.matches("v\\d{1,3}\\.\\d{1,3}")) {
      throw problem(API_VERSION, "\"api_version\" must look like v23.0, not \"" + version + "\"");
    }
    String base = HttpSettings.endpoint(c).toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + version + "/");
  }

  static String account(String raw) {
    String id = raw.strip();
    String digits = id.startsWith("act_") ? id.substring(4) : id;
    if (!digits.matches("\\d{1,30}")) {
      throw problem(
          AD_ACCOUNT_ID,
          "\"ad_account_id\" must be act_ followed by the account's digits, not \"" + raw + "\"");
    }
    return "act_" + digits;
  }

  private static List<String> names(ConnectorConfig c, String setting, boolean mayBeEmpty) {
    List<String> names = new ArrayList<>();
    for (String value : c.list(setting)) {
      names.add(name(value, setting));
    }
    if (names.isEmpty() && !mayBeEmpty) {
      throw problem(setting, "\"" + setting + "\" must name at least one insights field");
    }
    return List.copyOf(new LinkedHashSet<>(names));
  }

  private static String name(String value, String setting) {
    if (!value.matches(NAME)) {
      throw problem(
          setting,
          "\"" + setting + "\" holds \"" + value + "\": Meta's names are lower_snake_case");
    }
    return value;
  }

  private static Level level(String raw) {
    try {
      return Level.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw problem(LEVEL, "\"level\" must be account, campaign, adset or ad, not \"" + raw + "\"");
    }
  }

  private static void checkIncrement(String increment, boolean preset) {
    boolean days = increment.matches("\\d{1,2}") && Integer.parseInt(increment) >= 1;
    if (!(days && Integer.parseInt(increment) <= 90)
        && !increment.equals("monthly")
        && !increment.equals("all_days")) {
      throw problem(
          TIME_INCREMENT,
          "\"time_increment\" must be 1 to 90 (days), monthly or all_days, not \""
              + increment
              + "\"");
    }
    if (!preset && !increment.equals("1")) {
      throw problem(
          TIME_INCREMENT,
          "\"time_increment\" other than 1 needs a date_preset: the day-by-day import reads one"
              + " row per day");
    }
  }

  private static @Nullable LocalDate startDate(ConnectorConfig c) {
    String raw = c.optionalString(START_DATE).map(String::strip).orElse("");
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw problem(START_DATE, "\"start_date\" must be a date such as 2026-01-31, not " + raw);
    }
  }

  private static long range(ConnectorConfig c, String name, long min, long max) {
    long value = c.integer(name);
    if (value < min || value > max) {
      throw problem(name, "\"" + name + "\" must be " + min + " to " + max + ", not " + value);
    }
    return value;
  }

  private static ZoneId zone(String raw) {
    try {
      return ZoneId.of(raw.strip());
    } catch (DateTimeException e) {
      throw problem(
          TIME_ZONE, "\"time_zone\" must be a time zone such as America/New_York, not " + raw);
    }
  }

  private static boolean mode(String raw) {
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "async" -> true;
      case "sync" -> false;
      default -> throw problem(REPORT_MODE, "\"report_mode\" must be async or sync, not " + raw);
    };
  }

  private static Duration positive(ConnectorConfig c, String name) {
    Duration d = c.duration(name);
    if (d.isZero() || d.isNegative()) {
      throw problem(name, "\"" + name + "\" must be positive");
    }
    return d;
  }

  private static ConfigException problem(String setting, String message) {
    return new ConfigException(setting, message, null);
  }
}
