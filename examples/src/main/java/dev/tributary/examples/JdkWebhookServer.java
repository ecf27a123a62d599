package dev.tributary.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tributary.connectors.webhook.WebhookReceiver;
import dev.tributary.connectors.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Recipe: a {@link WebhookReceiver} mounted on the JDK's built-in {@code HttpServer}, no framework
 * needed. The adapter is the whole integration: hand over method, headers and the body stream, then
 * write back the status, headers and body the receiver chose. Any other server (Servlet, Netty,
 * Vert.x, Spring) is mounted the same way.
 *
 * <p>{@link #close()} stops the server and its threads.
 */
public final class JdkWebhookServer implements AutoCloseable {
  private final JdkServer server;

  private JdkWebhookServer(JdkServer server) {
    this.server = server;
  }

  /**
   * Serves {@code receiver} at {@code path} on {@code address} (port 0 picks a free one).
   *
   * @throws IOException if the address cannot be bound
   */
  public static JdkWebhookServer start(
      InetSocketAddress address, String path, WebhookReceiver receiver) throws IOException {
    return new JdkWebhookServer(JdkServer.start(address, path, new Handler(receiver)));
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  /** The adapter: one {@code HttpExchange} in, one {@link WebhookResponse} out. */
  static final class Handler implements HttpHandler {
    /** The most of an unread request body drained before answering; beyond it, just close. */
    private static final long DRAIN_LIMIT = 64L << 20;

    private final WebhookReceiver receiver;

    Handler(WebhookReceiver receiver) {
      this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      try (exchange;
          InputStream body = exchange.getRequestBody()) {
        WebhookResponse response =
            receiver.handle(exchange.getRequestMethod(), exchange.getRequestHeaders(), body);
        drain(body);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }

    /**
     * Reads what is left of a body the receiver did not read in full (one over its size limit,
     * say), up to {@link #DRAIN_LIMIT}. Closing a connection with request bytes unread makes the
     * kernel reset it, and the client may then lose the answer: a 413 arrived as "fixed
     * content-length: 79, bytes received: 0" in a test.
     */
    private static void drain(InputStream body) throws IOException {
      byte[] buffer = new byte[8192];
      long left = DRAIN_LIMIT;
      int n;
      while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    }
  }
}
