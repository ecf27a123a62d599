package dev.tributary.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.SftpClient;
import dev.tributary.testing.OpenSshServer;
import dev.tributary.testing.RequiresProgram;
import dev.tributary.testing.SshTestKeys;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The file export and import against a real OpenSSH sshd: out, and back in. */
@RequiresProgram(value = "sshd", debianPackage = "openssh-server")
class OpenSshFileTransferTest {

  @Test
  void encryptedExport_toOpenSsh_importsBackIntoRows() throws Exception {
    try (OpenSshServer sshd =
            OpenSshServer.start(SshTestKeys.HOST_ED25519, List.of(SshTestKeys.CLIENT_ED25519));
        SftpClient sftp = client(sshd)) {
      FileExportConnector export = FileExportConnector.toSftp(sftp);
      ConnectorConfig exportConfig =
          ConnectorConfig.parse(
              export.descriptor(),
              Map.of(
                  "audience", "vip",
                  "fields", "first_name",
                  "gzip", "true",
                  "directory", "drop",
                  "done_file", ".done"));
      RunSnapshot run;
      try (JobRunner runner = JobRunner.create()) {
        run =
            runner
                .add(
                    FileExportTask.job(
                            "vip",
                            export,
                            exportConfig,
                            Fixtures.KEY.publicKey(),
                            Fixtures.generatedSource(5000, page -> {}))
                        .build())
                .runNow()
                .get(60, TimeUnit.SECONDS);
      }
      assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
      try (var listed = Files.list(sshd.root().resolve("drop"))) {
        assertThat(listed.map(p -> p.getFileName().toString()))
            .hasSize(2)
            .anySatisfy(n -> assertThat(n).endsWith(".csv.gz.pgp.done"));
      }

      FileImportConnector inbound = FileImportConnector.fromSftp(sftp);
      ConnectorConfig importConfig =
          ConnectorConfig.parse(
              inbound.descriptor(),
              Map.of("directory", "drop", "done_file", ".done", "page_size", "10000"));
      Page<FileRow> page =
          inbound.read(
              ConnectorContext.of(importConfig, Fixtures.KEY.privateKey()), Checkpoint.initial());
      assertThat(page.records()).hasSize(5000);
      assertThat(page.records().get(4999).values())
          .containsEntry("email", "user4999@example.com")
          .containsEntry("first_name", "User 4999");
      assertThat(page.records().get(4999).line()).isEqualTo(5001);
    }
  }

  @Test
  void exportCheck_onOpenSsh_findsTheFileInTheWayOfTheDirectory() throws Exception {
    try (OpenSshServer sshd =
            OpenSshServer.start(SshTestKeys.HOST_ED25519, List.of(SshTestKeys.CLIENT_ED25519));
        SftpClient sftp = client(sshd)) {
      Files.writeString(sshd.root().resolve("blocker"), "a file");
      FileExportConnector export = FileExportConnector.toSftp(sftp);

      assertThat(check(export, "drop/daily").problems()).isEmpty();
      for (String directory : List.of("blocker", "blocker/sub")) {
        assertThat(check(export, directory).problems())
            .as(directory)
            .singleElement()
            .satisfies(
                p ->
                    assertThat(p.message())
                        .startsWith("\"blocker\" on " + sftp.target() + " is a file"));
      }
      assertThat(sshd.root().resolve("drop")).doesNotExist();
    }
  }

  /** A client of {@code sshd} with the fixed Ed25519 key, based in the server's root. */
  static SftpClient client(OpenSshServer sshd) {
    return SftpClient.builder(sshd.host())
        .port(sshd.port())
        .authorization(SshTestKeys.CLIENT_ED25519.authorization(sshd.user()))
        .hostKeys(HostKeyPolicy.fingerprints(sshd.hostKeyFingerprint()))
        .baseDirectory(sshd.root().toString())
        .build();
  }

  static CheckResult check(FileExportConnector export, String directory) {
    ConnectorConfig config =
        ConnectorConfig.parse(
            export.descriptor(), Map.of("audience", "vip", "directory", directory));
    return export.check(ConnectorContext.of(config, Fixtures.KEY.publicKey()));
  }
}
