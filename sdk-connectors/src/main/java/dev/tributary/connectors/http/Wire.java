package dev.tributary.connectors.http;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.connector.RunReporter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The one place that calls OkHttp: sends a request, reads the whole response body (up to a limit),
 * reports the bytes and turns I/O failures into {@code TRANSIENT} errors with a redacted message.
 */
final class Wire {
  private final OkHttpClient client;
  private final long maxResponseBytes;

  Wire(OkHttpClient client, long maxResponseBytes) {
    this.client = client;
    this.maxResponseBytes = maxResponseBytes;
  }

  OkHttpClient client() {
    return client;
  }

  /** A response, read completely. */
  record Reply(
      int status, Headers headers, byte[] body, @Nullable String contentType, HttpUrl url) {
    @Nullable String header(String name) {
      return headers.get(name);
    }
  }

  Reply send(
      Request request,
      long requestBytes,
      String description,
      RunReporter reporter,
      Redactor redactor) {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = read(body, description);
      reporter.bytesTransferred(requestBytes + bytes.length);
      okhttp3.MediaType type = body.contentType();
      return new Reply(
          response.code(),
          response.headers(),
          bytes,
          type == null ? null : type.toString().toLowerCase(Locale.ROOT),
          response.request().url());
    } catch (IOException e) {
      if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
        throw new TransientException(description + " was interrupted", e);
      }
      throw new TransientException(
          "I/O failure on " + description + ": " + redactor.redact(String.valueOf(e)), e);
    }
  }

  /** A streamed download: the reader's result for a 2xx answer, else the error reply. */
  record Streamed<T>(@Nullable T value, @Nullable Reply error) {}

  /**
   * Sends a request; a 2xx body goes to {@code reader} as a stream (counted as it is read), any
   * other answer is read (bounded) and returned for the caller to classify.
   */
  <T> Streamed<T> stream(
      Request request,
      String description,
      RunReporter reporter,
      Redactor redactor,
      BodyReader<T> reader) {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (response.code() < 200 || response.code() >= 300) {
        byte[] bytes = read(body, description);
        reporter.bytesTransferred(bytes.length);
        okhttp3.MediaType type = body.contentType();
        return new Streamed<>(
            null,
            new Reply(
                response.code(),
                response.headers(),
                bytes,
                type == null ? null : type.toString().toLowerCase(Locale.ROOT),
                response.request().url()));
      }
      try (CountingStream in = new CountingStream(body.byteStream())) {
        try {
          return new Streamed<>(reader.read(in), null);
        } finally {
          reporter.bytesTransferred(in.count());
        }
      }
    } catch (IOException e) {
      if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
        throw new TransientException(description + " was interrupted", e);
      }
      throw new TransientException(
          "I/O failure on " + description + ": " + redactor.redact(String.valueOf(e)), e);
    }
  }

  /** Counts the bytes read through it. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }

    long count() {
      return count;
    }
  }

  private byte[] read(ResponseBody body, String description) throws IOException {
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
      if (bytes.length > maxResponseBytes) {
        throw new ConfigException(
            "the response to "
                + description
                + " is larger than "
                + maxResponseBytes
                + " bytes: ask for smaller pages or batches, or raise"
                + " HttpTransport.Builder.maxResponseBytes");
      }
      return bytes;
    }
  }
}
