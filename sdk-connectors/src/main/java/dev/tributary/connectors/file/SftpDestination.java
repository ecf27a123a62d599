package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.sftp.DoneFile;
import dev.tributary.sftp.RemoteFile;
import dev.tributary.sftp.SftpClient;
import dev.tributary.sftp.UnsafeRemotePathException;
import dev.tributary.sftp.UploadOptions;
import dev.tributary.sftp.UploadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Uploads to an SFTP server as one stream (sdk-sftp's atomic upload: a temporary name, renamed on
 * success), with an optional done-file.
 */
final class SftpDestination implements FileDestination {
  private final SftpClient client;

  SftpDestination(SftpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return ExportDescriptors.SFTP;
  }

  /**
   * Checks the settings, then logs in and looks {@code directory} up: it must be a directory, or be
   * missing below one (the upload creates it). Writes nothing, so whether the directory is writable
   * shows only at the first upload: a probe file might be collected by the partner's side before it
   * is deleted, and SFTP reports no permissions for the logged-in user.
   */
  @Override
  public CheckResult check(ConnectorConfig config) {
    try {
      ExportSettings.ifExists(config);
      doneFile(config);
      path(config, "check");
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse("directory"), e.getMessage());
    } catch (IllegalArgumentException e) {
      return CheckResult.problem("done_file", e.getMessage());
    }
    try {
      return checkDirectory(directory(config));
    } catch (UnsafeRemotePathException e) {
      return CheckResult.problem("directory", e.getMessage());
    } catch (ConfigException e) {
      // a refused login or host key: the client's settings, named in the message
      return CheckResult.problem(e.setting().orElse("directory"), e.getMessage());
    } catch (TransientException e) {
      return CheckResult.problem(
          "directory", "cannot look the directory up on the SFTP server: " + e.getMessage());
    }
  }

  /** The directory, or the nearest one above it that exists, must be a directory. */
  private CheckResult checkDirectory(String directory) {
    Optional<RemoteFile> found = client.stat(directory); // refuses an unsafe path unsent
    List<String> segments = new ArrayList<>();
    for (String segment : directory.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    while (found.isEmpty() && !segments.isEmpty()) {
      segments.remove(segments.size() - 1);
      found = client.stat(String.join("/", segments));
    }
    if (found.isEmpty()) {
      return CheckResult.problem(
          "directory", "the SFTP client's base directory does not exist on " + client.target());
    }
    RemoteFile f = found.get();
    if (!f.isDirectory()) {
      return CheckResult.problem(
          "directory",
          "\""
              + f.path()
              + "\" on "
              + client.target()
              + (f.isFile() ? " is a file, not a directory" : " is not a directory")
              + ": the export cannot put files in or below it");
    }
    return CheckResult.ok();
  }

  @Override
  public Delivered deliver(
      ConnectorContext context,
      String name,
      boolean resumed,
      Map<String, Object> data,
      Content content) {
    ConnectorConfig config = context.config();
    UploadOptions.Builder options =
        UploadOptions.builder()
            .existingTarget(ExportSettings.ifExists(config, resumed))
            .createDirectories(true);
    DoneFile done = doneFile(config);
    if (done != null) {
      options.doneFile(done);
    }
    String path = path(config, name);
    long[] profiles = new long[1];
    UploadResult result =
        client.upload(
            path,
            options.build(),
            out -> {
              CountingOutputStream counted = new CountingOutputStream(out, context.reporter());
              profiles[0] = content.writeTo(counted);
            });
    return new Delivered(
        "sftp://" + client.target() + "/" + result.path(),
        result.size(),
        profiles[0],
        result.skipped());
  }

  private static @Nullable DoneFile doneFile(ConnectorConfig config) {
    String suffix = config.string("done_file").strip();
    return suffix.isEmpty() ? null : DoneFile.withChecksum(suffix);
  }

  private static String path(ConnectorConfig config, String name) {
    String directory = directory(config);
    return directory.isEmpty() ? name : directory + "/" + name;
  }

  private static String directory(ConnectorConfig config) {
    String directory = config.string("directory").strip();
    while (directory.endsWith("/")) {
      directory = directory.substring(0, directory.length() - 1);
    }
    return directory;
  }

  @Override
  public String toString() {
    return "SFTP " + client.target();
  }
}
