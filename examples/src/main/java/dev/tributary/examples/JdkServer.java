package dev.tributary.examples;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's built-in {@code HttpServer} serving one handler at one path on four threads: what the
 * framework-free recipes ({@link JdkWebhookServer}, {@link JdkPersonalizationTagServer}) run on.
 * {@link #close()} stops the server and its threads.
 */
final class JdkServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private JdkServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Serves {@code handler} at {@code path} on {@code address} (port 0 picks a free one).
   *
   * @throws IOException if the address cannot be bound
   */
  static JdkServer start(InetSocketAddress address, String path, HttpHandler handler)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext(path, handler);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    server.start();
    return new JdkServer(server, threads);
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
