package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server, driven by MINA's own SSH client (sdk-testing may not use sdk-sftp). */
class EmbeddedSftpServerTest {
  @RegisterExtension
  final EmbeddedSftpServerExtension extension =
      new EmbeddedSftpServerExtension(EmbeddedSftpServer.builder().user("alice", "secret"));

  static ClientSession login(EmbeddedSftpServer server, SshClient client, String password)
      throws Exception {
    ClientSession session =
        client
            .connect("alice", server.host(), server.port())
            .verify(Duration.ofSeconds(10))
            .getSession();
    session.addPasswordIdentity(password);
    session.auth().verify(Duration.ofSeconds(10));
    return session;
  }

  static SshClient client(EmbeddedSftpServer server) {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        (session, address, key) ->
            KeyUtils.getFingerPrint(key).equals(server.hostKeyFingerprint()));
    client.start();
    return client;
  }

  @Test
  void servesItsRootDirectory_toAPasswordUser(EmbeddedSftpServer server) throws Exception {
    Files.writeString(server.root().resolve("hello.txt"), "hi", StandardCharsets.UTF_8);
    try (SshClient client = client(server);
        ClientSession session = login(server, client, "secret");
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
      try (var in = sftp.read("hello.txt")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi");
      }
    }
    assertThat(server.sessionsOpened()).isEqualTo(1);
    assertThat(server.knownHostsLine())
        .isEqualTo(
            "[127.0.0.1]:"
                + server.port()
                + " "
                + SshTestKeys.HOST_ECDSA.publicKeyWithoutComment());
  }

  @Test
  void refusesAWrongPassword(EmbeddedSftpServer server) throws Exception {
    try (SshClient client = client(server)) {
      assertThatThrownBy(() -> login(server, client, "wrong"))
          .hasMessageContaining("No more" + " authentication methods available");
    }
  }

  @Test
  void rootAndHostKey_canBeChosen(@TempDir Path dir) {
    try (EmbeddedSftpServer server =
        EmbeddedSftpServer.builder()
            .root(dir)
            .hostKey(SshTestKeys.HOST_ED25519)
            .authorizedKey("bob", SshTestKeys.CLIENT_ED25519)
            .start()) {
      assertThat(server.root()).isEqualTo(dir);
      assertThat(server.hostKeyFingerprint()).isEqualTo(SshTestKeys.HOST_ED25519.fingerprint());
      assertThat(server.port()).isPositive();
    }
    assertThat(dir).exists(); // a root the caller gave is not deleted
  }

  @Test
  void servesAnInMemoryFileSystem() throws Exception {
    // MINA needs the posix attribute view; Jimfs' "unix" view would hide the permissions.
    Configuration memory =
        Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix").build();
    try (FileSystem fs = Jimfs.newFileSystem(memory)) {
      Path root = Files.createDirectories(fs.getPath("/sftp"));
      Files.writeString(root.resolve("in-memory.txt"), "no disk", StandardCharsets.UTF_8);
      try (EmbeddedSftpServer server =
              EmbeddedSftpServer.builder().root(root).user("alice", "secret").start();
          SshClient client = client(server);
          ClientSession session = login(server, client, "secret");
          SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
        List<String> names = new ArrayList<>();
        sftp.readDir(".").forEach(e -> names.add(e.getFilename()));
        assertThat(names).contains("in-memory.txt");
        try (var out = sftp.write("written.txt")) {
          out.write("over sftp".getBytes(StandardCharsets.UTF_8));
        }
      }
      assertThat(Files.readString(root.resolve("written.txt"), StandardCharsets.UTF_8))
          .isEqualTo("over sftp");
    }
  }

  @Test
  void aServerWithoutUsers_isRefused() {
    assertThatThrownBy(() -> EmbeddedSftpServer.builder().start())
        .isInstanceOf(IllegalStateException.class);
  }
}
