package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SftpClientBuilder#keepAliveInterval}: idle pooled connections ask the server. */
class KeepAliveTest {
  @RegisterExtension
  final EmbeddedSftpServerExtension sftp =
      new EmbeddedSftpServerExtension(EmbeddedSftpServer.builder().user("alice", "wonderland"));

  @Test
  void idlePooledConnection_sendsKeepAlivesAtTheConfiguredInterval() throws Exception {
    EmbeddedSftpServer server = sftp.server();
    try (SftpClient client =
        SftpClient.builder(server.host())
            .port(server.port())
            .authorization(Authorization.sftpPassword("alice", Secret.of("wonderland")))
            .hostKeys(HostKeyPolicy.fingerprints(server.hostKeyFingerprint()))
            .keepAliveInterval(Duration.ofSeconds(1))
            .build()) {
      assertThat(client.stat("")).isPresent();

      // At 1 s, two arrive within ~2 s; the 15 s default would send none before the deadline.
      assertThat(awaitAtLeast(2, server::keepAlivesReceived, Duration.ofSeconds(10)))
          .isGreaterThanOrEqualTo(2);

      // The server answered them and the idle connection is still the pooled one.
      assertThat(client.stat("")).isPresent();
      assertThat(server.sessionsOpened()).isEqualTo(1);
    }
  }

  /** Polls {@code counter} until it reaches {@code wanted} or the deadline passes. */
  private static int awaitAtLeast(int wanted, IntSupplier counter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = counter.getAsInt();
    while (seen < wanted && System.nanoTime() < deadline) {
      Thread.sleep(50);
      seen = counter.getAsInt();
    }
    return seen;
  }
}
