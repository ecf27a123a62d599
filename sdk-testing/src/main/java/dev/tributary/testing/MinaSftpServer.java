package dev.tributary.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** The MINA SSHD side of {@link EmbeddedSftpServer}: MINA types stay in this class. */
final class MinaSftpServer {
  private final SshServer sshd;
  private final AtomicInteger sessions = new AtomicInteger();
  private final AtomicLong dropAfter = new AtomicLong(-1);
  private final AtomicInteger keepAlives = new AtomicInteger();

  private MinaSftpServer(SshServer sshd) {
    this.sshd = sshd;
  }

  static MinaSftpServer start(
      int port,
      Path root,
      SshTestKey hostKey,
      Map<String, String> passwords,
      Map<String, List<String>> keys)
      throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    MinaSftpServer server = new MinaSftpServer(sshd);
    sshd.setHost("127.0.0.1");
    sshd.setPort(port);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(keyPair(hostKey)));
    Map<String, String> pw = Map.copyOf(passwords);
    sshd.setPasswordAuthenticator((user, password, session) -> password.equals(pw.get(user)));
    Map<String, List<PublicKey>> authorized = publicKeys(keys);
    sshd.setPublickeyAuthenticator(
        (user, key, session) ->
            authorized.getOrDefault(user, List.of()).stream()
                .anyMatch(k -> KeyUtils.compareKeys(k, key)));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory();
    sftp.addSftpEventListener(server.new DropListener());
    sshd.setSubsystemFactories(List.of(sftp));
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    List<RequestHandler<ConnectionService>> handlers = new ArrayList<>();
    handlers.add(server.new KeepAliveCounter());
    handlers.addAll(sshd.getGlobalRequestHandlers());
    sshd.setGlobalRequestHandlers(handlers);
    sshd.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionCreated(Session session) {
            server.sessions.incrementAndGet();
          }
        });
    sshd.start();
    return server;
  }

  private static KeyPair keyPair(SshTestKey key) throws IOException {
    try {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null,
              () -> key.name(),
              new ByteArrayInputStream(key.privateKey().getBytes(StandardCharsets.US_ASCII)),
              key.passphrase().isEmpty()
                  ? FilePasswordProvider.EMPTY
                  : FilePasswordProvider.of(key.passphrase()));
      return pairs.iterator().next();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load host key " + key.name() + edDsaHint(key.type()), e);
    }
  }

  private static Map<String, List<PublicKey>> publicKeys(Map<String, List<String>> lines) {
    Map<String, List<PublicKey>> result = new java.util.HashMap<>();
    lines.forEach(
        (user, entries) -> {
          List<PublicKey> list = new ArrayList<>();
          for (String line : entries) {
            try {
              list.add(
                  AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                      .resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            } catch (IOException | GeneralSecurityException e) {
              throw new IllegalArgumentException(
                  "cannot use the public key " + line + edDsaHint(line), e);
            }
          }
          result.put(user, List.copyOf(list));
        });
    return Map.copyOf(result);
  }

  private static String edDsaHint(String keyOrType) {
    return keyOrType.startsWith("ssh-ed25519")
        ? ": Ed25519 keys need BouncyCastle (org.bouncycastle:bcprov-jdk18on) on the class path"
            + " (sdk-sftp and sdk-pgp bring it), or use an ECDSA or RSA key"
        : "";
  }

  int port() {
    return sshd.getPort();
  }

  int sessionsOpened() {
    return sessions.get();
  }

  int keepAlivesReceived() {
    return keepAlives.get();
  }

  void dropAfter(long bytes) {
    dropAfter.set(bytes);
  }

  void disconnectAll() {
    for (var session : sshd.getActiveSessions()) {
      session.close(true);
    }
  }

  void stop() {
    try {
      sshd.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded SFTP server", e);
    }
  }

  /**
   * Counts {@code keepalive@openssh.com} global requests and leaves the answer to MINA's own
   * handlers further down the list: Unsupported means "not mine, ask the next one".
   */
  private final class KeepAliveCounter implements RequestHandler<ConnectionService> {
    @Override
    public Result process(
        ConnectionService service,
        String request,
        boolean wantReply,
        org.apache.sshd.common.util.buffer.Buffer buffer) {
      if ("keepalive@openssh.com".equals(request)) {
        keepAlives.incrementAndGet();
      }
      return Result.Unsupported;
    }
  }

  /** Counts file bytes per session and closes the session that passes the drop threshold. */
  private final class DropListener implements SftpEventListener {
    private final Map<ServerSession, AtomicLong> transferred =
        java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    @Override
    public void written(
        ServerSession session,
        String remoteHandle,
        FileHandle localHandle,
        long offset,
        byte[] data,
        int dataOffset,
        int dataLen,
        Throwable thrown) {
      count(session, dataLen);
    }

    @Override
    public void read(
        ServerSession session,
        String remoteHandle,
        FileHandle localHandle,
        long offset,
        byte[] data,
        int dataOffset,
        int dataLen,
        int readLen,
        Throwable thrown) {
      count(session, Math.max(readLen, 0));
    }

    private void count(ServerSession session, int bytes) {
      long limit = dropAfter.get();
      if (limit < 0) {
        return;
      }
      long total = transferred.computeIfAbsent(session, s -> new AtomicLong()).addAndGet(bytes);
      if (total > limit && dropAfter.compareAndSet(limit, -1)) {
        session.close(true);
      }
    }
  }
}
