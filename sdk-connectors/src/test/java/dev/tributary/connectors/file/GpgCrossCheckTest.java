package dev.tributary.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import dev.tributary.testing.RequiresProgram;
import dev.tributary.testing.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Exported files decrypt with GnuPG, and files GnuPG encrypted import. */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class GpgCrossCheckTest {
  @RegisterExtension
  final EmbeddedSftpServerExtension server =
      new EmbeddedSftpServerExtension(EmbeddedSftpServer.builder().user("acme", "s3cret-pw"));

  @TempDir Path exports;
  Path home;

  @BeforeEach
  void gpgHome() throws Exception {
    home = Files.createTempDirectory(Path.of("/tmp"), "gpg"); // the agent socket path is short
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    gpg(Fixtures.KEY.armoredPrivateKey().getBytes(StandardCharsets.US_ASCII), "--import");
  }

  @AfterEach
  void stopAgent() throws Exception {
    new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all")
        .redirectErrorStream(true)
        .start()
        .waitFor(30, TimeUnit.SECONDS);
    TestFiles.deleteRecursively(home); // gpg-agent may still be removing its sockets
  }

  byte[] gpg(byte[] stdin, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "gpg",
                "--homedir",
                home.toString(),
                "--batch",
                "--no-tty",
                "--pinentry-mode",
                "loopback",
                "--trust-model",
                "always"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    try (var in = p.getOutputStream()) {
      in.write(stdin);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread err = new Thread(() -> drain(p.getErrorStream()));
    err.start();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    err.join();
    assertThat(p.exitValue()).as("gpg " + args[args.length - 1]).isZero();
    return out.toByteArray();
  }

  private static void drain(InputStream in) {
    try {
      in.transferTo(OutputStreamNull.INSTANCE);
    } catch (IOException e) {
      // gone
    }
  }

  @Test
  void exportedArmoredGzippedCsv_decryptsWithGnuPg() throws Exception {
    FileExportConnector connector = FileExportConnector.toDirectory(exports);
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of(
                "audience", "vip", "fields", "first_name, plan", "gzip", "true", "armor", "true"));
    FileDelivery delivery =
        connector.export(
            new ConnectorContext(config, Fixtures.KEY.publicKey(), Clock.systemUTC()),
            ExportRun.adhoc(Instant.parse("2026-12-01T02:00:00Z")),
            connector.fileName(
                ConnectorContext.of(config, Fixtures.KEY.publicKey()),
                ExportRun.adhoc(Instant.parse("2026-12-01T02:00:00Z"))),
            false,
            out -> {
              out.write(Fixtures.ann());
              out.write(Fixtures.bob());
            });

    assertThat(delivery.fileName()).isEqualTo("vip-20261201T020000Z.csv.gz.asc");
    byte[] gz = gpg(Files.readAllBytes(exports.resolve(delivery.fileName())), "--decrypt");
    assertThat(Fixtures.csv(Fixtures.gunzip(gz), ','))
        .containsExactly(
            List.of("profile_id", "email", "first_name", "plan"),
            List.of("p-1", "ann@example.com", "Ann", "pro"),
            List.of(
                "p-2", "bob@example.com", "Bob, \"the builder\"", "=HYPERLINK(\"http://evil\")"));
  }

  @Test
  void fileEncryptedByGnuPg_isImported() throws Exception {
    byte[] encrypted =
        gpg(
            "Email,First Name\nann@example.com,Ann\n".getBytes(StandardCharsets.UTF_8),
            "--encrypt",
            "--recipient",
            Fixtures.KEY.fingerprint());
    Files.createDirectories(server.server().root().resolve("inbox"));
    Files.write(server.server().root().resolve("inbox/from-gpg.csv.gpg"), encrypted);
    try (var sftp = Fixtures.client(server.server(), "acme", "s3cret-pw")) {
      FileImportConnector connector = FileImportConnector.fromSftp(sftp);
      ConnectorConfig config =
          ConnectorConfig.parse(connector.descriptor(), Map.of("directory", "inbox"));
      Page<FileRow> page =
          connector.read(
              ConnectorContext.of(config, Fixtures.KEY.privateKey()),
              dev.tributary.core.connector.Checkpoint.initial());
      assertThat(page.records())
          .singleElement()
          .satisfies(r -> assertThat(r.values()).containsEntry("Email", "ann@example.com"));
    }
  }

  /** Discards bytes. */
  private static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
