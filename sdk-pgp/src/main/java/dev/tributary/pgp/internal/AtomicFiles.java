package dev.tributary.pgp.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>A process killed while it writes ({@code kill -9}, a power cut) leaves its temporary file
 * behind, which may hold plaintext that was never authenticated. The writer holds a lock on its
 * temporary file, and each write first removes the temporary files of its own target that are
 * stale: unchanged for {@link #STALE_AFTER}, not written by this JVM, and not locked by another
 * process (where the file system has no locks, none is removed). Each removal is logged at INFO.
 * The temporary files are found by listing the folder, which takes tens of milliseconds for a
 * folder of 100,000 files; so a folder is listed at most once per {@link #STALE_AFTER} (per JVM),
 * and the writes in between look through that listing. A file left behind after it can only be
 * stale a minute later anyway, by when the folder is listed again.
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
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  /** How long a temporary file must have been left unchanged before it counts as stale. */
  static final Duration STALE_AFTER = Duration.ofMinutes(1);

  /** A temporary file's name: the target's (shortened), the random part, the suffix. */
  private static final Pattern TEMP =
      Pattern.compile("\\.(.*)\\.([0-9a-z]{1,13})\\.partial", Pattern.DOTALL);

  /**
   * The temporary files this JVM is writing: never stale, and never opened by another write's
   * clean-up, whose closing would release the writer's lock (POSIX locks belong to the process).
   */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

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
    removeStale(absolute);
    Path temp = createTemp(target, absolute);
    boolean done = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out =
              new BufferedOutputStream(
                  new TargetStream(Channels.newOutputStream(channel), target), 1 << 16)) {
        lock(channel); // released when the channel closes, or the process dies
        writer.write(out);
        out.flush();
        force(channel, target);
      }
      move(temp, absolute, target);
      done = true;
    } finally {
      try {
        if (!done) {
          Files.deleteIfExists(temp);
        }
      } finally {
        WRITING.remove(temp);
      }
    }
  }

  /** Locks the temporary file, for other processes to see it is being written; best effort. */
  private static void lock(FileChannel channel) {
    try {
      channel.tryLock();
    } catch (IOException | RuntimeException e) {
      LOG.debug(
          "cannot lock a temporary file (the file system may have no locks): {}", e.toString());
    }
  }

  /**
   * Removes the stale temporary files of {@code target} (see the class comment); best effort.
   *
   * @return how many were removed
   */
  static int removeStale(Path target) {
    String name = target.getFileName().toString();
    int removed = 0;
    for (Path file : temporaryFiles(target.getParent())) {
      if (isTempOf(file, name) && removeIfStale(file, target)) {
        removed++;
      }
    }
    return removed;
  }

  /** A folder's temporary files of any target, found when it was listed last. */
  private record Listing(long nanos, List<Path> files) {}

  /** The folders' latest listings, so that a folder is listed at most once per STALE_AFTER. */
  private static final ConcurrentHashMap<Path, Listing> LISTINGS = new ConcurrentHashMap<>();

  /** The temporary files in {@code folder}, from a listing at most {@link #STALE_AFTER} old. */
  private static List<Path> temporaryFiles(Path folder) {
    long now = System.nanoTime();
    long maxAge = STALE_AFTER.toNanos();
    Listing last = LISTINGS.get(folder);
    if (last != null && now - last.nanos() < maxAge) {
      return last.files();
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(folder, f -> TEMP.matcher(f.getFileName().toString()).matches())) {
      files.forEach(found::add);
    } catch (IOException | DirectoryIteratorException e) {
      LOG.debug("cannot look for stale temporary files in {}: {}", folder, e.toString());
    }
    if (LISTINGS.size() >= 1024) {
      LISTINGS.values().removeIf(l -> now - l.nanos() >= maxAge);
    }
    Listing listing = new Listing(now, List.copyOf(found));
    LISTINGS.put(folder, listing);
    return listing.files();
  }

  /** Lets the next write list every folder again (tests that make stale files between writes). */
  static void forgetListings() {
    LISTINGS.clear();
  }

  private static boolean isTempOf(Path file, String name) {
    Matcher m = TEMP.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return false;
    }
    String random = "." + m.group(2) + SUFFIX;
    return m.group(1).equals(Utf8.fit(name, MAX_NAME_BYTES - 1 - Utf8.length(random)));
  }

  private static boolean removeIfStale(Path file, Path target) {
    if (WRITING.contains(file) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return false; // being written here, or gone since the folder was listed
    }
    try {
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Instant recent = Instant.now().minus(STALE_AFTER);
      if (!a.isRegularFile() || a.lastModifiedTime().toInstant().isAfter(recent)) {
        return false;
      }
      try (FileChannel channel =
              FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          return false; // another process is writing it
        }
        Files.delete(file);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("left the temporary file {}: {}", file, e.toString());
      return false;
    }
    LOG.info(
        "removed {}, left by a write to {} that did not finish (a process killed while writing)",
        file,
        target);
    return true;
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
      Path temp = dir.resolve(prefix + random);
      if (!WRITING.add(temp)) {
        continue; // before it exists: no clean-up may take it for stale
      }
      try {
        return Files.createFile(temp, ownerOnly);
      } catch (FileAlreadyExistsException e) {
        WRITING.remove(temp); // another writer's temporary file: draw again
      } catch (NoSuchFileException e) {
        WRITING.remove(temp);
        throw new TargetFailure("no such folder: " + dir, e);
      } catch (IOException e) {
        WRITING.remove(temp);
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
