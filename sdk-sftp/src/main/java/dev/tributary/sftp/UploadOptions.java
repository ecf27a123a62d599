package dev.tributary.sftp;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How an upload treats the target: what to do when it exists, whether to write atomically, and
 * whether to add a {@link DoneFile}. Immutable; {@link #defaults()} fails on an existing target and
 * writes atomically.
 */
public final class UploadOptions {
  private static final UploadOptions DEFAULTS = builder().build();

  private final ExistingTarget existingTarget;
  private final boolean atomic;
  private final boolean createDirectories;
  private final boolean computeMd5;
  private final @Nullable DoneFile doneFile;

  private UploadOptions(Builder b) {
    this.existingTarget = b.existingTarget;
    this.atomic = b.atomic;
    this.createDirectories = b.createDirectories;
    this.doneFile = b.doneFile;
    this.computeMd5 = b.computeMd5 || (b.doneFile != null && b.doneFile.withChecksum());
  }

  /** Fail when the target exists; atomic; no done-file; no MD5; no directories created. */
  public static UploadOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.existingTarget = existingTarget;
    b.atomic = atomic;
    b.createDirectories = createDirectories;
    b.computeMd5 = computeMd5;
    b.doneFile = doneFile;
    return b;
  }

  public ExistingTarget existingTarget() {
    return existingTarget;
  }

  public boolean atomic() {
    return atomic;
  }

  public boolean createDirectories() {
    return createDirectories;
  }

  public boolean computeMd5() {
    return computeMd5;
  }

  public Optional<DoneFile> doneFile() {
    return Optional.ofNullable(doneFile);
  }

  @Override
  public String toString() {
    return "UploadOptions[existingTarget="
        + existingTarget
        + ", atomic="
        + atomic
        + ", createDirectories="
        + createDirectories
        + ", computeMd5="
        + computeMd5
        + ", doneFile="
        + doneFile
        + "]";
  }

  /** Builds {@link UploadOptions}. Not thread-safe. */
  public static final class Builder {
    private ExistingTarget existingTarget = ExistingTarget.FAIL;
    private boolean atomic = true;
    private boolean createDirectories;
    private boolean computeMd5;
    private @Nullable DoneFile doneFile;

    private Builder() {}

    /**
     * What to do when the target exists. Default {@link ExistingTarget#FAIL}: nothing is lost by
     * surprise. Exports that replace yesterday's file use {@link ExistingTarget#OVERWRITE}.
     */
    public Builder existingTarget(ExistingTarget existingTarget) {
      this.existingTarget = Objects.requireNonNull(existingTarget, "existingTarget");
      return this;
    }

    /**
     * Whether to write under a temporary name ({@code .NAME.RANDOM.part} in the same directory) and
     * rename it to the final name only when complete. Default {@code true}: a reader never sees a
     * partial file under the final name. Turn it off only for servers that forbid renames; then a
     * failed upload can leave a partial file behind.
     */
    public Builder atomic(boolean atomic) {
      this.atomic = atomic;
      return this;
    }

    /** Whether to create missing parent directories first. Default {@code false}. */
    public Builder createDirectories(boolean createDirectories) {
      this.createDirectories = createDirectories;
      return this;
    }

    /**
     * Whether to compute the MD5 of the bytes sent ({@link UploadResult#md5Hex()}). Default {@code
     * false} (it costs CPU); always on with {@link DoneFile#withChecksum(String)}.
     */
    public Builder computeMd5(boolean computeMd5) {
      this.computeMd5 = computeMd5;
      return this;
    }

    /** Writes a done-file after the data file is in place. Default: none. */
    public Builder doneFile(DoneFile doneFile) {
      this.doneFile = Objects.requireNonNull(doneFile, "doneFile");
      return this;
    }

    public UploadOptions build() {
      return new UploadOptions(this);
    }
  }
}
