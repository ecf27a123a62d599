package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.SshTestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostKeyPolicyTest {
  @Test
  void fingerprints_acceptOpenSshSha256Form_withOrWithoutPadding() {
    String f = SshTestKeys.HOST_ECDSA.fingerprint();
    assertThat(HostKeyPolicy.fingerprints(f + "=", " " + f).pinnedFingerprints())
        .containsExactly(f);
  }

  @Test
  void fingerprints_refuseMd5AndGarbage_namingTheBadValue() {
    assertThatThrownBy(() -> HostKeyPolicy.fingerprints("MD5:a9:74:18:f8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MD5:a9:74:18:f8")
        .hasMessageContaining("ssh-keygen -l -E sha256");
    assertThatThrownBy(HostKeyPolicy::fingerprints).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptAny_isLoudInToString() {
    assertThat(HostKeyPolicy.acceptAnyHostKeyInsecurely())
        .hasToString("HostKeyPolicy[accept any host key INSECURELY]");
  }

  @Test
  void acceptAny_connectsToAnUnknownServer() {
    try (EmbeddedSftpServer server = EmbeddedSftpServer.builder().user("u", "p").start();
        SftpClient sftp =
            SftpClient.builder(server.host())
                .port(server.port())
                .authorization(Authorization.sftpPassword("u", Secret.of("p")))
                .hostKeys(HostKeyPolicy.acceptAnyHostKeyInsecurely())
                .build()) {
      assertThat(sftp.stat("")).isPresent();
    }
  }

  @Test
  void missingKnownHostsFile_isAConfigErrorNamingIt() {
    try (EmbeddedSftpServer server = EmbeddedSftpServer.builder().user("u", "p").start();
        SftpClient sftp =
            SftpClient.builder(server.host())
                .port(server.port())
                .authorization(Authorization.sftpPassword("u", Secret.of("p")))
                .hostKeys(HostKeyPolicy.knownHosts(Path.of("/nonexistent/known_hosts")))
                .build()) {
      assertThatThrownBy(() -> sftp.stat(""))
          .isInstanceOf(dev.tributary.core.ConfigException.class)
          .hasMessageContaining("/nonexistent/known_hosts does not exist");
    }
  }

  @Test
  void builder_refusesNonSftpAuthorizations_andNeverPrintsTheSecret() {
    assertThatThrownBy(
            () -> SftpClient.builder("h").authorization(Authorization.bearer(Secret.of("t"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a bearer token");
    assertThatThrownBy(() -> SftpClient.builder("h").build())
        .isInstanceOf(IllegalStateException.class);
    try (SftpClient c =
        SftpClient.builder("h")
            .authorization(Authorization.sftpPassword("u", Secret.of("hunter2")))
            .build()) {
      assertThat(c.toString()).contains("u@h:22").doesNotContain("hunter2");
    }
  }
}
