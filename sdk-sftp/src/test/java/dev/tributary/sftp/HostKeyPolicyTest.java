package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.SshTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void knownHosts_trustsAHashedEntryForHostAndPort(@TempDir Path dir) throws Exception {
    try (EmbeddedSftpServer server = EmbeddedSftpServer.builder().user("u", "p").start()) {
      Path file = dir.resolve("known_hosts");
      String hostAndPort = "[" + server.host() + "]:" + server.port();
      Files.writeString(
          file, hashedEntry(hostAndPort, server.hostKey().publicKeyWithoutComment()) + "\n");
      assertThat(Files.readString(file)).startsWith("|1|").doesNotContain(server.host());

      try (SftpClient sftp = client(server, HostKeyPolicy.knownHosts(file))) {
        assertThat(sftp.stat("")).isPresent();
      }
    }
  }

  @Test
  void knownHosts_refusesAnotherKeyUnderTheSameHashedHost_showingTheOfferedFingerprint(
      @TempDir Path dir) throws Exception {
    try (EmbeddedSftpServer server = EmbeddedSftpServer.builder().user("u", "p").start()) {
      Path file = dir.resolve("known_hosts");
      String hostAndPort = "[" + server.host() + "]:" + server.port();
      // Same key type as the server's (ECDSA P-256), so the entry applies and the key "changed".
      Files.writeString(file, hashedEntry(hostAndPort, "ecdsa-sha2-nistp256 " + otherP256Key()));

      try (SftpClient sftp = client(server, HostKeyPolicy.knownHosts(file))) {
        assertThatThrownBy(() -> sftp.stat(""))
            .isInstanceOfSatisfying(
                HostKeyRejectedException.class,
                e -> {
                  assertThat(e.changed()).isTrue();
                  assertThat(e.fingerprint()).isEqualTo(server.hostKeyFingerprint());
                })
            .hasMessageContaining("HOST KEY CHANGED")
            .hasMessageContaining(server.hostKeyFingerprint())
            .hasMessageContaining(server.knownHostsLine());
      }
    }
  }

  /**
   * A known_hosts line as {@code ssh-keygen -H} writes it: {@code |1|base64(salt)|base64(hash) type
   * key}, the hash being HMAC-SHA1 over the host name keyed by a random 20-byte salt.
   */
  private static String hashedEntry(String host, String typeAndKey)
      throws GeneralSecurityException {
    byte[] salt = new byte[20];
    new SecureRandom().nextBytes(salt);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(salt, "HmacSHA1"));
    byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder b64 = Base64.getEncoder();
    return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash) + " " + typeAndKey;
  }

  /** A fresh ECDSA P-256 public key as the base64 blob of a known_hosts line. */
  private static String otherP256Key() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    PublicKey key = generator.generateKeyPair().getPublic();
    byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    return Base64.getEncoder().encodeToString(blob);
  }

  private static SftpClient client(EmbeddedSftpServer server, HostKeyPolicy hostKeys) {
    return SftpClient.builder(server.host())
        .port(server.port())
        .authorization(Authorization.sftpPassword("u", Secret.of("p")))
        .hostKeys(hostKeys)
        .retryDelay(java.time.Duration.ZERO)
        .build();
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
