package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SFTP recipe against the embedded SFTP server, checked on the server's own files. */
class SftpExampleTest {
  static final String FILE = "contacts-2026-12-01.csv.gz";

  @RegisterExtension
  final EmbeddedSftpServerExtension sftp =
      new EmbeddedSftpServerExtension(
          EmbeddedSftpServer.builder().user(SftpExample.USER, SftpExample.PASSWORD));

  @Test
  void recipe_uploadsTheGzippedCsvWithADoneFile_thenImportsItOnceAndArchivesBoth()
      throws Exception {
    EmbeddedSftpServer server = sftp.server();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    SftpExample.run(
        server.host(),
        server.port(),
        server.hostKeyFingerprint(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    Path archived = server.root().resolve("archive").resolve(FILE);
    List<String> lines = gunzippedLines(archived);
    assertThat(lines).hasSize(10_001);
    assertThat(lines.get(0)).isEqualTo("email,first_name");
    assertThat(lines.get(10_000)).isEqualTo("user9999@example.com,User 9999");
    assertThat(Files.readString(server.root().resolve("archive").resolve(FILE + ".done")))
        .startsWith("name=" + FILE + "\nsize=" + Files.size(archived) + "\nmd5=");
    try (var outbox = Files.list(server.root().resolve("outbox"))) {
      assertThat(outbox).isEmpty();
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("exported outbox/" + FILE + " (" + Files.size(archived) + " bytes, md5 ")
        .contains("done-file outbox/" + FILE + ".done")
        .contains("importing outbox/" + FILE + ": 10001 lines")
        .contains("imported 1 file(s); archive now holds 2 entries");
  }

  static List<String> gunzippedLines(Path file) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
