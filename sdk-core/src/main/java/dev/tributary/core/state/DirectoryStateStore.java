package dev.tributary.core.state;

import dev.tributary.core.ConfigException;
import dev.tributary.core.SystemException;
import dev.tributary.core.connector.Checkpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link StateStore#directory(Path)}: one file per key, replaced by write-to-temporary, fsync and
 * atomic move, then an fsync of the directory so the rename itself survives a power cut.
 * Thread-safe: saves of one key are serialised; different keys proceed in parallel.
 */
final class DirectoryStateStore implements StateStore {
  private static final String SUFFIX = ".checkpoint";
  private static final int MAX_PLAIN_NAME = 120;

  private final Path directory;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  DirectoryStateStore(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    try {
      Files.createDirectories(this.directory);
    } catch (IOException e) {
      throw new ConfigException(
          "stateDirectory", "cannot create the state directory " + this.directory + ": " + e, e);
    }
    if (!Files.isWritable(this.directory)) {
      throw new ConfigException(
          "stateDirectory", "the state directory " + this.directory + " is not writable", null);
    }
  }

  @Override
  public Optional<Checkpoint> load(String key) {
    Path file = fileFor(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SystemException("cannot read checkpoint file " + file + ": " + e, e);
    }
    try {
      return Optional.of(CheckpointCodec.decode(bytes));
    } catch (IllegalArgumentException e) {
      throw new CorruptStateException(file, e.getMessage(), e);
    }
  }

  @Override
  public void save(String key, Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Path file = fileFor(key);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    byte[] bytes = CheckpointCodec.encode(checkpoint);
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      try {
        try (FileChannel out =
            FileChannel.open(
                temp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            out.write(buffer);
          }
          out.force(true);
        }
        moveAtomically(temp, file);
        forceDirectory();
      } catch (IOException e) {
        throw new SystemException("cannot write checkpoint file " + file + ": " + e, e);
      }
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot replace files atomically", e);
    }
  }

  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
    }
  }

  @Override
  public void delete(String key) {
    Path file = fileFor(key);
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      try {
        Files.deleteIfExists(file);
        forceDirectory();
      } catch (IOException e) {
        throw new SystemException("cannot delete checkpoint file " + file + ": " + e, e);
      }
    }
  }

  /** The file of {@code key}: lower-case letters, digits, _ and - as they are, the rest %XX. */
  Path fileFor(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    StringBuilder name = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        name.append(c);
      } else {
        name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    if (name.length() > MAX_PLAIN_NAME) {
      name.setLength(MAX_PLAIN_NAME - 65);
      name.append('~').append(sha256(key));
    }
    return directory.resolve(name + SUFFIX);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "StateStore.directory[" + directory + "]";
  }
}
