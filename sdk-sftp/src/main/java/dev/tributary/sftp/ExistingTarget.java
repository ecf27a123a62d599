package dev.tributary.sftp;

/** What an upload or rename does when a file already exists under the target name. */
public enum ExistingTarget {
  /** Replace it, atomically: a reader sees the old file or the new one, never a mix. */
  OVERWRITE,
  /** Refuse with a {@link RemoteFileException} ({@link RemoteFileException.Reason#EXISTS}). */
  FAIL,
  /** Leave it and do nothing; the result says the upload was skipped. */
  SKIP
}
