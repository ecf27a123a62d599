package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.sftp.internal.RemotePaths;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Remote names built from data cannot leave the base directory. */
class UnsafePathTest {
  @RegisterExtension
  static final EmbeddedSftpServerExtension server =
      new EmbeddedSftpServerExtension(EmbeddedSftpServer.builder().user("eve", "pw"));

  static SftpClient client() {
    EmbeddedSftpServer s = server.server();
    return SftpClient.builder(s.host())
        .port(s.port())
        .authorization(Authorization.sftpPassword("eve", Secret.of("pw")))
        .hostKeys(HostKeyPolicy.fingerprints(s.hostKeyFingerprint()))
        .baseDirectory("/exports")
        .build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../secret.csv",
        "a/../../secret.csv",
        "a/b/../../../x",
        "..",
        "/etc/passwd",
        "//etc/passwd",
        "a\u0000.csv",
        "a\nb.csv",
        "a\rb",
        "a\u007fb",
        "..\\..\\windows.ini",
        "sub\\file"
      })
  void unsafePath_isRefusedBeforeAnythingIsSent(String path) {
    int sessionsBefore = server.server().sessionsOpened();
    try (SftpClient sftp = client()) {
      assertThatThrownBy(() -> sftp.upload(path, new ByteArrayInputStream(new byte[1])))
          .isInstanceOfSatisfying(
              UnsafeRemotePathException.class,
              e -> {
                assertThat(e.path()).isEqualTo(path);
                assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION);
              })
          .hasMessageStartingWith("unsafe remote path \"")
          .hasMessageNotContaining("\n")
          .hasMessageNotContaining("\u0000");
      assertThatThrownBy(() -> sftp.stat(path)).isInstanceOf(UnsafeRemotePathException.class);
      assertThatThrownBy(() -> sftp.openDownload(path))
          .isInstanceOf(UnsafeRemotePathException.class);
      assertThatThrownBy(() -> sftp.rename("ok.csv", path, ExistingTarget.OVERWRITE))
          .isInstanceOf(UnsafeRemotePathException.class);
    }
    assertThat(server.server().sessionsOpened()).isEqualTo(sessionsBefore);
  }

  @Test
  void safePaths_stayBelowTheBaseDirectory() throws Exception {
    Files.createDirectories(server.server().root().resolve("exports"));
    try (SftpClient sftp = client()) {
      sftp.upload(
          "./a//b/./c.csv",
          new ByteArrayInputStream(new byte[] {1}),
          UploadOptions.builder().createDirectories(true).build());
      sftp.upload("..hidden..name", new ByteArrayInputStream(new byte[] {2}));
    }
    assertThat(server.server().root().resolve("exports/a/b/c.csv")).exists();
    assertThat(server.server().root().resolve("exports/..hidden..name")).exists();
  }

  @Test
  void resolve_joinsTheBaseDirectory() {
    assertThat(new RemotePaths("/exports/").resolve("a/./b")).isEqualTo("/exports/a/b");
    assertThat(new RemotePaths("").resolve("a")).isEqualTo("a");
    assertThat(new RemotePaths("").resolve("")).isEqualTo(".");
    assertThat(new RemotePaths("/").resolve("x")).isEqualTo("/x");
    assertThat(new RemotePaths("up").resolve(".")).isEqualTo("up");
  }
}
