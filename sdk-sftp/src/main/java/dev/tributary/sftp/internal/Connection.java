package dev.tributary.sftp.internal;

import dev.tributary.core.ConfigException;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.SftpPassword;
import dev.tributary.core.auth.SftpPrivateKey;
import java.io.Closeable;
import java.io.IOException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection with an SFTP session on it. Used by one operation at a time (the
 * {@link ConnectionPool} hands it out); sshj's threads read and write underneath.
 */
final class Connection implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private static final TunedConfig CONFIG = new TunedConfig();

  /** Enough SSH channel window for 64 reads of 255 KiB in flight, plus headroom. */
  private static final long WINDOW_SIZE = 20L * 1024 * 1024;

  private final SSHClient ssh;
  private final Engine engine;
  private final ServerLimits limits;

  private Connection(SSHClient ssh, Engine engine, ServerLimits limits) {
    this.ssh = ssh;
    this.engine = engine;
    this.limits = limits;
  }

  /**
   * Loads sshj's SSH classes (via {@link #CONFIG}) and the JDK's implementations of what a first
   * connection most likely uses: X25519 key exchange, Ed25519 keys and signatures, SHA-256.
   */
  static void warmUp() {
    log.trace("warming up with {} key exchanges", CONFIG.getKeyExchangeFactories().size());
    try {
      KeyPair x = KeyPairGenerator.getInstance("X25519").generateKeyPair();
      KeyAgreement agreement = KeyAgreement.getInstance("X25519");
      agreement.init(x.getPrivate());
      agreement.doPhase(x.getPublic(), true);
      agreement.generateSecret();
      KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      KeyFactory.getInstance("Ed25519");
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(ed.getPrivate());
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(x.getPublic().getEncoded());
      signer.update(hash);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(ed.getPublic());
      verifier.update(hash);
      verifier.verify(signer.sign());
    } catch (GeneralSecurityException e) {
      log.trace("nothing to warm up: {}", e.toString());
    }
  }

  static Connection open(ClientSettings settings) {
    SSHClient ssh = new SSHClient(CONFIG);
    HostKeyChecker checker = new HostKeyChecker(settings.hostKeys());
    ssh.addHostKeyVerifier(checker);
    ssh.setConnectTimeout(millis(settings.connectTimeout()));
    ssh.setTimeout(millis(settings.socketTimeout()));
    ssh.getTransport().setTimeoutMs(millis(settings.requestTimeout()));
    ssh.getConnection().setWindowSize(WINDOW_SIZE);
    ssh.getConnection().setTimeoutMs(millis(settings.requestTimeout()));
    ssh.getConnection()
        .getKeepAlive()
        .setKeepAliveInterval((int) Math.max(1, settings.keepAliveInterval().toSeconds()));
    try {
      connect(ssh, settings, checker);
      // Small requests (the rest of a short read, a stat) must not wait for delayed ACKs.
      ssh.getSocket().setTcpNoDelay(true);
      authenticate(ssh, settings);
      Engine engine = new Engine(ssh);
      engine.init();
      engine.setTimeoutMs(millis(settings.requestTimeout()));
      ServerLimits limits = ServerLimits.query(engine);
      log.debug("connected to {}; server limits {}", settings.target(), limits);
      Connection connection = new Connection(ssh, engine, limits);
      ssh.getTransport().setDisconnectListener((reason, message) -> engine.wakeUp());
      return connection;
    } catch (TributaryException e) {
      closeQuietly(ssh);
      throw e;
    } catch (IOException e) {
      closeQuietly(ssh);
      throw new TransientException(
          "cannot open an SFTP session on " + settings.target() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ssh);
      throw new SystemException("unexpected failure connecting to " + settings.target(), e);
    }
  }

  private static void connect(SSHClient ssh, ClientSettings settings, HostKeyChecker checker)
      throws IOException {
    try {
      ssh.connect(settings.host(), settings.port());
    } catch (UnknownHostException e) {
      throw new ConfigException(
          "host", "unknown SFTP host " + settings.host() + ": check the host name", e);
    } catch (TransportException e) {
      if (checker.rejection() != null) {
        throw checker.rejection();
      }
      throw new TransientException(
          "SSH handshake with "
              + settings.host()
              + ":"
              + settings.port()
              + " failed: "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new TransientException(
          "cannot connect to " + settings.host() + ":" + settings.port() + ": " + e, e);
    }
  }

  private static void authenticate(SSHClient ssh, ClientSettings settings) throws IOException {
    try {
      if (settings.authorization() instanceof SftpPassword p) {
        ssh.authPassword(p.username(), p.password().reveal().toCharArray());
      } else if (settings.authorization() instanceof SftpPrivateKey k) {
        ssh.authPublickey(k.username(), keyProvider(ssh, k));
      }
    } catch (UserAuthException e) {
      throw new ConfigException(
          "authorization",
          "login to "
              + settings.target()
              + " was refused: check the user name and the "
              + settings.authorization().kind()
              + " (for a key: is its public key in the server's authorized_keys?)",
          e);
    }
  }

  private static KeyProvider keyProvider(SSHClient ssh, SftpPrivateKey key) {
    String passphrase = key.passphrase().reveal();
    PasswordFinder finder =
        new PasswordFinder() {
          @Override
          public char[] reqPassword(Resource<?> resource) {
            return passphrase.toCharArray();
          }

          @Override
          public boolean shouldRetry(Resource<?> resource) {
            return false;
          }
        };
    try {
      KeyProvider provider = ssh.loadKeys(key.privateKey().reveal(), null, finder);
      provider.getPrivate(); // decrypts now, so that a bad key or passphrase gets a clear error
      return provider;
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "authorization",
          "cannot read the SFTP private key of '"
              + key.username()
              + "': "
              + (key.passphrase().isEmpty()
                  ? "it is not an OpenSSH or PEM private key, or it needs a passphrase"
                  : "the passphrase is wrong, or it is not an OpenSSH or PEM private key"),
          e);
    }
  }

  /**
   * Waits for the answer to a request, but gives up early when the connection dies: a request sent
   * just as the connection dropped would otherwise wait for the full timeout.
   */
  <T> T await(Promise<T, SFTPException> promise, long timeoutMs) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new SFTPException("no answer from the server within " + timeoutMs + " ms");
      }
      T response = promise.tryRetrieve(Math.min(left, 250), TimeUnit.MILLISECONDS);
      if (response != null) {
        return response;
      }
      if (!isAlive()) {
        throw new SFTPException("the connection was lost");
      }
    }
  }

  /** What the server said it accepts per request (OpenSSH's {@code limits@openssh.com}). */
  ServerLimits limits() {
    return limits;
  }

  Engine sftp() {
    return engine;
  }

  /** Whether the transport still runs; a dropped connection is not reused. */
  boolean isAlive() {
    return ssh.isConnected() && ssh.getTransport().isRunning() && engine.alive();
  }

  @Override
  public void close() {
    try {
      engine.close();
    } catch (IOException | RuntimeException e) {
      log.debug("closing the SFTP session failed", e);
    }
    closeQuietly(ssh);
  }

  private static void closeQuietly(SSHClient ssh) {
    try {
      ssh.disconnect();
    } catch (IOException | RuntimeException e) {
      log.debug("disconnect failed", e);
    }
  }

  private static int millis(java.time.Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
