package dev.tributary.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in enrichment provider on the JDK's HTTP server: {@code GET /v1/person?email=…} answers
 * with the company of people at the two companies it knows (acme.example, globex.example) and 404
 * for everyone else, as enrichment APIs do. It checks the API key. Close it to stop it.
 */
final class MockProvider implements AutoCloseable {
  static final String API_KEY = "quickstart-api-key";
  private static final Map<String, String> COMPANIES =
      Map.of(
          "acme.example",
              "{\"company\":{\"name\":\"Acme Corp\",\"size\":250},\"seniority\":\"senior\"}",
          "globex.example",
              "{\"company\":{\"name\":\"Globex\",\"size\":1200},\"seniority\":\"lead\"}");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  final AtomicInteger requests = new AtomicInteger();

  MockProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/person", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/person";
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String body;
      int status;
      if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
        status = 401;
        body = "{\"error\":\"unknown API key\"}";
      } else {
        String email = email(exchange.getRequestURI().getRawQuery());
        String known = COMPANIES.get(email.substring(email.indexOf('@') + 1));
        status = known == null ? 404 : 200;
        body = known == null ? "{\"error\":\"not found\"}" : known;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String email(String query) {
    for (String pair : String.valueOf(query).split("&")) {
      if (pair.startsWith("email=")) {
        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
