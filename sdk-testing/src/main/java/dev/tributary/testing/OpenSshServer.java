package dev.tributary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real OpenSSH {@code sshd} for interoperability tests, started on a free loopback port with its
 * own configuration, host key and {@code authorized_keys} in a temporary directory. It runs as the
 * current user (without privilege separation, PAM or strict modes), serves SFTP with {@code
 * internal-sftp} starting in {@link #root()}, and is stopped by {@link #close()}.
 *
 * <p>{@link #start} needs {@code /usr/sbin/sshd} (Debian package {@code openssh-server}); without
 * it the calling test is skipped, or fails in CI (see {@link ExternalPrograms}). Only public-key
 * logins work: the current user's system password is not known to tests (and password attempts are
 * always refused, which is useful for a "wrong password" test).
 */
public final class OpenSshServer implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final int port;
  private final SshTestKey hostKey;

  private OpenSshServer(Process process, Path dir, int port, SshTestKey hostKey) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.hostKey = hostKey;
  }

  /**
   * Starts {@code sshd} with {@code hostKey}, letting the current user log in with any of {@code
   * clientKeys}.
   */
  public static OpenSshServer start(SshTestKey hostKey, List<SshTestKey> clientKeys) {
    return start(hostKey, clientKeys, List.of());
  }

  /**
   * As {@link #start(SshTestKey, List)}, with {@code extraConfig} appended to the generated {@code
   * sshd_config}, one line each: for example {@code "Ciphers chacha20-poly1305@openssh.com"} to
   * offer a single cipher, or {@code "KexAlgorithms ecdh-sha2-nistp256"}.
   */
  public static OpenSshServer start(
      SshTestKey hostKey, List<SshTestKey> clientKeys, List<String> extraConfig) {
    Objects.requireNonNull(hostKey, "hostKey");
    Objects.requireNonNull(extraConfig, "extraConfig");
    Path sshd = ExternalPrograms.require("sshd", "openssh-server");
    try {
      ensurePrivilegeSeparationDirectory();
      Path dir = Files.createTempDirectory("tributary-sshd");
      Files.createDirectories(dir.resolve("root"));
      Path hostKeyFile = writePrivate(dir.resolve("host_key"), hostKey.privateKey());
      List<String> authorized = new ArrayList<>();
      clientKeys.forEach(k -> authorized.add(k.publicKey()));
      Path authorizedKeys = writePrivate(dir.resolve("authorized_keys"), lines(authorized));
      int port = freePort();
      Path config =
          writePrivate(
              dir.resolve("sshd_config"),
              config(dir, port, hostKeyFile, authorizedKeys) + lines(extraConfig));
      Process process =
          new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("sshd.log").toFile())
              .start();
      OpenSshServer server = new OpenSshServer(process, dir, port, hostKey);
      server.awaitBanner();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start sshd", e);
    }
  }

  /**
   * Started by root, sshd insists on its privilege separation directory {@code /run/sshd}, which
   * Debian's service scripts create at boot; on a machine where sshd never ran as a service (a CI
   * container) it is missing, so create it as they would.
   */
  private static void ensurePrivilegeSeparationDirectory() throws IOException {
    Path privsep = Path.of("/run/sshd");
    if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(privsep)) {
      Files.createDirectories(privsep);
      Files.setPosixFilePermissions(privsep, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static String config(Path dir, int port, Path hostKey, Path authorizedKeys) {
    List<String> lines = new ArrayList<>();
    lines.add("ListenAddress 127.0.0.1:" + port);
    lines.add("HostKey " + hostKey);
    lines.add("AuthorizedKeysFile " + authorizedKeys);
    lines.add("PidFile none");
    lines.add("StrictModes no");
    lines.add("UsePAM no");
    lines.add("UseDNS no");
    lines.add("PermitRootLogin yes");
    lines.add("PubkeyAuthentication yes");
    lines.add("PasswordAuthentication yes");
    lines.add("KbdInteractiveAuthentication no");
    lines.add("AllowUsers " + System.getProperty("user.name"));
    lines.add("MaxStartups 100");
    lines.add("MaxSessions 100");
    lines.add("LogLevel VERBOSE");
    lines.add("Subsystem sftp internal-sftp -d " + dir.resolve("root"));
    return lines(lines);
  }

  private static String lines(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  private static Path writePrivate(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitBanner() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("sshd exited at start: " + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host(), port), 1000);
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        byte[] banner = new byte[4];
        if (in.readNBytes(banner, 0, 4) == 4
            && new String(banner, StandardCharsets.US_ASCII).equals("SSH-")) {
          return;
        }
      } catch (IOException notYet) {
        // sshd is still starting: try again
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for sshd", e);
      }
    }
    close();
    throw new IOException("sshd did not answer on port " + port + " within 20 s");
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** The user who may log in: the one running the tests. */
  public String user() {
    return System.getProperty("user.name");
  }

  /** The directory SFTP sessions start in; relative paths resolve against it. */
  public Path root() {
    return dir.resolve("root");
  }

  public String hostKeyFingerprint() {
    return hostKey.fingerprint();
  }

  /** The host key as a {@code known_hosts} line: {@code [127.0.0.1]:PORT type base64}. */
  public String knownHostsLine() {
    return "[" + host() + "]:" + port + " " + hostKey.publicKeyWithoutComment();
  }

  /** What sshd logged so far, for a failing test's message. */
  public String log() {
    try {
      return Files.readString(dir.resolve("sshd.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Kills every connection's {@code sshd} process (the children of the listener) without a goodbye,
   * as a dropped network would; the listener keeps accepting new connections.
   */
  public void disconnectAll() {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    TestFiles.deleteRecursively(dir);
  }

  @Override
  public String toString() {
    return "OpenSshServer[" + host() + ":" + port + "]";
  }
}
