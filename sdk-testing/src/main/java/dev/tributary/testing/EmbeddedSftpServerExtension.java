package dev.tributary.testing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link EmbeddedSftpServer} around JUnit 5 tests. In a {@code static} field it serves the
 * whole class; in an instance field each test gets a fresh server and an empty directory. Test
 * methods may also take the server as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * final EmbeddedSftpServerExtension sftp =
 *     new EmbeddedSftpServerExtension(
 *         EmbeddedSftpServer.builder()
 *             .user("alice", "secret")
 *             .authorizedKey("alice", SshTestKeys.CLIENT_ED25519));
 *
 * @Test
 * void uploads() {
 *   EmbeddedSftpServer server = sftp.server();
 *   ...
 * }
 * }</pre>
 */
public final class EmbeddedSftpServerExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final EmbeddedSftpServer.Builder builder;
  private @Nullable EmbeddedSftpServer server;
  private boolean perClass;

  /** Starts servers configured by {@code builder} (at least one user). */
  public EmbeddedSftpServerExtension(EmbeddedSftpServer.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /**
   * The running server.
   *
   * @throws IllegalStateException outside a test
   */
  public EmbeddedSftpServer server() {
    EmbeddedSftpServer s = server;
    if (s == null) {
      throw new IllegalStateException("the embedded SFTP server runs only during a test");
    }
    return s;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    server = builder.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      server = builder.start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  private void stop() {
    EmbeddedSftpServer s = server;
    server = null;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedSftpServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server();
  }
}
