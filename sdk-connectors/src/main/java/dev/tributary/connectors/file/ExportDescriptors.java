package dev.tributary.connectors.file;

import dev.tributary.core.auth.NoAuthorization;
import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The descriptors of the three file exports: SFTP, local directory and e-mail attachment. */
final class ExportDescriptors {
  static final String DEFAULT_FILE_NAME = "{{.audience}}-{{.timestamp}}.{{.extension}}";

  static final ConnectorDescriptor SFTP =
      base("sftp-file-export", "SFTP file export", "to a directory on an SFTP server", false)
          .config(directory("The remote directory, relative to the SFTP client's base directory."))
          .config(ifExists())
          .config(
              ConfigField.optional(
                  "done_file",
                  ConfigFieldType.STRING,
                  "Suffix of a done-file written after the data file (.done, .ok); none by"
                      + " default.",
                  ""))
          .build();

  static final ConnectorDescriptor DIRECTORY =
      base("directory-file-export", "Directory file export", "to a local directory", false)
          .config(directory("The directory below the export root the file goes to."))
          .config(ifExists())
          .build();

  static final ConnectorDescriptor EMAIL =
      base(
              "email-file-export",
              "CSV e-mail export",
              "as an e-mail attachment to a list of recipients",
              true)
          .config(
              ConfigField.required(
                  "to", ConfigFieldType.LIST, "The recipients' e-mail addresses, comma-separated."))
          .config(
              ConfigField.optional(
                  "subject",
                  ConfigFieldType.TEMPLATE,
                  "The subject: a Go template over the file-name data, plus .file and .profiles.",
                  "{{.audience}}: {{.profiles}} profiles ({{.date}})"))
          .config(
              ConfigField.optional(
                  "body",
                  ConfigFieldType.TEMPLATE,
                  "The message text: a Go template like the subject.",
                  "The attached file {{.file}} holds {{.profiles}} profiles of the audience"
                      + " {{.audience}}, exported {{.local_timestamp}}."))
          .config(
              ConfigField.optional(
                  "max_attachment_bytes",
                  ConfigFieldType.INTEGER,
                  "The largest attachment sent; a larger export fails (mail servers refuse"
                      + " large messages).",
                  Long.toString(10L * 1024 * 1024)))
          .build();

  private ExportDescriptors() {}

  private static ConnectorDescriptor.Builder base(
      String id, String name, String where, boolean forPeople) {
    return ConnectorDescriptor.builder(id)
        .name(name)
        .description(
            "Exports an audience's profiles — chosen identities, user fields and audience"
                + " memberships — as one CSV or JSON Lines file per run, optionally gzipped and"
                + " PGP-encrypted, "
                + where
                + "; once, on a cadence, or at a time of day in a time zone.")
        .type(IntegrationType.SERVER_TO_SERVER)
        .patterns(IntegrationPattern.EXPORT)
        .techniques(Technique.FILE_TRANSFER)
        .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
        .resultingData(ResultingData.PROFILES, ResultingData.USER_FIELDS)
        .field(FieldSpec.reads("identities", "The identities named in \"identities\"."))
        .field(FieldSpec.reads("fields", "The user fields named in \"fields\"."))
        .field(FieldSpec.reads("audiences", "Membership of the audiences named in \"audiences\"."))
        .configAll(common(forPeople))
        .accepts(PgpPublicKey.class)
        .accepts(NoAuthorization.class);
  }

  private static List<ConfigField> common(boolean forPeople) {
    List<ConfigField> c = new ArrayList<>();
    c.add(
        ConfigField.required(
            "audience", ConfigFieldType.STRING, "The audience's name, as file names show it."));
    c.add(opt("format", ConfigFieldType.STRING, "csv or jsonl (JSON Lines).", "csv"));
    c.add(
        opt(
            "identities",
            ConfigFieldType.LIST,
            "Identity columns, such as email, user_id; each column is named by its kind.",
            "email"));
    c.add(opt("fields", ConfigFieldType.LIST, "User-field columns, in this order.", ""));
    c.add(
        opt(
            "audiences",
            ConfigFieldType.LIST,
            "Audiences whose membership becomes a column audience:NAME, true or false.",
            ""));
    c.add(
        opt(
            "include_profile_id",
            ConfigFieldType.BOOLEAN,
            "Whether the first column is profile_id.",
            "true"));
    c.add(
        opt(
            "header",
            ConfigFieldType.BOOLEAN,
            "Whether a CSV file starts with a header row.",
            "true"));
    c.add(
        opt(
            "delimiter",
            ConfigFieldType.STRING,
            "The CSV column separator: one character, or tab.",
            ","));
    c.add(opt("quote", ConfigFieldType.STRING, "The CSV quote character.", "\""));
    c.add(
        opt(
            "quote_all",
            ConfigFieldType.BOOLEAN,
            "Quote every CSV value (numbers and booleans too), not only those that need it.",
            "false"));
    c.add(opt("crlf", ConfigFieldType.BOOLEAN, "End CSV lines with CR LF instead of LF.", "false"));
    c.add(
        opt(
            "escape_formulas",
            ConfigFieldType.BOOLEAN,
            "Prefix text values that start with = + - @ tab or CR with ' so that spreadsheets"
                + " do not run them as formulas.",
            Boolean.toString(forPeople)));
    c.add(opt("gzip", ConfigFieldType.BOOLEAN, "Gzip the file (before encryption).", "false"));
    c.add(
        opt(
            "armor",
            ConfigFieldType.BOOLEAN,
            "ASCII-armor the PGP file (.asc) instead of binary (.pgp).",
            "false"));
    c.add(
        opt(
            "file_name",
            ConfigFieldType.TEMPLATE,
            "The file name: a Go template over .audience, .timestamp, .date, .time,"
                + " .local_timestamp, .job, .run, .run_id, .format and .extension.",
            DEFAULT_FILE_NAME));
    c.add(
        opt(
            "time_zone",
            ConfigFieldType.STRING,
            "The zone of .date, .time and .local_timestamp in names (.timestamp is UTC).",
            "UTC"));
    c.add(
        opt(
            "skip_empty",
            ConfigFieldType.BOOLEAN,
            "Send no file when the audience is empty (default: a file with the header only).",
            "false"));
    c.add(
        opt(
            "schedule",
            ConfigFieldType.SCHEDULE,
            "When the export runs (\"daily 02:30 Europe/Berlin\", \"every 1h\"); none: on"
                + " demand only.",
            null));
    return c;
  }

  private static ConfigField directory(String description) {
    return opt("directory", ConfigFieldType.STRING, description, "");
  }

  private static ConfigField ifExists() {
    return opt(
        "if_exists",
        ConfigFieldType.STRING,
        "When a file of that name exists: fail, overwrite or skip.",
        "fail");
  }

  private static ConfigField opt(
      String name, ConfigFieldType type, String description, @Nullable String def) {
    return ConfigField.optional(name, type, description, def);
  }
}
