package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.sftp.ExistingTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes into a local directory atomically: to {@code .NAME.RANDOM.part} beside the target, forced
 * to disk, then moved into place (replacing an existing file only with {@code if_exists=overwrite},
 * and never leaving a partial file under the final name).
 */
final class DirectoryDestination implements FileDestination {
  private final Path root;

  DirectoryDestination(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return ExportDescriptors.DIRECTORY;
  }

  @Override
  public CheckResult check(ConnectorConfig config) {
    try {
      ExportSettings.ifExists(config);
      target(config, "check");
      return CheckResult.ok();
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse("directory"), e.getMessage());
    }
  }

  @Override
  public Delivered deliver(
      ConnectorContext context,
      String name,
      boolean resumed,
      Map<String, Object> data,
      Content content) {
    ExistingTarget existing = ExportSettings.ifExists(context.config(), resumed);
    Path target = target(context.config(), name);
    if (existing == ExistingTarget.SKIP && Files.exists(target)) {
      return new Delivered(target.toString(), 0, 0, true);
    }
    Path part = null;
    try {
      Files.createDirectories(target.getParent());
      part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
      long profiles;
      long bytes;
      try (FileChannel channel =
              FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        CountingOutputStream counted = new CountingOutputStream(out, context.reporter());
        profiles = content.writeTo(counted);
        counted.flush();
        bytes = counted.count();
        channel.force(true);
      }
      boolean placed = place(part, target, existing);
      return new Delivered(target.toString(), placed ? bytes : 0, placed ? profiles : 0, !placed);
    } catch (IOException e) {
      throw new TransientException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (part != null) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException e) {
          // best effort: a leftover .part file is named as such and never taken for the export
        }
      }
    }
  }

  /** Moves the finished part file into place; false if an existing file was left (skip). */
  private static boolean place(Path part, Path target, ExistingTarget existing) throws IOException {
    if (existing == ExistingTarget.OVERWRITE) {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
    try {
      Files.createLink(target, part); // atomic, and fails if the target exists
      return true;
    } catch (FileAlreadyExistsException e) {
      if (existing == ExistingTarget.SKIP) {
        return false;
      }
      throw new ConfigException(
          "if_exists",
          target + " exists; set if_exists to overwrite or skip, or put a time in file_name",
          e);
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(target)) {
        throw new ConfigException(
            "if_exists", target + " exists; set if_exists to overwrite or skip", null);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  private Path target(ConnectorConfig config, String name) {
    Path dir = root.resolve(config.string("directory").strip()).normalize();
    Path target = dir.resolve(name).normalize();
    if (!dir.startsWith(root) || !target.startsWith(dir) || target.equals(dir)) {
      throw new ConfigException(
          "directory", "the export must stay inside " + root + ": " + target, null);
    }
    return target;
  }

  @Override
  public String toString() {
    return "directory " + root;
  }
}
