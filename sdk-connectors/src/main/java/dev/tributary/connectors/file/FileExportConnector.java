package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.model.Profile;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.sftp.SftpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * File export: an audience's profiles as one file — CSV (jackson-dataformat-csv: delimiter,
 * quoting, header on or off, UTF-8, optional formula escaping) or JSON Lines — optionally gzipped,
 * optionally PGP-encrypted for the partner's public key, delivered to an SFTP server ({@link
 * #toSftp}), a local directory ({@link #toDirectory}) or e-mail recipients as an attachment ({@link
 * #byEmail}, the CSV e-mail export). The layers form one stream, in constant memory: a profile goes
 * from the source to the destination without the file ever being held, and without a temporary file
 * except for e-mail (MIME encodes a finished attachment).
 *
 * <p>The job's authorization is the recipient's {@link PgpPublicKey} — the file is then encrypted —
 * or {@code Authorization.none()}. The destination's own credentials live with the {@link
 * SftpClient} or {@link MailServer} the connector is built with.
 *
 * <p><b>File names</b> come from the {@code file_name} setting, a Go template (default {@value
 * ExportDescriptors#DEFAULT_FILE_NAME}) over:
 *
 * <table>
 *   <caption>File-name data</caption>
 *   <tr><th>key</th><th>value, for a run that started 2026-12-01T01:30:05Z, time_zone
 *       Europe/Berlin</th></tr>
 *   <tr><td>.audience</td><td>the {@code audience} setting</td></tr>
 *   <tr><td>.timestamp</td><td>{@code 20261201T013005Z} (UTC, basic ISO-8601)</td></tr>
 *   <tr><td>.date</td><td>{@code 2026-12-01} (in {@code time_zone})</td></tr>
 *   <tr><td>.time</td><td>{@code 023005} (HHmmss in {@code time_zone})</td></tr>
 *   <tr><td>.local_timestamp</td><td>{@code 2026-12-01T02:30:05+01:00}</td></tr>
 *   <tr><td>.job, .run, .run_id</td><td>the job's ID, the run's number, both as {@code job-3}</td></tr>
 *   <tr><td>.format, .extension</td><td>{@code csv}; {@code csv.gz.pgp} as the layers make it</td></tr>
 * </table>
 *
 * A key that does not exist is an error, not {@code <no value>}. A name may have subdirectories
 * ({@code {{.date}}/vip.csv}) but may not be absolute or contain {@code ..}, a backslash or a
 * control character: it cannot leave the configured directory.
 *
 * <p><b>Runs.</b> {@link FileExportTask} writes the whole audience into one file per run under the
 * {@code JobRunner} — once, on a cadence or at a time of day in a time zone (the {@code schedule}
 * setting) — and commits its checkpoint only after the destination confirmed the file. {@link
 * #write} (for {@code Job.exporting}) writes one file per batch.
 *
 * <p>Immutable and thread-safe; the {@link SftpClient} or {@link MailServer} stays the host's to
 * close.
 */
public final class FileExportConnector implements ExportConnector<Profile> {
  /** The export to an SFTP server; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR_SFTP = ExportDescriptors.SFTP;

  /** The export to a local directory; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR_DIRECTORY = ExportDescriptors.DIRECTORY;

  /** The CSV e-mail export; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR_EMAIL = ExportDescriptors.EMAIL;

  private static final int MAX_CACHED_KEYS = 64;

  /** Writes the profiles of one file, in order. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes every profile of the file to {@code out}. Throwing abandons the file: nothing appears
     * under its name.
     */
    void writeTo(ProfileWriter out) throws Exception;
  }

  private final FileDestination destination;
  private final Map<String, PgpCertificate> certificates = new ConcurrentHashMap<>();

  private FileExportConnector(FileDestination destination) {
    this.destination = destination;
  }

  /** Exports to an SFTP server, through {@code client} (shared; the host closes it). */
  public static FileExportConnector toSftp(SftpClient client) {
    return new FileExportConnector(new SftpDestination(client));
  }

  /** Exports into {@code root} (and the {@code directory} below it) on the local file system. */
  public static FileExportConnector toDirectory(Path root) {
    return new FileExportConnector(new DirectoryDestination(root));
  }

  /**
   * Sends the file as an e-mail attachment through {@code server}; the attachment is put together
   * in the system's temporary directory.
   */
  public static FileExportConnector byEmail(MailServer server) {
    return byEmail(server, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** As {@link #byEmail(MailServer)}, putting attachments together in {@code workDirectory}. */
  public static FileExportConnector byEmail(MailServer server, Path workDirectory) {
    return new FileExportConnector(new EmailDestination(server, workDirectory));
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return destination.descriptor();
  }

  /** Most profiles {@link #write} puts in one file. */
  @Override
  public int maxBatchSize() {
    return 10_000;
  }

  /**
   * Checks every setting, the public key (parsed, with a key we may encrypt to now) and that the
   * file-name template renders a safe name; for SFTP, also logs in and looks the directory up (it
   * must be a directory, or be missing below one). Sends and writes nothing.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult base = ExportConnector.super.check(context);
    if (!base.isOk()) {
      return base;
    }
    try {
      ExportSettings settings = ExportSettings.of(context.config(), context.authorization());
      certificate(settings);
      fileName(context, ExportRun.adhoc(context.clock().instant()));
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse("authorization"), e.getMessage());
    }
    return destination.check(context.config());
  }

  /**
   * The name of the file a run would write.
   *
   * @throws ConfigException if the template is bad or the name would leave the directory
   */
  public String fileName(ConnectorContext context, ExportRun run) {
    ExportSettings settings = ExportSettings.of(context.config(), context.authorization());
    return FileNames.render(settings.fileNameTemplate(), FileNames.data(settings, run));
  }

  /**
   * Writes one file named {@code fileName} with what {@code body} writes, through every layer to
   * the destination, and returns once the destination confirmed it.
   *
   * @param resumed whether an earlier attempt may have delivered this very name (after a crash): a
   *     file of that name is then replaced even with {@code if_exists=fail}
   * @throws TributaryException classified: {@code CONFIG} for bad settings or credentials, {@code
   *     TRANSIENT} for a failed transfer (nothing under the final name), or what {@code body} threw
   */
  public FileDelivery export(
      ConnectorContext context, ExportRun run, String fileName, boolean resumed, Body body) {
    Objects.requireNonNull(body, "body");
    ExportSettings settings = ExportSettings.of(context.config(), context.authorization());
    String name = FileNames.checked(fileName);
    PgpCertificate certificate = certificate(settings);
    Map<String, Object> data = FileNames.data(settings, run);
    FileDestination.Delivered delivered =
        destination.deliver(
            context,
            name,
            resumed,
            data,
            out -> {
              try (ExportLayers layers =
                  ExportLayers.open(settings, certificate, name, run.startedAt(), out)) {
                long[] written = new long[1];
                layers.begin();
                body.writeTo(
                    profile -> {
                      try {
                        layers.write(Objects.requireNonNull(profile, "profile"));
                        written[0]++;
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
                layers.finish();
                return written[0];
              } catch (UncheckedIOException e) {
                throw e.getCause();
              } catch (IOException | RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IOException(e);
              }
            });
    return new FileDelivery(
        name, delivered.location(), delivered.bytes(), delivered.profiles(), delivered.skipped());
  }

  /**
   * Writes {@code batch} as one file (named for this moment): for {@code Job.exporting}. A profile
   * whose values cannot be written is rejected; the others succeed once the file is delivered.
   */
  @Override
  public BatchResult write(ConnectorContext context, List<Profile> batch) {
    ExportRun run = ExportRun.adhoc(context.clock().instant());
    List<ItemResult> results = new ArrayList<>(batch.size());
    export(
        context,
        run,
        fileName(context, run),
        false,
        out -> {
          for (int i = 0; i < batch.size(); i++) {
            try {
              out.write(batch.get(i));
              results.add(ItemResult.ok(i));
            } catch (ValidationException e) {
              results.add(ItemResult.failed(i, e));
            }
          }
        });
    return new BatchResult(results);
  }

  private @Nullable PgpCertificate certificate(ExportSettings settings) {
    PgpPublicKey key = settings.recipient();
    if (key == null) {
      return null;
    }
    PgpCertificate cached = certificates.get(key.armoredKey());
    if (cached != null) {
      return cached;
    }
    PgpCertificate parsed = PgpCertificate.of(key); // PgpKeyException: a CONFIG error
    dev.tributary.pgp.PgpEncryptor.builder().recipient(parsed).build(); // a key to encrypt to now?
    if (certificates.size() >= MAX_CACHED_KEYS) {
      certificates.clear();
    }
    certificates.put(key.armoredKey(), parsed);
    return parsed;
  }

  @Override
  public String toString() {
    return "FileExportConnector[" + destination + "]";
  }
}
