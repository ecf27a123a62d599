package dev.tributary.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tributary.connectors.personalization.PersonalizationTagHandler;
import dev.tributary.connectors.personalization.TagRequest;
import dev.tributary.connectors.personalization.TagResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Recipe: a {@link PersonalizationTagHandler} mounted on the JDK's built-in {@code HttpServer}. The
 * adapter is the whole integration: hand over the method, headers and raw query, then write back
 * the status, headers and body the handler chose ({@code -1} as the length when there is no body,
 * as for 204 and 304). A Servlet, Netty or Spring endpoint is mounted the same way.
 *
 * <p>{@link #close()} stops the server and its threads.
 */
public final class JdkPersonalizationTagServer implements AutoCloseable {
  private final JdkServer server;

  private JdkPersonalizationTagServer(JdkServer server) {
    this.server = server;
  }

  /**
   * Serves {@code handler} at {@code path} on {@code address} (port 0 picks a free one).
   *
   * @throws IOException if the address cannot be bound
   */
  public static JdkPersonalizationTagServer start(
      InetSocketAddress address, String path, PersonalizationTagHandler handler)
      throws IOException {
    return new JdkPersonalizationTagServer(JdkServer.start(address, path, new Adapter(handler)));
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  /** The adapter: one {@code HttpExchange} in, one {@link TagResponse} out. */
  static final class Adapter implements HttpHandler {
    private final PersonalizationTagHandler handler;

    Adapter(PersonalizationTagHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        TagResponse response =
            handler.handle(
                new TagRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders(),
                    query == null ? "" : query));
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      }
    }
  }
}
