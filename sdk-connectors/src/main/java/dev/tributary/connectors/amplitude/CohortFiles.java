package dev.tributary.connectors.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.SystemException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local files of one cohort import, in its download directory: the members of a snapshot
 * ({@code …-<request>.members.jsonl}), the users who left since the previous snapshot ({@code
 * …-<request>.exits.jsonl}) and the previous snapshot itself ({@code ….previous.jsonl}), one JSON
 * object per line so that a page is read from a byte offset. A snapshot's files are written to
 * {@code .part} files and moved into place, exits first: a members file exists only complete, with
 * its exits beside it.
 *
 * <p>Files are named by a hash of the endpoint, the cohort and the API key's name (never the key),
 * so that imports of several projects share a directory safely.
 */
final class CohortFiles {
  private static final Logger log = LoggerFactory.getLogger(CohortFiles.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final String prefix;

  CohortFiles(Path directory, String... identity) {
    this.directory = directory;
    this.prefix = "amplitude-cohort-" + hash(String.join("\n", identity)).substring(0, 16);
  }

  Path members(String requestId) {
    return directory.resolve(prefix + "-" + safe(requestId) + ".members.jsonl");
  }

  Path exits(String requestId) {
    return directory.resolve(prefix + "-" + safe(requestId) + ".exits.jsonl");
  }

  Path previous() {
    return directory.resolve(prefix + ".previous.jsonl");
  }

  /** Whether the snapshot of {@code requestId} was downloaded completely. */
  boolean ready(String requestId) {
    return Files.isRegularFile(members(requestId));
  }

  /** A snapshot written: its members and how many left since the previous one. */
  record Snapshot(long members, long exits) {}

  /**
   * Converts the downloaded file into the members file and, if {@code trackExits} and a previous
   * snapshot exists, the exits file.
   */
  Snapshot write(String requestId, InputStream body, boolean trackExits) throws IOException {
    Files.createDirectories(directory);
    Path membersPart = part(members(requestId));
    CohortCsv.Converted converted;
    try (OutputStream out = buffered(membersPart)) {
      converted = CohortCsv.convert(body, out, "cohort request " + requestId);
    }
    long exits = 0;
    Path exitsPart = part(exits(requestId));
    try (OutputStream out = buffered(exitsPart)) {
      if (trackExits && converted.ids().usable() && Files.isRegularFile(previous())) {
        exits = writeExits(converted.ids(), out);
      } else if (trackExits && !converted.ids().usable()) {
        log.debug("amplitude_id values that are not numbers: leavers are not computed");
      }
    }
    move(exitsPart, exits(requestId));
    move(membersPart, members(requestId));
    return new Snapshot(converted.rows(), exits);
  }

  private long writeExits(LongIds current, OutputStream out) throws IOException {
    long exits = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(previous()), 64 * 1024)) {
      byte[] line;
      while ((line = readLine(in)) != null) {
        JsonNode previous = JSON.readTree(line);
        String id = previous.path("amplitude_id").asText("");
        if (!id.isEmpty() && id.strip().matches("-?\\d{1,19}") && !current.contains(id)) {
          out.write(line);
          out.write('\n');
          exits++;
        }
      }
    }
    return exits;
  }

  /** Lines of {@code file} from {@code offset}: at most {@code max}, and the offset after them. */
  record Lines(List<JsonNode> lines, long next, boolean end) {}

  Lines read(Path file, long offset, int max) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(offset);
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
      List<JsonNode> lines = new ArrayList<>();
      long position = offset;
      while (lines.size() < max) {
        byte[] line = readLine(in);
        if (line == null) {
          return new Lines(lines, position, true);
        }
        position += line.length + 1;
        if (line.length > 0) {
          lines.add(JSON.readTree(line));
        }
      }
      return new Lines(lines, position, position >= channel.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName(), e);
    }
  }

  /**
   * Makes the committed snapshot of {@code requestId} the previous one and deletes its other files.
   * Idempotent: a run that crashed after this does it again harmlessly.
   */
  void promote(String requestId) {
    try {
      if (Files.isRegularFile(members(requestId))) {
        move(members(requestId), previous());
      }
      Files.deleteIfExists(exits(requestId));
    } catch (IOException e) {
      throw new SystemException(
          "cannot keep the cohort snapshot in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the files of a snapshot that will not be read (a new request replaces it). */
  void discard(String requestId) {
    try {
      Files.deleteIfExists(members(requestId));
      Files.deleteIfExists(exits(requestId));
      Files.deleteIfExists(part(members(requestId)));
      Files.deleteIfExists(part(exits(requestId)));
    } catch (IOException e) {
      log.debug("could not delete the files of cohort request {}: {}", requestId, e.toString());
    }
  }

  /** The next line without its newline, or null at the end. */
  private static byte @Nullable [] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        return line.toByteArray();
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toByteArray();
  }

  /** A buffered stream to {@code file} that is forced to the disk when closed. */
  private static OutputStream buffered(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    return new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024) {
      @Override
      public void close() throws IOException {
        try {
          flush();
          channel.force(true);
        } finally {
          super.close();
        }
      }
    };
  }

  private static Path part(Path file) {
    return file.resolveSibling(file.getFileName() + ".part");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String safe(String requestId) {
    return requestId.matches("[A-Za-z0-9_-]{1,64}") ? requestId : hash(requestId).substring(0, 24);
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
