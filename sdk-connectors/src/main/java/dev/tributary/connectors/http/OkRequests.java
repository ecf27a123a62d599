package dev.tributary.connectors.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.internal.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Turns an {@link HttpRequest} into OkHttp's: URL with query, headers, encoded body. */
final class OkRequests {
  private OkRequests() {}

  static HttpUrl.Builder url(HttpRequest request) {
    HttpUrl base = HttpUrl.get(request.url().toString());
    HttpUrl.Builder url = base.newBuilder();
    request.query().forEach((name, values) -> values.forEach(v -> url.addQueryParameter(name, v)));
    return url;
  }

  static Request.Builder builder(HttpRequest request, byte[] body, String userAgent) {
    Request.Builder ok = new Request.Builder();
    ok.header("User-Agent", userAgent);
    ok.header("Accept", "application/json");
    request
        .headers()
        .forEach(
            (name, values) -> {
              ok.removeHeader(name);
              values.forEach(v -> ok.addHeader(name, v));
            });
    String type = request.contentType();
    RequestBody requestBody =
        type == null && !requiresBody(request.method())
            ? null
            : RequestBody.create(body, type == null ? null : MediaType.get(type));
    if (request.gzip() && type != null) {
      ok.header("Content-Encoding", "gzip");
    }
    ok.method(request.method(), requestBody);
    return ok;
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** The body as sent: JSON written by {@code mapper}, gzipped when asked. */
  static byte[] encode(HttpRequest request, ObjectMapper mapper) {
    byte[] bytes = request.body();
    Object json = request.json();
    if (json != null) {
      bytes = JsonCodec.writeWith(mapper, json, "the body of " + request.describe());
    }
    if (bytes == null) {
      return new byte[0];
    }
    return request.gzip() ? gzip(bytes) : bytes;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return out.toByteArray();
  }
}
