package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.OpenSshServer;
import dev.tributary.testing.RequiresProgram;
import dev.tributary.testing.SshTestKey;
import dev.tributary.testing.SshTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a real OpenSSH sshd started for these tests. */
@RequiresProgram(value = "sshd", debianPackage = "openssh-server")
class OpenSshInteropTest {
  static OpenSshServer sshd;

  @BeforeAll
  static void startSshd() {
    sshd =
        OpenSshServer.start(
            SshTestKeys.HOST_ED25519,
            List.of(
                SshTestKeys.CLIENT_ED25519,
                SshTestKeys.CLIENT_ED25519_PROTECTED,
                SshTestKeys.CLIENT_RSA_PEM,
                SshTestKeys.CLIENT_RSA_PEM_PROTECTED));
  }

  @AfterAll
  static void stopSshd() {
    if (sshd != null) {
      sshd.close();
    }
  }

  static SftpClientBuilder client(SshTestKey key) {
    return SftpClient.builder(sshd.host())
        .port(sshd.port())
        .authorization(key.authorization(sshd.user()))
        .hostKeys(HostKeyPolicy.fingerprints(sshd.hostKeyFingerprint()))
        .retryDelay(Duration.ZERO);
  }

  static Stream<SshTestKey> clientKeys() {
    return SshTestKeys.clientKeys().stream();
  }

  @ParameterizedTest
  @MethodSource("clientKeys")
  void logsInWithEveryKeyFormat_andRoundTripsAFile(SshTestKey key) {
    byte[] data = TestData.bytes(100_000, 7);
    String name = "key-" + key.name() + ".bin";
    try (SftpClient sftp = client(key).build()) {
      sftp.upload(name, new ByteArrayInputStream(data));
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      sftp.download(name, back);
      assertThat(back.toByteArray()).isEqualTo(data);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 32_736, 32_768, 261_120, 261_121, 4 * 1024 * 1024 + 3})
  void transfersOfManySizes_keepTheirChecksum(int size) throws Exception {
    byte[] data = TestData.bytes(size, size + 1L);
    try (SftpClient sftp = client(SshTestKeys.CLIENT_ED25519).build()) {
      UploadResult up =
          sftp.upload(
              "size-" + size,
              new ByteArrayInputStream(data),
              UploadOptions.builder().computeMd5(true).build());
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      sftp.download("size-" + size, back);

      assertThat(up.md5Hex()).contains(TestData.md5(data));
      assertThat(TestData.sha256(back.toByteArray())).isEqualTo(TestData.sha256(data));
      assertThat(TestData.sha256(Files.readAllBytes(sshd.root().resolve("size-" + size))))
          .isEqualTo(TestData.sha256(data));
    }
  }

  @Test
  void unknownHostKey_isRefused_withTheOfferedFingerprintAndHowToPinIt() {
    try (SftpClient sftp =
        client(SshTestKeys.CLIENT_ED25519)
            .hostKeys(HostKeyPolicy.fingerprints(SshTestKeys.HOST_ECDSA.fingerprint()))
            .build()) {
      assertThatThrownBy(() -> sftp.stat("x"))
          .isInstanceOfSatisfying(
              HostKeyRejectedException.class,
              e -> {
                assertThat(e.fingerprint()).isEqualTo(SshTestKeys.HOST_ED25519.fingerprint());
                assertThat(e.keyType()).isEqualTo("ssh-ed25519");
                assertThat(e.changed()).isFalse();
                assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
              })
          .hasMessageContaining(SshTestKeys.HOST_ED25519.fingerprint())
          .hasMessageContaining("HostKeyPolicy.fingerprints(\"")
          .hasMessageContaining("--fingerprint");
    }
  }

  @Test
  void knownHostsFile_trustsTheListedKey_andRefusesAChangedOne(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
    Path changed =
        Files.writeString(
            dir.resolve("changed"),
            "["
                + sshd.host()
                + "]:"
                + sshd.port()
                + " "
                + SshTestKeys.CLIENT_ED25519.publicKeyWithoutComment()
                + "\n");
    Path empty = Files.writeString(dir.resolve("empty"), "");

    try (SftpClient sftp =
        client(SshTestKeys.CLIENT_ED25519).hostKeys(HostKeyPolicy.knownHosts(good)).build()) {
      assertThat(sftp.stat("")).isPresent();
    }
    try (SftpClient sftp =
        client(SshTestKeys.CLIENT_ED25519).hostKeys(HostKeyPolicy.knownHosts(changed)).build()) {
      assertThatThrownBy(() -> sftp.stat(""))
          .isInstanceOfSatisfying(
              HostKeyRejectedException.class, e -> assertThat(e.changed()).isTrue())
          .hasMessageStartingWith("HOST KEY CHANGED")
          .hasMessageContaining(SshTestKeys.HOST_ED25519.fingerprint());
    }
    try (SftpClient sftp =
        client(SshTestKeys.CLIENT_ED25519).hostKeys(HostKeyPolicy.knownHosts(empty)).build()) {
      assertThatThrownBy(() -> sftp.stat(""))
          .isInstanceOf(HostKeyRejectedException.class)
          .hasMessageContaining(
              "add this line to that file: [127.0.0.1]:" + sshd.port() + " ssh-ed25519 ");
    }
  }

  @Test
  void wrongPassword_isRefusedAsAConfigError() {
    try (SftpClient sftp =
        client(SshTestKeys.CLIENT_ED25519)
            .authorization(Authorization.sftpPassword(sshd.user(), Secret.of("not-the-password")))
            .build()) {
      assertThatThrownBy(() -> sftp.stat(""))
          .isInstanceOfSatisfying(
              ConfigException.class, e -> assertThat(e.setting()).contains("authorization"))
          .hasMessageContaining(
              "login to " + sshd.user() + "@127.0.0.1:" + sshd.port() + " was refused")
          .hasMessageNotContaining("not-the-password");
    }
  }

