package dev.tributary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An SFTP server inside the test's JVM (Apache MINA SSHD), for host applications' tests and for a
 * zero-setup quickstart. It listens on a free loopback port, serves a temporary directory (or one
 * you give), logs users in by password or public key, and tells you its host-key fingerprint so the
 * client under test can pin it — strict host-key checking stays on in tests too.
 *
 * <pre>{@code
 * try (EmbeddedSftpServer server =
 *     EmbeddedSftpServer.builder().user("alice", "secret").start()) {
 *   connect to server.host() + ":" + server.port(), trusting server.hostKeyFingerprint()
 * }
 * }</pre>
 *
 * <p>For tests it can also break things on purpose: {@link #dropConnectionsAfter(long)} cuts
 * sessions mid-transfer, {@link #disconnectAll()} drops every open connection. In JUnit 5, {@link
 * EmbeddedSftpServerExtension} starts and stops one for you.
 *
 * <p>Thread-safe. {@link #close()} stops the server and deletes the temporary directory it made.
 */
public final class EmbeddedSftpServer implements AutoCloseable {
  private final MinaSftpServer server;
  private final Path root;
  private final boolean ownsRoot;
  private final SshTestKey hostKey;

  private EmbeddedSftpServer(Builder builder) throws IOException {
    this.ownsRoot = builder.root == null;
    this.root = ownsRoot ? Files.createTempDirectory("tributary-sftp") : builder.root;
    this.hostKey = builder.hostKey;
    this.server =
        MinaSftpServer.start(builder.port, root, hostKey, builder.passwords, builder.keys);
  }

  /** A builder with no users, the fixed {@link SshTestKeys#HOST_ECDSA} host key and port 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@code 127.0.0.1}: the server listens on loopback only. */
  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return server.port();
  }

  /** The directory the users see as {@code /}. */
  public Path root() {
    return root;
  }

  /** The host key's fingerprint, {@code SHA256:…}: pin it in the client under test. */
  public String hostKeyFingerprint() {
    return hostKey.fingerprint();
  }

  /** The host key as a {@code known_hosts} line: {@code [127.0.0.1]:PORT type base64}. */
  public String knownHostsLine() {
    return "[" + host() + "]:" + port() + " " + hostKey.publicKeyWithoutComment();
  }

  /** The host key the server presents. */
  public SshTestKey hostKey() {
    return hostKey;
  }

  /** How many SSH sessions were opened since the start: shows whether a client reuses them. */
  public int sessionsOpened() {
    return server.sessionsOpened();
  }

  /**
   * How many {@code keepalive@openssh.com} requests clients have sent since the start, over all
   * sessions: shows whether an idle client keeps its connection alive. The server answers each as
   * OpenSSH does.
   */
  public int keepAlivesReceived() {
    return server.keepAlivesReceived();
  }

  /**
   * Closes the next session abruptly once it has read or written more than {@code bytes} bytes of
   * file data, as a dropped network would; then the server behaves normally again. For testing
   * resume and "no partial file under the final name".
   */
  public void dropConnectionsAfter(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
    server.dropAfter(bytes);
  }

  /** Drops every open connection at once, without an SSH goodbye. */
  public void disconnectAll() {
    server.disconnectAll();
  }

  /** Stops the server and deletes the temporary directory it created (not one you gave it). */
  @Override
  public void close() {
    server.stop();
    if (ownsRoot) {
      TestFiles.deleteRecursively(root);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedSftpServer[" + host() + ":" + port() + ", root=" + root + "]";
  }

  /** Configures an {@link EmbeddedSftpServer}. Not thread-safe; {@link #start()} copies it. */
  public static final class Builder {
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private SshTestKey hostKey = SshTestKeys.HOST_ECDSA;
    private @Nullable Path root;
    private int port;

    private Builder() {}

    /** Adds a user who logs in with {@code password}. */
    public Builder user(String name, String password) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(password, "password");
      passwords.put(name, password);
      return this;
    }

    /**
     * Lets {@code user} log in with the private key of {@code publicKey}, an {@code
     * authorized_keys} line ({@code ssh-ed25519 AAAA… comment}).
     */
    public Builder authorizedKey(String user, String publicKey) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(publicKey, "publicKey");
      keys.computeIfAbsent(user, u -> new ArrayList<>()).add(publicKey);
      return this;
    }

    /** Lets {@code user} log in with the test key {@code key}. */
    public Builder authorizedKey(String user, SshTestKey key) {
      return authorizedKey(user, key.publicKey());
    }

    /** The directory to serve. Default: a new temporary directory, deleted on {@link #close()}. */
    public Builder root(Path directory) {
      this.root = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The host key. Default: {@link SshTestKeys#HOST_ECDSA}, so fingerprints are stable. */
    public Builder hostKey(SshTestKey key) {
      this.hostKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The port to listen on. Default 0: a free port, see {@link #port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws IllegalStateException if no user was added
     * @throws UncheckedIOException if the server cannot start
     */
    public EmbeddedSftpServer start() {
      if (passwords.isEmpty() && keys.isEmpty()) {
        throw new IllegalStateException("add a user or an authorized key before start()");
      }
      try {
        return new EmbeddedSftpServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded SFTP server", e);
      }
    }
  }
}
