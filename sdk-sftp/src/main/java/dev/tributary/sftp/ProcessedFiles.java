package dev.tributary.sftp;

import dev.tributary.sftp.internal.FileProcessedFiles;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which remote files an import has finished, so that a re-run neither skips nor repeats
 * one. {@link FileImport} asks {@link #isProcessed} before reading a file and calls {@link
 * #markProcessed} only after the handler returned — that is, after the import committed what it
 * read.
 *
 * <p>One gap remains in any such scheme: a crash after the handler committed but before the mark is
 * saved makes the next run read the file again. Where that matters, implement this interface on the
 * same database the import writes to and mark the file in the import's own transaction ({@link
 * FileImport.FileHandler} receives the {@link FileKey}); the importer's own mark is then a repeat
 * that must be harmless. Implementations must be thread-safe.
 */
public interface ProcessedFiles {
  boolean isProcessed(FileKey key);

  /** Records the key; marking a key twice is harmless. */
  void markProcessed(FileKey key);

  /** Keeps the keys in memory: for tests and for imports that run once per process. */
  static ProcessedFiles inMemory() {
    Set<FileKey> keys = ConcurrentHashMap.newKeySet();
    return new ProcessedFiles() {
      @Override
      public boolean isProcessed(FileKey key) {
        return keys.contains(key);
      }

      @Override
      public void markProcessed(FileKey key) {
        keys.add(key);
      }

      @Override
      public String toString() {
        return "ProcessedFiles.inMemory[" + keys.size() + " files]";
      }
    };
  }

  /**
   * Keeps the keys in a local file, one line each, appended and forced to disk before {@link
   * #markProcessed} returns, so they survive a crash. A line torn by a crash is dropped when the
   * file is opened. One process at a time may use the file.
   */
  static ProcessedFiles inFile(Path file) {
    return FileProcessedFiles.open(file);
  }
}
