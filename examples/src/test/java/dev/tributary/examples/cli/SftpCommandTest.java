package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.OpenSshServer;
import dev.tributary.testing.RequiresProgram;
import dev.tributary.testing.SshTestKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sftp put|get|ls}, in process, against the embedded server and a real sshd. */
class SftpCommandTest {
  @TempDir Path dir;
  EmbeddedSftpServer server;
  Path passwordFile;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedSftpServer.builder().user("carol", "s3cret").start();
    passwordFile = Files.writeString(dir.resolve("pw"), "s3cret\n", StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int run(String... args) {
    return TributaryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  String[] withServer(String fingerprint, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--host",
            server.host(),
            "--port",
            String.valueOf(server.port()),
            "--user",
            "carol",
            "--password-file",
            passwordFile.toString(),
            "--fingerprint",
            fingerprint));
    return all.toArray(String[]::new);
  }

  @Test
  void putLsGet_roundTripAFile() throws Exception {
    Path local = Files.writeString(dir.resolve("a.csv"), "id,name\n1,Ada\n");
    String fp = server.hostKeyFingerprint();

    assertThat(
            run(
                withServer(
                    fp,
                    "sftp",
                    "put",
                    local.toString(),
                    "in/a.csv",
                    "--mkdirs",
                    "--done-file",
                    ".done")))
        .as(err.toString())
        .isZero();
    assertThat(run(withServer(fp, "sftp", "ls", "in", "--glob", "*.csv"))).isZero();
    assertThat(run(withServer(fp, "sftp", "get", "in/a.csv", dir.resolve("back.csv").toString())))
        .isZero();

    long size = Files.size(local);
    assertThat(out.toString().lines())
        .containsExactly(
            "uploaded " + size + " bytes to in/a.csv",
            String.format(
                "%12d  %s  %s",
                size,
                Files.getLastModifiedTime(server.root().resolve("in/a.csv"))
                    .toInstant()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                "in/a.csv"),
            "downloaded " + size + " bytes to " + dir.resolve("back.csv"));
    assertThat(dir.resolve("back.csv")).hasSameBinaryContentAs(local);
    assertThat(server.root().resolve("in/a.csv.done")).exists();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void refusedHostKey_exitsNonZero_withTheOfferedFingerprint() {
    int code = run(withServer(SshTestKeys.HOST_ED25519.fingerprint(), "sftp", "ls"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("error: the host key of 127.0.0.1:" + server.port())
        .contains(server.hostKeyFingerprint())
        .contains("--fingerprint " + server.hostKeyFingerprint());
  }

  @Test
  void existingTarget_failsByDefault_andCanBeSkipped() throws Exception {
    Files.writeString(server.root().resolve("x.txt"), "old");
    Path local = Files.writeString(dir.resolve("x.txt"), "new");
    String fp = server.hostKeyFingerprint();
    assertThat(run(withServer(fp, "sftp", "put", local.toString(), "x.txt"))).isEqualTo(2);
    assertThat(err.toString()).contains("'x.txt': it already exists");
    assertThat(run(withServer(fp, "sftp", "put", local.toString(), "x.txt", "--existing", "SKIP")))
        .isZero();
    assertThat(out.toString()).contains("skipped: x.txt exists");
  }

  @Test
  void identityAndPasswordTogether_isAUsageError() {
    int code = run(withServer(server.hostKeyFingerprint(), "sftp", "ls", "--identity", "k"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  @RequiresProgram(value = "sshd", debianPackage = "openssh-server")
  void identityFile_logsInToOpenSsh() throws Exception {
    Path key =
        Files.writeString(dir.resolve("id"), SshTestKeys.CLIENT_ED25519_PROTECTED.privateKey());
    Path passphrase = Files.writeString(dir.resolve("pp"), SshTestKeys.PASSPHRASE + "\n");
    Path knownHosts = dir.resolve("known_hosts");
    try (OpenSshServer sshd =
        OpenSshServer.start(
            SshTestKeys.HOST_ED25519, List.of(SshTestKeys.CLIENT_ED25519_PROTECTED))) {
      Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
      Files.writeString(sshd.root().resolve("r.txt"), "remote");
      Path back = dir.resolve("back.txt");
      int code =
          run(
              "sftp",
              "get",
              "r.txt",
              back.toString(),
              "--host",
              sshd.host(),
              "--port",
              String.valueOf(sshd.port()),
              "--user",
              sshd.user(),
              "--identity",
              key.toString(),
              "--passphrase-file",
              passphrase.toString(),
              "--known-hosts",
              knownHosts.toString());
      assertThat(code).as(err.toString()).isZero();
      assertThat(back).hasContent("remote");
    }
  }
}
