package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.OpenSshServer;
import dev.tributary.testing.RequiresProgram;
import dev.tributary.testing.SshTestKey;
import dev.tributary.testing.SshTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import net.schmizz.sshj.common.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every cipher, key exchange and key type the client offers, each against a real OpenSSH sshd that
 * offers only that one, so the connection can only succeed through it. sshj runs on the JDK's own
 * JCA providers here (BouncyCastle's only for chacha20-poly1305), so this is also what shows that
 * the JDK serves all the rest.
 */
@RequiresProgram(value = "sshd", debianPackage = "openssh-server")
@RequiresProgram(value = "ssh-keygen", debianPackage = "openssh-client")
class AlgorithmInteropTest {
  private static final int SIZE = 300_001; // several SSH packets and more than one SFTP read

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aes128-gcm@openssh.com",
        "aes256-gcm@openssh.com",
        "aes128-ctr",
        "aes192-ctr",
        "aes256-ctr",
        "chacha20-poly1305@openssh.com"
      })
  void everyCipher_roundTripsAFile(String cipher) {
    roundTrip(SshTestKeys.HOST_ED25519, SshTestKeys.CLIENT_ED25519, "Ciphers " + cipher);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hmac-sha2-256-etm@openssh.com",
        "hmac-sha2-512-etm@openssh.com",
        "hmac-sha2-256",
        "hmac-sha2-512"
      })
  void everyMacWithAesCtr_roundTripsAFile(String mac) {
    roundTrip(
        SshTestKeys.HOST_ED25519, SshTestKeys.CLIENT_ED25519, "Ciphers aes128-ctr", "MACs " + mac);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "curve25519-sha256",
        "curve25519-sha256@libssh.org",
        "ecdh-sha2-nistp256",
        "ecdh-sha2-nistp384",
        "ecdh-sha2-nistp521",
        "diffie-hellman-group-exchange-sha256",
        "diffie-hellman-group16-sha512",
        "diffie-hellman-group14-sha256"
      })
  void everyKeyExchange_roundTripsAFile(String kex) {
    roundTrip(SshTestKeys.HOST_ED25519, SshTestKeys.CLIENT_ED25519, "KexAlgorithms " + kex);
  }

  @Test
  void ecdsaHostKey_isVerified() {
    roundTrip(SshTestKeys.HOST_ECDSA, SshTestKeys.CLIENT_RSA_PEM);
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 384, 521})
  void ecdsaClientKeys_logIn(int bits, @TempDir Path dir) throws Exception {
    roundTrip(SshTestKeys.HOST_ED25519, ecdsaKey(dir, bits));
  }

  @Test
  void sshjAsksTheJdkProviders_andTheEcdsaNameIsServed() {
    roundTrip(SshTestKeys.HOST_ECDSA, SshTestKeys.CLIENT_ED25519);

    // null: sshj asks the JDK's provider list, not BouncyCastle's provider by name
    assertThat(SecurityUtils.getSecurityProvider()).isNull();
    assertThat(Security.getProvider("TributarySshj").getService("KeyFactory", "ECDSA")).isNotNull();
  }

  private static void roundTrip(SshTestKey hostKey, SshTestKey clientKey, String... config) {
    byte[] data = TestData.bytes(SIZE, SIZE + config.length);
    try (OpenSshServer sshd = OpenSshServer.start(hostKey, List.of(clientKey), List.of(config));
        SftpClient sftp =
            SftpClient.builder(sshd.host())
                .port(sshd.port())
                .authorization(clientKey.authorization(sshd.user()))
                .hostKeys(HostKeyPolicy.fingerprints(sshd.hostKeyFingerprint()))
                .retryDelay(Duration.ZERO)
                .build()) {
      sftp.upload("file.bin", new ByteArrayInputStream(data));
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      sftp.download("file.bin", back);

      assertThat(TestData.sha256(back.toByteArray())).isEqualTo(TestData.sha256(data));
    }
  }

  /** A fresh ECDSA key of {@code bits} (256, 384 or 521) from OpenSSH's own ssh-keygen. */
  private static SshTestKey ecdsaKey(Path dir, int bits) throws IOException, InterruptedException {
    Path file = dir.resolve("id_ecdsa_" + bits);
    run("ssh-keygen", "-q", "-t", "ecdsa", "-b", String.valueOf(bits), "-N", "", "-f", file);
    String publicKey = Files.readString(Path.of(file + ".pub"), StandardCharsets.UTF_8).trim();
    String fingerprint =
        run("ssh-keygen", "-l", "-E", "sha256", "-f", Path.of(file + ".pub")).split(" ")[1];
    return new SshTestKey(
        "client_ecdsa_" + bits,
        Files.readString(file, StandardCharsets.UTF_8),
        publicKey,
        fingerprint,
        "");
  }

  private static String run(Object... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(java.util.Arrays.stream(command).map(String::valueOf).toList())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
