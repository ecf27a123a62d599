package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.NoAuthorization;
import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.sftp.ExistingTarget;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one file export, read from its configuration and authorization and checked: the
 * columns, the CSV dialect, the layers (gzip, PGP) and how the file is named.
 */
record ExportSettings(
    String audience,
    Format format,
    ExportColumns columns,
    CsvDialect csv,
    boolean gzip,
    @Nullable PgpPublicKey recipient,
    boolean armor,
    String fileNameTemplate,
    ZoneId zone,
    boolean skipEmpty) {

  /** The encodings an export writes. */
  enum Format {
    CSV("csv"),
    JSONL("jsonl");

    final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    static Format parse(String value, String setting) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> CSV;
        case "jsonl", "ndjson", "json_lines" -> JSONL;
        default ->
            throw new ConfigException(
                setting, "\"" + setting + "\" must be csv or jsonl, not \"" + value + "\"", null);
      };
    }
  }

  /**
   * @throws ConfigException naming the setting that is wrong
   */
  static ExportSettings of(ConnectorConfig config, Authorization authorization) {
    PgpPublicKey recipient = null;
    if (authorization instanceof PgpPublicKey key) {
      recipient = key;
    } else if (!(authorization instanceof NoAuthorization)) {
      throw new ConfigException(
          "authorization",
          "a file export takes a PGP public key (to encrypt the file) or no authorization, not a "
              + authorization.kind(),
          null);
    }
    String audience = config.string("audience").strip();
    if (audience.isEmpty()) {
      throw new ConfigException("audience", "\"audience\" must not be blank", null);
    }
    return new ExportSettings(
        audience,
        Format.parse(config.string("format"), "format"),
        ExportColumns.of(config),
        CsvDialect.forExport(config),
        config.bool("gzip"),
        recipient,
        config.bool("armor"),
        config.string("file_name"),
        zone(config.string("time_zone")),
        config.bool("skip_empty"));
  }

  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new ConfigException(
          "time_zone",
          "\"time_zone\" must be a zone such as UTC or Europe/Berlin, not \"" + value + "\"",
          e);
    }
  }

  /**
   * The file's extension as the layers make it: {@code csv}, {@code csv.gz}, {@code csv.gz.pgp}.
   */
  String extension() {
    String ext = format.extension + (gzip ? ".gz" : "");
    if (recipient != null) {
      ext += armor ? ".asc" : ".pgp";
    }
    return ext;
  }

  /**
   * The {@code if_exists} setting for one delivery: a {@code resumed} delivery overwrites where
   * {@code fail} would refuse, since the file there is its own from an attempt that did not commit.
   */
  static ExistingTarget ifExists(ConnectorConfig config, boolean resumed) {
    ExistingTarget existing = ifExists(config);
    return resumed && existing == ExistingTarget.FAIL ? ExistingTarget.OVERWRITE : existing;
  }

  /** The {@code if_exists} setting. */
  static ExistingTarget ifExists(ConnectorConfig config) {
    String value = config.string("if_exists");
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "fail" -> ExistingTarget.FAIL;
      case "overwrite" -> ExistingTarget.OVERWRITE;
      case "skip" -> ExistingTarget.SKIP;
      default ->
          throw new ConfigException(
              "if_exists",
              "\"if_exists\" must be fail, overwrite or skip, not \"" + value + "\"",
              null);
    };
  }
}
