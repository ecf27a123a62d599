package dev.tributary.sftp.internal;

import dev.tributary.sftp.RemoteFile;
import dev.tributary.sftp.RemoteUpload;
import dev.tributary.sftp.UploadOptions;
import dev.tributary.sftp.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.sftp.RemoteDirectory;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPEngine;

/**
 * The operations behind {@link dev.tributary.sftp.SftpClient}: everything that talks to the server.
 * Thread-safe; each call takes a pooled connection.
 */
public final class Transfers implements AutoCloseable {
  /** See {@link dev.tributary.sftp.SftpClient#warmUp()}. */
  public static void warmUp() {
    Connection.warmUp();
  }

  private final Operations ops;
  private final RemotePaths paths;

  public Transfers(ClientSettings settings) {
    this.ops = new Operations(new ConnectionPool(settings), settings);
    this.paths = new RemotePaths(settings.baseDirectory());
  }

  /** Opens an upload; a skipped one (existing target, SKIP) is returned as already finished. */
  public RemoteUpload openUpload(String path, UploadOptions options) {
    UploadTarget target = new UploadTarget(paths, path, options);
    int attempt = 1;
    while (true) {
      Connection connection = ops.acquire(attempt);
      try {
        if (!target.prepare(connection.sftp(), paths)) {
          ops.pool().release(connection, true);
          return new SkippedUpload(new UploadResult(target.path(), 0, null, true, null));
        }
        return new PipelinedUpload(ops, target, connection);
      } catch (IOException e) {
        boolean answered = Errors.isServerAnswer(e) && connection.isAlive();
        ops.pool().release(connection, answered);
        if (answered) {
          throw Errors.refused("upload", target.path(), e);
        }
        if (++attempt > ops.settings().maxAttempts()) {
          throw Errors.connectionLost(ops.settings().target(), "upload " + target.path(), e);
        }
        Operations.pause(ops.settings().retryDelay());
      } catch (RuntimeException e) {
        ops.pool().release(connection, connection.isAlive());
        throw e;
      }
    }
  }

  /** Uploads {@code source} to its end; does not close it. */
  public UploadResult upload(String path, InputStream source, UploadOptions options) {
    try (RemoteUpload upload = openUpload(path, options)) {
      if (upload instanceof PipelinedUpload pipelined) {
        pipelined.transferFrom(source);
      }
      return upload.commit();
    } catch (IOException e) {
      throw new dev.tributary.core.TransientException(
          "cannot read the data to upload to '" + path + "': " + e.getMessage(), e);
    }
  }

  /** Opens a download starting at byte {@code offset}. */
  public InputStream openDownload(String path, long offset) {
    String relative = RemotePaths.normalize(path);
    String serverPath = paths.resolve(relative);
    return ops.run(
        "download",
        relative,
        true,
        c -> new PipelinedDownload(ops, relative, serverPath, c, offset),
        true);
  }

  public Optional<RemoteFile> stat(String path) {
    String relative = RemotePaths.normalize(path);
    return ops.run(
        "stat",
        relative,
        true,
        c ->
            RemoteOps.stat(c.sftp(), paths.resolve(relative))
                .map(a -> RemoteOps.toRemoteFile(relative, a)));
  }

  public void mkdirs(String directory) {
    String relative = RemotePaths.normalize(directory);
    ops.run(
        "create directory",
        relative,
        true,
        c -> {
          RemoteOps.mkdirs(c.sftp(), paths, relative);
          return null;
        });
  }

  public boolean delete(String path) {
    String relative = RemotePaths.normalize(path);
    return ops.run(
        "delete", relative, true, c -> RemoteOps.remove(c.sftp(), paths.resolve(relative)));
  }

  public void rename(String from, String to, boolean overwrite) {
    String source = RemotePaths.normalize(from);
    String target = RemotePaths.normalize(to);
    ops.run(
        "rename",
        source + "' to '" + target,
        false,
        c -> {
          RemoteOps.rename(c.sftp(), paths.resolve(source), paths.resolve(target), overwrite);
          return null;
        });
  }

  /** Files and directories under {@code directory} whose name (or relative path) matches. */
  public List<RemoteFile> list(String directory, String glob, boolean recursive) {
    String relative = RemotePaths.normalize(directory);
    // A pattern with a '/' matches the path below the directory; one without, the name alone.
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    boolean byPath = glob.contains("/");
    return ops.run(
        "list",
        relative,
        true,
        c -> {
          List<RemoteFile> found = new ArrayList<>();
          walk(
              c.sftp(),
              relative,
              "",
              recursive,
              f -> {
                String below = f.path().substring(relative.isEmpty() ? 0 : relative.length() + 1);
                if (matcher.matches(Path.of(byPath ? below : f.name()))) {
                  found.add(f);
                }
              });
          found.sort(java.util.Comparator.comparing(RemoteFile::path));
          return found;
        });
  }

  private void walk(
      SFTPEngine sftp,
      String base,
      String sub,
      boolean recursive,
      java.util.function.Consumer<RemoteFile> sink)
      throws IOException {
    String dir = RemotePaths.join(base, sub);
    List<RemoteResourceInfo> entries;
    try (RemoteDirectory handle = sftp.openDir(paths.resolve(dir))) {
      entries =
          handle.scan(
              (net.schmizz.sshj.sftp.RemoteResourceFilter)
                  e -> !e.getName().equals(".") && !e.getName().equals(".."));
    }
    for (RemoteResourceInfo e : entries) {
      RemoteFile f = RemoteOps.toRemoteFile(RemotePaths.join(dir, e.getName()), e.getAttributes());
      sink.accept(f);
      if (recursive && f.isDirectory()) {
        walk(sftp, base, RemotePaths.join(sub, e.getName()), true, sink);
      }
    }
  }

  @Override
  public void close() {
    ops.pool().close();
  }

  /** The result of an upload that found its target and {@code SKIP}: nothing to send. */
  private static final class SkippedUpload extends RemoteUpload {
    private final UploadResult result;

    SkippedUpload(UploadResult result) {
      this.result = result;
    }

    @Override
    public void write(int b) {
      // the target exists and is kept: the bytes are dropped
    }

    @Override
    public void write(byte[] b, int off, int len) {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
    }

    @Override
    public UploadResult commit() {
      return result;
    }

    @Override
    public long bytesWritten() {
      return 0;
    }
  }
}
