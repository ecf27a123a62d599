package dev.tributary.core.state;

import dev.tributary.core.connector.Checkpoint;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps each job's last committed {@link Checkpoint}, so that a job resumes where it stopped after
 * a restart or a crash. The runtime saves a checkpoint only after everything before it is committed
 * (at-least-once delivery) and loads it when a run starts.
 *
 * <p>Implementations must be thread-safe, and {@link #save} must be atomic and durable: once it
 * returns, a {@link #load} — in this process or after a crash — sees the new checkpoint, and at no
 * moment a mix of the old and the new one. Two implementations come with the SDK: {@link
 * #inMemory()} and {@link #directory(Path)}; a host may store checkpoints in its own database.
 */
public interface StateStore {
  /**
   * The checkpoint last saved under {@code key}, or empty if there is none.
   *
   * @throws CorruptStateException if the stored state cannot be read back intact
   */
  Optional<Checkpoint> load(String key);

  /** Replaces the checkpoint under {@code key}, atomically and durably. */
  void save(String key, Checkpoint checkpoint);

  /** Forgets {@code key}; the next run of its job starts from the beginning. */
  void delete(String key);

  /** A store that lives as long as this object: for tests, and for jobs that may start over. */
  static StateStore inMemory() {
    return new InMemoryStateStore();
  }

  /**
   * A store that keeps one small file per key in {@code directory} (created if missing). Files are
   * written to a temporary name, forced to disk and moved over the old file atomically, so a crash
   * mid-write leaves the previous checkpoint in place; a file damaged by other means is detected by
   * its checksum. Use one store object per directory in a process.
   *
   * @throws dev.tributary.core.ConfigException if the directory cannot be created or is not
   *     writable
   */
  static StateStore directory(Path directory) {
    return new DirectoryStateStore(directory);
  }
}
