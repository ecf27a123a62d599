package dev.tributary.sftp;

import java.util.Objects;

/**
 * A done-file (also called trigger or marker file) that an upload writes <em>after</em> the data
 * file is complete under its final name, for receivers that poll for it. Its name is the data
 * file's name plus {@link #suffix()}; its content is empty or, with {@link #withChecksum(String)},
 * three lines a receiver can check the data against:
 *
 * <pre>
 * name=export-2026-12-01.csv.gz.pgp
 * size=1048576
 * md5=9e107d9d372bb6826bd81d3542a419d6
 * </pre>
 *
 * @param suffix appended to the data file's name, such as {@code .done}, {@code .ok} or {@code
 *     .trg}
 * @param withChecksum whether to write name, size and MD5 into it
 */
public record DoneFile(String suffix, boolean withChecksum) {
  public DoneFile {
    Objects.requireNonNull(suffix, "suffix");
    if (suffix.isEmpty() || suffix.contains("/")) {
      throw new IllegalArgumentException("suffix must be non-empty and have no '/': " + suffix);
    }
  }

  /** An empty done-file named data file name + {@code suffix}. */
  public static DoneFile empty(String suffix) {
    return new DoneFile(suffix, false);
  }

  /** A done-file named data file name + {@code suffix} holding the name, size and MD5. */
  public static DoneFile withChecksum(String suffix) {
    return new DoneFile(suffix, true);
  }

  /** The done-file's content for a data file. */
  public String content(String name, long size, String md5) {
    return withChecksum ? "name=" + name + "\nsize=" + size + "\nmd5=" + md5 + "\n" : "";
  }
}
