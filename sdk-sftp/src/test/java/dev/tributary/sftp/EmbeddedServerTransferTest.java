package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import dev.tributary.testing.SshTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedServerTransferTest {
  @RegisterExtension
  final EmbeddedSftpServerExtension sftp =
      new EmbeddedSftpServerExtension(
          EmbeddedSftpServer.builder()
              .user("alice", "wonderland")
              .authorizedKey("alice", SshTestKeys.CLIENT_ED25519));

  SftpClient client;

  SftpClient client() {
    EmbeddedSftpServer server = sftp.server();
    client =
        SftpClient.builder(server.host())
            .port(server.port())
            .authorization(Authorization.sftpPassword("alice", Secret.of("wonderland")))
            .hostKeys(HostKeyPolicy.fingerprints(server.hostKeyFingerprint()))
            .retryDelay(Duration.ZERO)
            .build();
    return client;
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1, 255 * 1024 + 7, 3_000_001})
  void uploadThenDownload_returnsTheSameBytes(int size) throws Exception {
    byte[] data = TestData.bytes(size, size);
    SftpClient c = client();

    UploadResult result =
        c.upload(
            "f.bin",
            new ByteArrayInputStream(data),
            UploadOptions.builder().computeMd5(true).build());
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    long n = c.download("f.bin", back);

    assertThat(result.size()).isEqualTo(size);
    assertThat(result.md5Hex()).contains(TestData.md5(data));
    assertThat(n).isEqualTo(size);
    assertThat(TestData.sha256(back.toByteArray())).isEqualTo(TestData.sha256(data));
    assertThat(TestData.sha256(Files.readAllBytes(sftp.server().root().resolve("f.bin"))))
        .isEqualTo(TestData.sha256(data));
  }

  @Test
  void upload_leavesNoTemporaryFileBehind() throws Exception {
    client()
        .upload(
            "out/a.csv",
            new ByteArrayInputStream(new byte[100]),
            UploadOptions.builder().createDirectories(true).build());
    try (var files = Files.list(sftp.server().root().resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.csv");
    }
  }
}
