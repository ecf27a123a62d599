package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.sftp.DoneFile;
import dev.tributary.sftp.ExistingTarget;
import dev.tributary.sftp.SftpClient;
import dev.tributary.sftp.UploadOptions;
import dev.tributary.sftp.UploadResult;
import java.util.Map;
import java.util.Objects;
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

  @Override
  public CheckResult check(ConnectorConfig config) {
    try {
      ExportSettings.ifExists(config);
      doneFile(config);
      path(config, "check");
      return CheckResult.ok();
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse("directory"), e.getMessage());
    } catch (IllegalArgumentException e) {
      return CheckResult.problem("done_file", e.getMessage());
    }
  }

  @Override
  public Delivered deliver(
      ConnectorContext context,
      String name,
      boolean resumed,
      Map<String, Object> data,
      Content content) {
    ConnectorConfig config = context.config();
    ExistingTarget existing = ExportSettings.ifExists(config);
    if (resumed && existing == ExistingTarget.FAIL) {
      existing = ExistingTarget.OVERWRITE; // our own file from an attempt that did not commit
    }
    UploadOptions.Builder options =
        UploadOptions.builder().existingTarget(existing).createDirectories(true);
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
    String directory = config.string("directory").strip();
    while (directory.endsWith("/")) {
      directory = directory.substring(0, directory.length() - 1);
    }
    return directory.isEmpty() ? name : directory + "/" + name;
  }

  @Override
  public String toString() {
    return "SFTP " + client.target();
  }
}
