/**
 * The HTTP layer every HTTP connector builds on: {@link
 * dev.tributary.connectors.http.HttpTransport} sends an {@link
 * dev.tributary.connectors.http.HttpRequest} with the call's credential (API key, basic, bearer,
 * OAuth 2 client credentials, refresh tokens and service-account JWT bearer grants, with cached and
 * refreshed tokens), reads the {@link dev.tributary.connectors.http.HttpResponse} (JSON through a
 * user-suppliable Jackson {@code ObjectMapper}, RFC 8288 links), classifies error statuses through
 * the runtime's {@code HttpStatusPolicy} into exceptions that also implement {@link
 * dev.tributary.connectors.http.HttpError}, and reports bytes to the run. {@link
 * dev.tributary.connectors.http.HttpSettings} holds the settings HTTP connectors share.
 *
 * <p>Built on OkHttp, whose types appear only where a host hands in its own {@code OkHttpClient}.
 * One attempt per call: retries, backoff and rate limits are the runtime's.
 */
@NullMarked
package dev.tributary.connectors.http;

import org.jspecify.annotations.NullMarked;
