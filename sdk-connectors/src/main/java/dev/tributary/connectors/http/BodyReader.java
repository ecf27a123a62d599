package dev.tributary.connectors.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the body of a successful response as a stream, for {@link HttpTransport#download}: a file
 * too large to hold in memory (a cohort export, a report) goes straight to disk or to a parser.
 *
 * @param <T> what reading produces
 */
@FunctionalInterface
public interface BodyReader<T> {
  /**
   * Reads {@code body}. The transport closes it afterwards; an {@link IOException} becomes a {@code
   * TRANSIENT} error of the download.
   */
  T read(InputStream body) throws IOException;
}
