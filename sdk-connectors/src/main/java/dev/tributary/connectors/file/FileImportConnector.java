package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.auth.PgpPrivateKey;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.Page;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpKey;
import dev.tributary.sftp.FileImport;
import dev.tributary.sftp.FileKey;
import dev.tributary.sftp.ProcessedFiles;
import dev.tributary.sftp.RemoteFile;
import dev.tributary.sftp.SftpClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * File import: polls an SFTP directory for files matching a glob (sdk-sftp's {@link FileImport}:
 * readiness by done-file or stable size, processed files remembered, archive or delete afterwards)
 * and reads each ready file once: PGP-decrypted when it is encrypted (detected by its name or its
 * first bytes; the authorization is then the {@link PgpPrivateKey}), gunzipped when it is gzipped
 * (detected by its magic number), then parsed as CSV or JSON Lines into {@link FileRow}s with their
 * line numbers.
 *
 * <ul>
 *   <li><b>Fail closed.</b> With {@code verify_first} (the default) an encrypted or gzipped file is
 *       read to its end once before any row is used, so a tampered, truncated or wrongly keyed file
 *       imports nothing; no plaintext is ever written to disk.
 *   <li><b>Processed after commit.</b> A file is marked processed only once all its rows are
 *       committed; a crash or a failure leaves it unmarked, and the checkpoint (file and line) lets
 *       the next run go on after the last committed row — no row lost, none twice.
 *   <li><b>Bad rows, bad files.</b> A row that cannot be read is a {@link FileRow} with a problem
 *       and its line number; the rest of the file imports. A file that is bad as a whole (corrupt,
 *       not decryptable as data, not UTF-8) is moved to {@code failed_directory} and the other
 *       files import; a wrong key or other configuration error stops the run with the file left in
 *       place.
 * </ul>
 *
 * Run it with {@link FileImportTask} (each file streamed once) and {@link RowsToProfiles} (field
 * mapping and identity resolution); {@link #read} serves {@code Job.importing}, re-reading the
 * current file up to the checkpoint for each page, which suits small files only.
 *
 * <p>Thread-safe; one instance per inbox for the life of the process (readiness compares with what
 * earlier runs saw). The {@link SftpClient} stays the host's to close.
 */
public final class FileImportConnector implements ImportConnector<FileRow> {
  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR = ImportDescriptor.DESCRIPTOR;

  /** Takes the rows of one file; returns only once they are committed. */
  @FunctionalInterface
  public interface FileConsumer {
    /**
     * Reads and commits the rows of the file {@code key}. Returning marks the file processed;
     * throwing leaves it unmarked. Rows are read lazily: returning without reading skips a file the
     * checkpoint says is committed, without downloading it.
     */
    void accept(FileKey key, Rows rows) throws IOException;
  }

  /** The rows of one file, read as they are asked for. */
  @FunctionalInterface
  public interface Rows {
    /**
     * The next row, or {@code null} after the last.
     *
     * @throws dev.tributary.core.ValidationException if the file is bad as a whole (corrupt,
     *     tampered, cut short, not UTF-8)
     */
    @Nullable FileRow next() throws IOException;
  }

  private final SftpClient client;
  private final ProcessedFiles processed;
  private final Map<String, FileImport> imports = new ConcurrentHashMap<>();
  private final Map<String, PgpDecryptor> decryptors = new ConcurrentHashMap<>();

  private FileImportConnector(SftpClient client, ProcessedFiles processed) {
    this.client = Objects.requireNonNull(client, "client");
    this.processed = Objects.requireNonNull(processed, "processed");
  }

  /**
   * An import through {@code client}, remembering processed files in memory (forgotten on restart:
   * use {@link #fromSftp(SftpClient, ProcessedFiles)} with {@code ProcessedFiles.inFile} or the
   * host's database in production).
   */
  public static FileImportConnector fromSftp(SftpClient client) {
    return fromSftp(client, ProcessedFiles.inMemory());
  }

  /** An import through {@code client}, remembering processed files in {@code processed}. */
  public static FileImportConnector fromSftp(SftpClient client, ProcessedFiles processed) {
    return new FileImportConnector(client, processed);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return ImportDescriptor.DESCRIPTOR;
  }

  /**
   * Checks the settings and the private key (parsed and unlocked with its passphrase), and lists
   * the directory. Reads no file.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult base = ImportConnector.super.check(context);
    if (!base.isOk()) {
      return base;
    }
    try {
      ImportSettings settings = ImportSettings.of(context.config(), context.authorization());
      decryptor(settings);
      client.list(settings.directory(), settings.pattern());
      return CheckResult.ok();
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse("directory"), e.getMessage());
    } catch (TransientException e) {
      return CheckResult.problem("directory", "cannot list the directory: " + e.getMessage());
    }
  }

  /**
   * Hands every ready, unprocessed file to {@code consumer}, in path order, marking each processed
   * when the consumer returns.
   *
   * @return what the poll found: imported, not ready, already processed, and bad files moved aside
   */
  public FileImport.Result importFiles(ConnectorContext context, FileConsumer consumer) {
    Objects.requireNonNull(consumer, "consumer");
    ImportSettings settings = ImportSettings.of(context.config(), context.authorization());
    PgpDecryptor decryptor = decryptor(settings);
    FileImport inbox = inbox(settings, context);
    return inbox.run(
        (file, key, data) -> consumer.accept(key, new LazyRows(settings, decryptor, file, data)));
  }

  /**
   * Reads the next page of rows: for {@code Job.importing}. Re-reads the current file up to the
   * checkpoint (its line) for each page; a file is marked processed on the read after its last page
   * was committed.
   */
  @Override
  public Page<FileRow> read(ConnectorContext context, Checkpoint from) {
    ImportPosition position = ImportPosition.of(java.util.Optional.of(from));
    int pageSize = ImportSettings.of(context.config(), context.authorization()).pageSize();
    List<FileRow> rows = new ArrayList<>();
    try {
      importFiles(
          context,
          (key, file) -> {
            long skip = position.committedLine(key);
            if (skip == Long.MAX_VALUE) {
              return;
            }
            FileRow row;
            while ((row = file.next()) != null) {
              if (row.line() > skip) {
                rows.add(row);
                if (rows.size() == pageSize) {
                  throw new PageFull(new ImportPosition(key, row.line(), false));
                }
              }
            }
            if (!rows.isEmpty()) {
              throw new PageFull(new ImportPosition(key, 0, true));
            }
          });
    } catch (PageFull full) {
      return new Page<>(rows, full.next.toCheckpoint(), false);
    }
    return new Page<>(rows, ImportPosition.NONE.toCheckpoint(), true);
  }

  private FileImport inbox(ImportSettings settings, ConnectorContext context) {
    return imports.computeIfAbsent(
        settings.importKey(),
        k -> {
          FileImport.Builder b =
              FileImport.builder(client, settings.directory(), settings.pattern())
                  .readiness(settings.readiness())
                  .processedFiles(processed)
                  .afterRead(settings.afterRead())
                  .clock(context.clock());
          if (settings.failedDirectory() != null) {
            b.failedFiles(settings.failedDirectory());
          }
          return b.build();
        });
  }

  private @Nullable PgpDecryptor decryptor(ImportSettings settings) {
    PgpPrivateKey key = settings.key();
    if (key == null) {
      return null;
    }
    String id = key.armoredKey().reveal();
    PgpDecryptor cached = decryptors.get(id);
    if (cached != null) {
      return cached;
    }
    PgpKey parsed = PgpKey.of(key); // PgpKeyException: a CONFIG error naming the problem
    parsed.checkPassphrase();
    PgpDecryptor decryptor = PgpDecryptor.builder().key(parsed).build();
    if (decryptors.size() >= 16) {
      decryptors.clear();
    }
    decryptors.put(id, decryptor);
    return decryptor;
  }

  @Override
  public String toString() {
    return "FileImportConnector[" + client.target() + "]";
  }

  /** Ends a {@link #read} once a page is full; not an error, so the file stays unmarked. */
  private static final class PageFull extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ImportPosition next;

    PageFull(ImportPosition next) {
      super(null, null, false, false);
      this.next = next;
    }
  }

  /** Opens a file's layers on the first row asked for, verifying integrity first if asked to. */
  private final class LazyRows implements Rows {
    private final ImportSettings settings;
    private final @Nullable PgpDecryptor decryptor;
    private final RemoteFile file;
    private final InputStream data;
    private @Nullable RowReader reader;
    private boolean ended;

    LazyRows(
        ImportSettings settings,
        @Nullable PgpDecryptor decryptor,
        RemoteFile file,
        InputStream data) {
      this.settings = settings;
      this.decryptor = decryptor;
      this.file = file;
      this.data = data;
    }

    @Override
    public @Nullable FileRow next() throws IOException {
      if (ended) {
        return null;
      }
      RowReader r = reader;
      if (r == null) {
        r = open();
        reader = r;
      }
      FileRow row = r.next();
      if (row == null) {
        ended = true;
        r.close();
      }
      return row;
    }

    private RowReader open() throws IOException {
      ImportLayers.Opened opened = ImportLayers.open(file.name(), data, decryptor);
      if (opened.layered() && settings.verifyFirst()) {
        ImportLayers.drain(file.path(), opened.text());
        opened.text().close();
        InputStream again = client.openDownload(file.path());
        opened = ImportLayers.open(file.name(), again, decryptor);
      }
      return RowReader.open(
          file.path(),
          opened.text(),
          settings.jsonLines(file.name()),
          settings.csv(),
          settings.columns());
    }
  }
}
