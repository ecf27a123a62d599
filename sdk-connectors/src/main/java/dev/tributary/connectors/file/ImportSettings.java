package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.NoAuthorization;
import dev.tributary.core.auth.PgpPrivateKey;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.sftp.AfterRead;
import dev.tributary.sftp.Readiness;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The checked settings of a file import. */
record ImportSettings(
    String directory,
    String pattern,
    String format,
    CsvDialect csv,
    List<String> columns,
    Readiness readiness,
    AfterRead afterRead,
    @Nullable String failedDirectory,
    boolean verifyFirst,
    int pageSize,
    @Nullable PgpPrivateKey key) {

  /**
   * @throws ConfigException naming the setting that is wrong
   */
  static ImportSettings of(ConnectorConfig config, Authorization authorization) {
    PgpPrivateKey key = null;
    if (authorization instanceof PgpPrivateKey k) {
      key = k;
    } else if (!(authorization instanceof NoAuthorization)) {
      throw new ConfigException(
          "authorization",
          "a file import takes a PGP private key (to decrypt files) or no authorization, not a "
              + authorization.kind(),
          null);
    }
    String format = config.string("format").strip().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "csv", "jsonl").contains(format)) {
      throw new ConfigException(
          "format", "\"format\" must be auto, csv or jsonl, not \"" + format + "\"", null);
    }
    CsvDialect csv = CsvDialect.forImport(config);
    List<String> columns = config.list("columns");
    if (!csv.header() && columns.isEmpty()) {
      throw new ConfigException(
          "columns", "without a header, \"columns\" must name the CSV columns in order", null);
    }
    long pageSize = config.integer("page_size");
    if (pageSize < 1 || pageSize > 100_000) {
      throw new ConfigException("page_size", "\"page_size\" must be 1 to 100000", null);
    }
    String failed = config.string("failed_directory").strip();
    return new ImportSettings(
        config.string("directory").strip(),
        config.string("pattern").strip(),
        format,
        csv,
        columns,
        readiness(config),
        afterRead(config),
        failed.isEmpty() ? null : failed,
        config.bool("verify_first"),
        (int) pageSize,
        key);
  }

  private static Readiness readiness(ConnectorConfig config) {
    String done = config.string("done_file").strip();
    Optional<String> stable = config.optionalString("stable_for");
    if (!done.isEmpty() && stable.isPresent()) {
      throw new ConfigException("stable_for", "choose done_file or stable_for, not both", null);
    }
    if (!done.isEmpty()) {
      try {
        return Readiness.doneFile(done);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("done_file", e.getMessage(), e);
      }
    }
    return stable.isPresent()
        ? Readiness.sizeStableFor(config.duration("stable_for"))
        : Readiness.immediately();
  }

  private static AfterRead afterRead(ConnectorConfig config) {
    String value = config.string("after_read").strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "leave" -> AfterRead.leave();
      case "delete" -> AfterRead.delete();
      case "archive" -> AfterRead.moveTo(config.string("archive_directory").strip());
      default ->
          throw new ConfigException(
              "after_read",
              "\"after_read\" must be leave, delete or archive, not \"" + value + "\"",
              null);
    };
  }

  /** Whether {@code name} is read as JSON Lines. */
  boolean jsonLines(String name) {
    if (!format.equals("auto")) {
      return format.equals("jsonl");
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains(".jsonl") || n.contains(".ndjson");
  }

  /** What identifies a {@code FileImport} built from these settings. */
  String importKey() {
    return String.join(
        "\u0000",
        directory,
        pattern,
        readiness.toString(),
        afterRead.toString(),
        String.valueOf(failedDirectory));
  }
}
