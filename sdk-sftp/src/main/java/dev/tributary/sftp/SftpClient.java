package dev.tributary.sftp;

import dev.tributary.core.TransientException;
import dev.tributary.sftp.internal.ClientSettings;
import dev.tributary.sftp.internal.Transfers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SFTP client for file-based integrations: streaming uploads and downloads, atomic uploads,
 * resume after a dropped connection, listing by glob, and strict host-key checking.
 *
 * <pre>{@code
 * try (SftpClient sftp = SftpClient.builder("sftp.example.com")
 *     .authorization(Authorization.sftpPassword("acme", Secret.of(password)))
 *     .hostKeys(HostKeyPolicy.fingerprints("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"))
 *     .baseDirectory("/exports")
 *     .build()) {
 *   sftp.upload("2026-12-01/contacts.csv", csv, UploadOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Every remote path is relative to the {@linkplain SftpClientBuilder#baseDirectory(String) base
 * directory} and may not leave it ({@link UnsafeRemotePathException}), because remote names are
 * often built from data.
 *
 * <p>Thread-safe and meant to be shared: it keeps up to {@link
 * SftpClientBuilder#maxConnections(int)} SSH connections open and reuses them across operations and
 * files; a call waits while all are busy. Streams returned by {@link #openUpload} and {@link
 * #openDownload} hold a connection until the caller closes them. {@link #close()} closes the idle
 * connections. Failures are {@link dev.tributary.core.TributaryException}s: {@link
 * HostKeyRejectedException} and a refused login are CONFIG errors, a dropped connection after
 * {@link SftpClientBuilder#maxAttempts(int)} tries is TRANSIENT.
 */
public final class SftpClient implements AutoCloseable {
  private final ClientSettings settings;
  private final Transfers transfers;

  SftpClient(ClientSettings settings) {
    this.settings = settings;
    this.transfers = new Transfers(settings);
  }

  /** A builder for a client of the server {@code host}. */
  public static SftpClientBuilder builder(String host) {
    return new SftpClientBuilder(host);
  }

  /**
   * Does ahead of time the one-off work of a JVM's first SSH connection: loading the SSH classes
   * and the JDK's implementations of X25519, Ed25519 and SHA-256, each used once. In a fresh JVM
   * that takes a few tenths of a second. A short-lived program, such as a command-line tool, can
   * call this on a spare thread while it parses its arguments; calling it more than once, or never,
   * is harmless.
   *
   * <p>sdk-sftp keeps sshj, the SSH library underneath, on the JDK's own security providers: it
   * adds one small provider, {@code TributarySshj}, that answers sshj's name {@code ECDSA} with the
   * JDK's EC key factory, and registers BouncyCastle's provider only when a server leaves no cipher
   * but chacha20-poly1305.
   */
  public static void warmUp() {
    Transfers.warmUp();
  }

  /**
   * Uploads everything {@code source} yields to {@code path}, as the options say: by default under
   * a temporary name first, then renamed, failing if the target exists. Does not close {@code
   * source}. After a dropped connection the upload reconnects and resends what the server had not
   * confirmed, so it continues without reading {@code source} again.
   */
  public UploadResult upload(String path, InputStream source, UploadOptions options) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    return transfers.upload(path, source, options);
  }

  /** Uploads with {@link UploadOptions#defaults()}. */
  public UploadResult upload(String path, InputStream source) {
    return upload(path, source, UploadOptions.defaults());
  }

  /** Uploads a local file. */
  public UploadResult upload(String path, Path localFile, UploadOptions options) {
    Objects.requireNonNull(localFile, "localFile");
    try (InputStream in = Files.newInputStream(localFile)) {
      return upload(path, in, options);
    } catch (IOException e) {
      throw new dev.tributary.core.ConfigException(
          null, "cannot read the local file " + localFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Uploads what {@code writer} writes, as one stream: the way to end an encode → gzip → PGP
   * pipeline at the server. Streams wrapped around the one {@code writer} gets may be closed (that
   * is how gzip and PGP finish); the upload commits when {@code writer} returns and is abandoned —
   * nothing under the final name — when it throws.
   *
   * <pre>{@code
   * sftp.upload("out/contacts.csv.gz", options, out -> {
   *   try (Writer csv = new OutputStreamWriter(new GZIPOutputStream(out), UTF_8)) {
   *     writeCsv(csv);
   *   }
   * });
   * }</pre>
   *
   * @throws dev.tributary.core.TributaryException if the upload fails, or {@code writer} throws
   *     one; an {@link IOException} from {@code writer} becomes a {@link TransientException}
   */
  public UploadResult upload(String path, UploadOptions options, UploadWriter writer) {
    Objects.requireNonNull(writer, "writer");
    try (RemoteUpload upload = openUpload(path, options)) {
      writer.writeTo(new CloseShield(upload));
      return upload.commit();
    } catch (IOException e) {
      throw new TransientException(
          "writing the upload to '" + path + "' failed; nothing was committed: " + e.getMessage(),
          e);
    }
  }

  /**
   * Opens an upload to write into, for pipelines that produce an {@link OutputStream}; see {@link
   * RemoteUpload}. Call {@link RemoteUpload#commit()} when done, and close it in any case. Closing
   * it before the commit abandons it — and closing a gzip or PGP stream wrapped around it closes it
   * too: finish those without closing, or use {@link #upload(String, UploadOptions, UploadWriter)}.
   */
  public RemoteUpload openUpload(String path, UploadOptions options) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
    return transfers.openUpload(path, options);
  }

  /**
   * Opens a remote file for reading, with many reads in flight. If the connection drops, the stream
   * reconnects and continues where it was. The caller closes it (which frees the connection).
   */
  public InputStream openDownload(String path) {
    return openDownload(path, 0);
  }

  /** As {@link #openDownload(String)}, starting at byte {@code offset}. */
  public InputStream openDownload(String path, long offset) {
    Objects.requireNonNull(path, "path");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    return transfers.openDownload(path, offset);
  }

  /**
   * Copies a remote file into {@code sink}, which is not closed; resumes within the call after a
   * dropped connection.
   *
   * @return the number of bytes copied
   */
  public long download(String path, OutputStream sink) {
    Objects.requireNonNull(sink, "sink");
    try (InputStream in = openDownload(path)) {
      return in.transferTo(sink);
    } catch (IOException e) {
      throw new TransientException("cannot download '" + path + "': " + e.getMessage(), e);
    }
  }

  /**
   * Downloads a remote file to {@code localFile}, resumably: bytes go to {@code localFile.part}
   * first, and a later call continues a {@code .part} an earlier one left behind (the remote file
   * must not have changed in between). Only a complete file is moved to {@code localFile}.
   *
   * @return the size of the complete file
   */
  public long download(String path, Path localFile) {
    Objects.requireNonNull(localFile, "localFile");
    return LocalDownload.run(this, path, localFile);
  }

  /** The file or directory at {@code path}, or empty if there is none. */
  public Optional<RemoteFile> stat(String path) {
    Objects.requireNonNull(path, "path");
    return transfers.stat(path);
  }

  /**
   * The entries directly in {@code directory} whose name matches {@code glob} ({@code *.csv},
   * {@code export-2026-??-*.{csv,csv.gz}}), sorted by path. "" or "." is the base directory.
   */
  public List<RemoteFile> list(String directory, String glob) {
    return transfers.list(
        Objects.requireNonNull(directory, "directory"),
        Objects.requireNonNull(glob, "glob"),
        false);
  }

  /**
   * The entries anywhere below {@code directory} that match {@code glob}: a glob without {@code /}
   * matches names at any depth ({@code *.csv}); one with {@code /} matches the path below the
   * directory ({@code 2026-*}{@code /*.csv}). Sorted by path.
   */
  public List<RemoteFile> listRecursive(String directory, String glob) {
    return transfers.list(
        Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(glob, "glob"), true);
  }

  /** Creates a directory and its missing parents; nothing happens if it exists. */
  public void mkdirs(String directory) {
    transfers.mkdirs(Objects.requireNonNull(directory, "directory"));
  }

  /**
   * Renames or moves {@code from} to {@code to}. With {@link ExistingTarget#OVERWRITE} an existing
   * target is replaced atomically where the server supports {@code posix-rename@openssh.com}
   * (OpenSSH, MINA SSHD); elsewhere it is removed first.
   *
   * @return false if the target existed and {@code existing} is {@link ExistingTarget#SKIP}
   */
  public boolean rename(String from, String to, ExistingTarget existing) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(existing, "existing");
    if (existing != ExistingTarget.OVERWRITE && stat(to).isPresent()) {
      if (existing == ExistingTarget.SKIP) {
        return false;
      }
      throw new RemoteFileException(
          to,
          RemoteFileException.Reason.EXISTS,
          "cannot rename '" + from + "' to '" + to + "': the target exists",
          null);
    }
    transfers.rename(from, to, existing == ExistingTarget.OVERWRITE);
    return true;
  }

  /** Deletes a file; false if there was none. */
  public boolean delete(String path) {
    return transfers.delete(Objects.requireNonNull(path, "path"));
  }

  /** {@code user@host:port} of this client, for messages. */
  public String target() {
    return settings.target();
  }

  /** Closes the idle connections; operations in progress finish with their own. */
  @Override
  public void close() {
    transfers.close();
  }

  @Override
  public String toString() {
    return "SftpClient[" + settings.target() + ", " + settings.hostKeys() + "]";
  }

  /** Passes everything through except close, which only flushes. */
  private static final class CloseShield extends java.io.FilterOutputStream {
    CloseShield(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** Downloads to a local file through a resumable {@code .part} file. */
  private static final class LocalDownload {
    static long run(SftpClient client, String path, Path localFile) {
      Path part = localFile.resolveSibling(localFile.getFileName() + ".part");
      try {
        long offset = Files.exists(part) ? Files.size(part) : 0;
        long remoteSize = client.stat(path).map(RemoteFile::size).orElse(-1L);
        if (remoteSize >= 0 && offset > remoteSize) {
          offset = 0; // the remote file is shorter than what we have: it changed; start over
        }
        StandardOpenOption mode =
            offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = client.openDownload(path, offset);
            OutputStream out =
                Files.newOutputStream(
                    part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
          in.transferTo(out);
        }
        long size = Files.size(part);
        Files.move(
            part, localFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return size;
      } catch (IOException e) {
        throw new TransientException(
            "cannot download '" + path + "' to " + localFile + ": " + e.getMessage(), e);
      }
    }
  }
}
