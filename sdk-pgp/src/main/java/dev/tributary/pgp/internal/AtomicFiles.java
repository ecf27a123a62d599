package dev.tributary.pgp.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Writes a file under its final name only when it is complete: into a temporary file in the same
 * directory (so the rename stays on one file system), synced, then renamed over the target. On any
 * failure the temporary file is deleted and the target is left as it was.
 *
 * <p>The temporary file is {@code .<target name>.<random>.partial}, created readable and writable
 * by the owner alone (0600 where the file system has POSIX permissions), so the renamed target has
 * that mode too. The target's name is shortened in it, on a UTF-8 character boundary, to keep the
 * whole name within {@value #MAX_NAME_BYTES} bytes. Failures name the target, not the temporary
 * file.
 */
public final class AtomicFiles {
  /** Writes the content of the file. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /**
   * The longest file name, in UTF-8 bytes, that common file systems take: 255 bytes on Linux
   * (NAME_MAX) and APFS, 255 UTF-16 units on NTFS, never more than UTF-8's bytes.
   */
  static final int MAX_NAME_BYTES = 255;

  private static final String SUFFIX = ".partial";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /**
   * Writes {@code target} through {@code writer}.
   *
   * @throws IllegalArgumentException if {@code target} can never be written: it has no file name
   *     ("/"), its name is too long for the file system, or it is a folder
   * @throws IOException if the writer fails, as it failed, or if writing {@code target} fails: a
   *     {@link TargetFailure} that names it
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path absolute = checkTarget(target);
    Path temp = createTemp(target, absolute);
    boolean done = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out =
              new BufferedOutputStream(
                  new TargetStream(Channels.newOutputStream(channel), target), 1 << 16)) {
        writer.write(out);
        out.flush();
        force(channel, target);
      }
      move(temp, absolute, target);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Fails fast on a folder given as a file ({@code what} is "source" or "target"), which no retry
   * would mend.
   *
   * @throws IllegalArgumentException if {@code file} is a folder
   */
  public static void requireNotFolder(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("the " + what + " is a folder: " + file);
    }
  }

  /** The absolute form of {@code target}, after checking that it could be written at all. */
  private static Path checkTarget(Path target) {
    Path absolute = target.toAbsolutePath();
    Path name = absolute.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("the target has no file name: " + target);
    }
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return absolute;
    } catch (IOException e) {
      // Linux says ENAMETOOLONG; a name of more than 255 UTF-8 bytes may still fit NTFS.
      if (Utf8.length(name.toString()) > MAX_NAME_BYTES) {
        throw new IllegalArgumentException(
            "the target's file name is longer than the file system allows ("
                + MAX_NAME_BYTES
                + " bytes): "
                + target,
            e);
      }
      return absolute; // met, and told, when writing
    }
    if (attributes.isDirectory()) {
      throw new IllegalArgumentException("the target is a folder: " + target);
    }
    return absolute;
  }

  private static Path createTemp(Path target, Path absolute) throws IOException {
    Path dir = absolute.getParent();
    String name = absolute.getFileName().toString();
    FileAttribute<?>[] ownerOnly =
        dir.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    while (true) {
      String random = "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + SUFFIX;
      String prefix = "." + Utf8.fit(name, MAX_NAME_BYTES - 1 - Utf8.length(random));
      try {
        return Files.createFile(dir.resolve(prefix + random), ownerOnly);
      } catch (FileAlreadyExistsException e) {
        // another writer's temporary file: draw again
      } catch (NoSuchFileException e) {
        throw new TargetFailure("no such folder: " + dir, e);
      } catch (IOException e) {
        throw TargetFailure.of(target, e);
      }
    }
  }

  private static void force(FileChannel channel, Path target) throws IOException {
    try {
      channel.force(true);
    } catch (IOException e) {
      throw TargetFailure.of(target, e);
    }
  }

  private static void move(Path temp, Path absolute, Path target) throws IOException {
    try {
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw TargetFailure.of(target, e);
    }
  }

  /** A failure to write the target file, told by the target's name. */
  public static final class TargetFailure extends IOException {
    private static final long serialVersionUID = 1L;

    TargetFailure(String message, IOException cause) {
      super(message, cause);
    }

    static TargetFailure of(Path target, IOException cause) {
      return new TargetFailure("cannot write " + target + ": " + IoFailures.reason(cause), cause);
    }
  }

  /** The temporary file's stream, whose failures name the target. */
  private static final class TargetStream extends FilterOutputStream {
    private final Path target;

    TargetStream(OutputStream out, Path target) {
      super(out);
      this.target = target;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw TargetFailure.of(target, e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
