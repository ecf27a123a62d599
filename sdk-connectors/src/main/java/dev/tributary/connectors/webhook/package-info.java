/**
 * Webhooks out and in. Out: {@link dev.tributary.connectors.webhook.WebhookExportConnector} POSTs
 * audience changes as signed JSON, driven by a trigger through the runtime. In: {@link
 * dev.tributary.connectors.webhook.WebhookReceiver} is a handler a host mounts on any HTTP server;
 * it verifies the signature and the timestamp, parses the JSON into events and hands them to the
 * host's {@link dev.tributary.connectors.webhook.WebhookSink}. {@link
 * dev.tributary.connectors.webhook.WebhookSignature} documents the scheme both sides share.
 */
@NullMarked
package dev.tributary.connectors.webhook;

import org.jspecify.annotations.NullMarked;
