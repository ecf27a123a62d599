package dev.tributary.connectors.file;

import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Where an export file goes: an SFTP server, a local directory, an e-mail. A destination streams
 * the content to its final place and returns only once that place confirmed it (the upload is
 * renamed into place, the file moved, the SMTP server accepted the message); a failure leaves
 * nothing under the final name. Thread-safe.
 */
interface FileDestination {
  /** Writes the file's content; returns the number of profiles written. */
  @FunctionalInterface
  interface Content {
    long writeTo(OutputStream out) throws IOException;
  }

  /**
   * What a delivery did.
   *
   * @param location where the file is now, for messages and reports
   * @param bytes the file's size
   * @param profiles the profiles in it
   * @param skipped whether a file of that name existed and {@code if_exists=skip} left it alone
   */
  record Delivered(String location, long bytes, long profiles, boolean skipped) {}

  ConnectorDescriptor descriptor();

  /**
   * Problems with the destination's own settings and, where that is cheap and writes nothing, with
   * reaching it (SFTP logs in and looks the directory up).
   */
  CheckResult check(ConnectorConfig config);

  /**
   * Delivers a file named {@code name}.
   *
   * @param resumed whether this name was planned by an earlier attempt that may have delivered it:
   *     an existing file of that name is then replaced rather than refused
   * @param data the file-name data, for texts that go with the file (an e-mail's subject)
   */
  Delivered deliver(
      ConnectorContext context,
      String name,
      boolean resumed,
      Map<String, Object> data,
      Content content);
}
