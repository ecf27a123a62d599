package dev.tributary.connectors.webhook;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.retry.HttpStatusPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one signed webhook, once, and classifies the answer. Deliberately small and private to this
 * package: retries, backoff and rate limits belong to the runtime. Redirects are not followed (a
 * signed POST should not wander); the client is shared by every call.
 *
 * <p>It does not use {@code HttpTransport}, on purpose. The transport authorizes a request with the
 * context's credential, follows redirects (its default client does, and its downloads rely on it),
 * applies the client's timeouts and puts an excerpt of an error body into the exception. A webhook
 * is the opposite on each point: the URL is the customer's own receiver, the credential is a secret
 * that signs the exact body with the time of sending instead of travelling in a header, a redirect
 * is a {@code CONFIG} error ("set url to its new address") rather than a second signed POST to
 * wherever it points, the timeout is the connector's {@code timeout} setting per call, and the
 * receiver's answer is never read into a message. Sharing the transport would mean switching each
 * of these off again.
 */
final class WebhookPoster {
  private static final Logger log = LoggerFactory.getLogger(WebhookPoster.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final String USER_AGENT = "tributary-webhooks/1";

  private final OkHttpClient client;
  private final HttpStatusPolicy statuses;

  WebhookPoster(HttpStatusPolicy statuses) {
    this.client =
        new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false).build();
    this.statuses = statuses;
  }

  /**
   * POSTs {@code body} to {@code url}, signed now.
   *
   * @return {@code null} when the receiver answered 2xx, else the classified failure
   */
  @Nullable TributaryException post(
      ConnectorContext context,
      URI url,
      Duration timeout,
      Secret secret,
      String eventId,
      byte[] body) {
    long t = context.clock().instant().getEpochSecond();
    Request request =
        new Request.Builder()
            .url(url.toString())
            .header("User-Agent", USER_AGENT)
            .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, t, body))
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(t))
            .header(WebhookSignature.EVENT_ID_HEADER, eventId)
            .post(RequestBody.create(body, JSON))
            .build();
    String what =
        "POST " + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
    Call call = client.newCall(request);
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      context.reporter().bytesTransferred(body.length);
      int status = response.code();
      log.debug("{} {} answered {}", what, eventId, status);
      if (status >= 200 && status < 300) {
        return null;
      }
      if (status >= 300 && status < 400) {
        return new ConfigException(
            "url",
            "HTTP "
                + status
                + " from "
                + what
                + ": the endpoint redirects; set url to its new address",
            null);
      }
      if (status < 400 || status > 599) {
        return new TransientException("HTTP " + status + " from " + what + ": unexpected status");
      }
      return statuses.toException(status, response.header("Retry-After"), what, context.clock());
    } catch (IOException e) {
      return new TransientException(
          what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
