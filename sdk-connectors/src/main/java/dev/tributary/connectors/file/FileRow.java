package dev.tributary.connectors.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One record of an imported file: a CSV row (values by header, as text) or a JSON Lines object
 * (values as JSON decodes them), with the file and the line it started on. A row that could not be
 * read — a CSV row with too many or too few values, a line that is not a JSON object — carries its
 * {@link #problem()} instead of values, so that it is reported with its line number while the rest
 * of the file imports.
 *
 * @param file the file's path, relative to the SFTP client's base directory
 * @param line the 1-based line the record starts on
 * @param values the record's values by column, in file order; empty when there is a problem
 * @param problem why the row could not be read, or {@code null}
 */
public record FileRow(
    String file, long line, Map<String, @Nullable Object> values, @Nullable String problem) {
  public FileRow {
    Objects.requireNonNull(file, "file");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static FileRow bad(String file, long line, String problem) {
    return new FileRow(file, line, Map.of(), problem);
  }

  /** Why the row could not be read, if it could not. */
  public Optional<String> failure() {
    return Optional.ofNullable(problem);
  }

  @Override
  public String toString() {
    // values are personal data: columns only
    return "FileRow["
        + file
        + " line "
        + line
        + (problem != null ? ": " + problem : ", columns " + values.keySet())
        + "]";
  }
}
