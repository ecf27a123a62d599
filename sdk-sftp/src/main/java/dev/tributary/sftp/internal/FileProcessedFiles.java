package dev.tributary.sftp.internal;

import dev.tributary.core.ConfigException;
import dev.tributary.sftp.FileKey;
import dev.tributary.sftp.ProcessedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@link ProcessedFiles} in an append-only text file: {@code size TAB epochSeconds TAB path} per
 * line (remote paths cannot contain a tab: {@link RemotePaths} refuses control characters).
 * Thread-safe.
 */
public final class FileProcessedFiles implements ProcessedFiles {
  private final Path file;
  private final Set<FileKey> keys;

  private FileProcessedFiles(Path file, Set<FileKey> keys) {
    this.file = file;
    this.keys = keys;
  }

  public static FileProcessedFiles open(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Set<FileKey> keys = new HashSet<>();
      if (Files.exists(file)) {
        dropTornLine(file);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          keys.add(parse(file, line));
        }
      }
      return new FileProcessedFiles(file, keys);
    } catch (IOException e) {
      throw new ConfigException(null, "cannot read the processed-files list " + file, e);
    }
  }

  /** A crash in the middle of an append leaves a line without its newline: cut it off. */
  private static void dropTornLine(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    int end = content.length;
    while (end > 0 && content[end - 1] != '\n') {
      end--;
    }
    if (end < content.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
        ch.force(true);
      }
    }
  }

  private static FileKey parse(Path file, String line) {
    String[] parts = line.split("\t", 3);
    if (parts.length != 3) {
      throw new ConfigException(
          null, "the processed-files list " + file + " has a bad line: " + line, null);
    }
    return new FileKey(
        parts[2], Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])));
  }

  @Override
  public synchronized boolean isProcessed(FileKey key) {
    return keys.contains(key);
  }

  @Override
  public synchronized void markProcessed(FileKey key) {
    if (keys.contains(key)) {
      return;
    }
    String line =
        key.size() + "\t" + key.lastModified().getEpochSecond() + "\t" + key.path() + "\n";
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(true);
    } catch (IOException e) {
      throw new ConfigException(
          null, "cannot record " + key.path() + " in " + file + ": " + e.getMessage(), e);
    }
    keys.add(key);
  }

  @Override
  public String toString() {
    return "ProcessedFiles.inFile[" + file + "]";
  }
}
