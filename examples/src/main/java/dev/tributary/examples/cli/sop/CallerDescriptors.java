package dev.tributary.examples.cli.sop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The descriptors that were open when the runner's {@code main} started, before its warm-up thread
 * existed: the caller's (and those the JVM opened before {@code main}). An {@code @FD:N} names a
 * descriptor the caller opened, but the JVM and the warm-up thread open files of their own at the
 * lowest free numbers while the verb reads its arguments, so a number the caller left closed may be
 * one of theirs when {@link SopIo} looks. With a snapshot, a descriptor counts as the caller's only
 * if it was open at the start with the same number and the same link target: a number opened since,
 * or closed and reused for another file since, is not the caller's.
 *
 * <p>Taken only when an argument names a descriptor ({@link #record}; {@code main} looks, and
 * leaves this class unloaded otherwise), so a verb without one pays nothing. Without a snapshot (an
 * in-process caller of {@link Sop#run}, which has no such start, or a system where neither {@code
 * /proc/self/fd} nor {@code /dev/fd} can be listed), {@link SopIo} relies on its list of the JVM's
 * own files alone. On macOS, whose {@code /dev/fd} entries are not links, the numbers are compared
 * and not the files. The snapshot is the process's, set once by {@code main}; safe to read from any
 * thread.
 */
public final class CallerDescriptors {
  /** A target that could not be read: the number is compared, not the file. */
  private static final String UNKNOWN = "";

  private static volatile @Nullable CallerDescriptors atStart;

  /** Each descriptor's number and where its link led then ({@link #UNKNOWN} if unreadable). */
  private final Map<Integer, String> targets;

  private CallerDescriptors(Map<Integer, String> targets) {
    this.targets = targets;
  }

  /**
   * Records the descriptors open now as the caller's; for {@code main}, before it starts any
   * thread, and only when an argument names a descriptor ({@code @FD:N}).
   */
  public static void record() {
    use(take());
  }

  /** The snapshot {@code main} took, or null when it took none. */
  static @Nullable CallerDescriptors atStart() {
    return atStart;
  }

  /** Makes {@code snapshot} the process's ({@link #atStart}); null for none, as in-process. */
  static void use(@Nullable CallerDescriptors snapshot) {
    atStart = snapshot;
  }

  /**
   * The descriptors open now, or null when neither {@code /proc/self/fd} nor {@code /dev/fd} can be
   * listed. The listing's own descriptor, closed by the time its link is read, is left out.
   */
  static @Nullable CallerDescriptors take() {
    File folder = new File("/proc/self/fd");
    String[] names = folder.list();
    if (names == null) {
      folder = new File("/dev/fd");
      names = folder.list();
    }
    if (names == null) {
      return null;
    }
    Map<Integer, String> targets = new HashMap<>();
    for (String name : names) {
      String target = isNumber(name) ? target(new File(folder, name).toPath()) : null;
      if (target != null) {
        targets.put(Integer.valueOf(name), target);
      }
    }
    return new CallerDescriptors(targets);
  }

  /**
   * Whether descriptor {@code number}, whose link now leads to {@code target} (null when it cannot
   * be read), was open at the start and led to the same place.
   */
  boolean held(int number, @Nullable String target) {
    String then = targets.get(number);
    if (then == null) {
      return false;
    }
    return then.equals(UNKNOWN) || target == null || then.equals(target);
  }

  /** Whether {@code name} is a descriptor's number (no regular expression: this runs first). */
  private static boolean isNumber(String name) {
    if (name.isEmpty() || name.length() > 9) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Where descriptor {@code file}'s link leads: {@link #UNKNOWN} when it is open but not a link
   * (macOS), null when it is not open.
   */
  private static @Nullable String target(Path file) {
    try {
      return Files.readSymbolicLink(file).toString();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | UnsupportedOperationException e) {
      return Files.exists(file) ? UNKNOWN : null;
    }
  }
}
