package dev.tributary.connectors.file;

import java.util.Objects;

/**
 * An export file delivered: where it went and what it held.
 *
 * @param fileName the rendered file name (with any subdirectory), relative to the destination
 * @param location where the file is now: an {@code sftp://}, a local path or {@code mailto:}
 * @param bytes its size, as sent (after gzip and PGP)
 * @param profiles the profiles written into it
 * @param skipped whether a file of that name existed and {@code if_exists=skip} left it alone
 */
public record FileDelivery(
    String fileName, String location, long bytes, long profiles, boolean skipped) {
  public FileDelivery {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(location, "location");
  }
}
