package dev.tributary.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in third-party API for the recipes: the JDK's {@code HttpServer} on a free loopback port,
 * answering each path with a function of the request. Not part of the SDK; {@link #close()} stops
 * it and its threads.
 */
final class LocalApi implements AutoCloseable {
  /** A request as the handler sees it: method, path and query, headers, body (gunzipped). */
  record Request(String method, URI uri, Map<String, String> headers, String body) {}

  /** What to answer. */
  record Response(int status, String body, Map<String, String> headers) {
    static Response json(int status, String body) {
      return new Response(status, body, Map.of("Content-Type", "application/json"));
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  LocalApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.start();
  }

  /** Answers requests under {@code path} with {@code handler}. */
  LocalApi route(String path, Function<Request, Response> handler) {
    server.createContext(path, exchange -> answer(exchange, handler));
    return this;
  }

  /** The URL of {@code path} on this server. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static void answer(HttpExchange exchange, Function<Request, Response> handler)
      throws IOException {
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      InputStream in = exchange.getRequestBody();
      if ("gzip".equals(headers.get("content-encoding"))) {
        in = new GZIPInputStream(in);
      }
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Response r =
          handler.apply(
              new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body));
      byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
      r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("handler failed", e));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
