package dev.tributary.connectors.file;

import dev.tributary.core.auth.NoAuthorization;
import dev.tributary.core.auth.PgpPrivateKey;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import org.jspecify.annotations.Nullable;

/** The SFTP file import's descriptor. */
final class ImportDescriptor {
  static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("sftp-file-import")
          .name("SFTP file import")
          .description(
              "Polls an SFTP directory for CSV or JSON Lines files — PGP-encrypted and gzipped or"
                  + " not — and imports each ready file once: rows mapped to identities and user"
                  + " fields, resolved into profiles, unmapped columns kept as raw event fields."
                  + " A bad row is reported with its line number and the rest of the file"
                  + " imports.")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.IMPORT)
          .techniques(Technique.FILE_TRANSFER)
          .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
          .resultingData(
              ResultingData.PROFILES, ResultingData.USER_FIELDS, ResultingData.RAW_EVENTS)
          .config(opt("directory", ConfigFieldType.STRING, "The remote directory to poll.", ""))
          .config(
              opt(
                  "pattern",
                  ConfigFieldType.STRING,
                  "Which files to import: a glob such as *.csv or {*.csv,*.csv.gz.pgp}.",
                  "*"))
          .config(
              opt(
                  "format",
                  ConfigFieldType.STRING,
                  "csv, jsonl, or auto (jsonl for names with .jsonl or .ndjson, else csv).",
                  "auto"))
          .config(
              opt(
                  "header",
                  ConfigFieldType.BOOLEAN,
                  "Whether CSV files start with a header.",
                  "true"))
          .config(
              opt(
                  "columns",
                  ConfigFieldType.LIST,
                  "Column names for CSV files without a header.",
                  ""))
          .config(
              opt(
                  "delimiter",
                  ConfigFieldType.STRING,
                  "The CSV column separator: one character, or tab.",
                  ","))
          .config(opt("quote", ConfigFieldType.STRING, "The CSV quote character.", "\""))
          .config(
              opt(
                  "done_file",
                  ConfigFieldType.STRING,
                  "Read a file only once NAME + this suffix exists (.done, .ok); none by default.",
                  ""))
          .config(
              opt(
                  "stable_for",
                  ConfigFieldType.DURATION,
                  "Read a file only once its size stayed the same this long (for senders that"
                      + " write in place); none by default: files are complete when listed.",
                  null))
          .config(
              opt(
                  "after_read",
                  ConfigFieldType.STRING,
                  "What to do with an imported file: leave, delete or archive.",
                  "leave"))
          .config(
              opt(
                  "archive_directory",
                  ConfigFieldType.STRING,
                  "Where after_read=archive moves imported files.",
                  "archive"))
          .config(
              opt(
                  "failed_directory",
                  ConfigFieldType.STRING,
                  "Where a bad file (corrupt, not decryptable data, not CSV) is moved so the"
                      + " others import; empty: a bad file stops the run.",
                  "failed"))
          .config(
              opt(
                  "verify_first",
                  ConfigFieldType.BOOLEAN,
                  "Check an encrypted or gzipped file's integrity completely before importing"
                      + " any of its rows (the file is read twice).",
                  "true"))
          .config(
              opt(
                  "page_size",
                  ConfigFieldType.INTEGER,
                  "Rows committed (and checkpointed) at a time.",
                  "500"))
          .config(
              opt(
                  "schedule",
                  ConfigFieldType.SCHEDULE,
                  "When the directory is polled (\"every 15m\"); none: on demand only.",
                  null))
          .accepts(PgpPrivateKey.class)
          .accepts(NoAuthorization.class)
          .build();

  private ImportDescriptor() {}

  private static ConfigField opt(
      String name, ConfigFieldType type, String description, @Nullable String def) {
    return ConfigField.optional(name, type, description, def);
  }
}