  @Test
  void keyNotAuthorized_isRefusedAsAConfigError() {
    OpenSshServer other =
        OpenSshServer.start(SshTestKeys.HOST_ED25519, List.of(SshTestKeys.CLIENT_RSA_PEM));
    try (other;
        SftpClient sftp =
            SftpClient.builder(other.host())
                .port(other.port())
                .authorization(SshTestKeys.CLIENT_ED25519.authorization(other.user()))
                .hostKeys(HostKeyPolicy.fingerprints(other.hostKeyFingerprint()))
                .build()) {
      assertThatThrownBy(() -> sftp.stat(""))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("was refused")
          .hasMessageContaining("authorized_keys");
    }
  }

  @Test
  void wrongPassphrase_saysSo_withoutRevealingIt() {
    SshTestKey key = SshTestKeys.CLIENT_ED25519_PROTECTED;
    try (SftpClient sftp =
        client(key)
            .authorization(
                Authorization.sftpPrivateKey(
                    sshd.user(), Secret.of(key.privateKey()), Secret.of("wrong-passphrase")))
            .build()) {
      assertThatThrownBy(() -> sftp.stat(""))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("passphrase is wrong")
          .hasMessageNotContaining("wrong-passphrase");
    }
  }

  @Test
  void connectionKilledMidUpload_resumesAndCompletes_withoutATemporaryFileLeft() {
    byte[] data = TestData.bytes(3 * 1024 * 1024, 11);
    try (SftpClient sftp = client(SshTestKeys.CLIENT_ED25519).build()) {
      sftp.upload(
          "resumed.bin",
          Hooks.afterReading(new ByteArrayInputStream(data), 1024 * 1024, sshd::disconnectAll));
      assertThat(TestData.sha256(read(sshd.root().resolve("resumed.bin"))))
          .isEqualTo(TestData.sha256(data));
      assertThat(names(sshd.root())).noneMatch(n -> n.startsWith(".resumed.bin."));
    }
  }

  @Test
  void connectionKilledMidUpload_withoutRetries_leavesNothingUnderTheFinalName_andARetryWorks() {
    byte[] data = TestData.bytes(2 * 1024 * 1024, 12);
    try (SftpClient sftp = client(SshTestKeys.CLIENT_ED25519).maxAttempts(1).build()) {
      assertThatThrownBy(
              () ->
                  sftp.upload(
                      "once.bin",
                      Hooks.afterReading(
                          new ByteArrayInputStream(data), 512 * 1024, sshd::disconnectAll)))
          .isInstanceOf(TransientException.class)
          .hasMessageContaining("lost the SFTP connection");
      assertThat(Files.exists(sshd.root().resolve("once.bin"))).isFalse();
      assertThat(names(sshd.root())).noneMatch(n -> n.startsWith(".once.bin."));

      sftp.upload("once.bin", new ByteArrayInputStream(data));
      assertThat(read(sshd.root().resolve("once.bin"))).isEqualTo(data);
    }
  }

  /**
   * Regression (issue 6): when the connection died while a write waited for the server to open the
   * SSH channel window, the upload hung for the whole 60 s request timeout, because sshj does not
   * wake that wait and its engine lock blocked the wake-up. The timeout catches a hang.
   */
  @Test
  @Timeout(value = 50, unit = TimeUnit.SECONDS)
  void repeatedKillsMidUpload_resumeWithoutWaitingOutTheRequestTimeout() {
    byte[] data = TestData.bytes(2 * 1024 * 1024, 14);
    try (SftpClient sftp = client(SshTestKeys.CLIENT_ED25519).build()) {
      for (int i = 0; i < 8; i++) {
        sftp.upload(
            "kill-" + i,
            Hooks.afterReading(
                new ByteArrayInputStream(data), 512 * 1024 + i * 100_000L, sshd::disconnectAll));
        assertThat(read(sshd.root().resolve("kill-" + i))).isEqualTo(data);
      }
    }
  }

  @Test
  void connectionKilledMidDownload_resumesWhereItWas() throws Exception {
    byte[] data = TestData.bytes(4 * 1024 * 1024, 13);
    Files.write(sshd.root().resolve("big.bin"), data);
    try (SftpClient sftp = client(SshTestKeys.CLIENT_ED25519).build()) {
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      long n = sftp.download("big.bin", Hooks.afterWriting(back, 1024 * 1024, sshd::disconnectAll));
      assertThat(n).isEqualTo(data.length);
      assertThat(TestData.sha256(back.toByteArray())).isEqualTo(TestData.sha256(data));
    }
  }

  @Test
  void overwrite_replacesAtomically_withPosixRename() throws Exception {
    try (SftpClient sftp = client(SshTestKeys.CLIENT_ED25519).build()) {
      sftp.upload(
          "same.txt",
          new ByteArrayInputStream("old".getBytes(StandardCharsets.UTF_8)),
          UploadOptions.builder().existingTarget(ExistingTarget.OVERWRITE).build());
      sftp.upload(
          "same.txt",
          new ByteArrayInputStream("new".getBytes(StandardCharsets.UTF_8)),
          UploadOptions.builder().existingTarget(ExistingTarget.OVERWRITE).build());
      assertThat(Files.readString(sshd.root().resolve("same.txt"))).isEqualTo("new");
      assertThatThrownBy(
              () ->
                  sftp.upload(
                      "same.txt", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))))
          .isInstanceOfSatisfying(
              RemoteFileException.class,
              e -> assertThat(e.reason()).isEqualTo(RemoteFileException.Reason.EXISTS));
    }
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> names(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
