package dev.tributary.core.model;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A piece of content — a campaign, an article, a product page — imported for content affinity.
 *
 * @param id the source's identifier of the content
 * @param type what it is, in the source's words ({@code campaign}, {@code article})
 * @param title its title, or {@code null} when it has none
 * @param body its text or HTML, or {@code null} when not imported
 * @param url where it lives, or {@code null}
 * @param publishedAt when it was published or sent, or {@code null}
 * @param fields everything else the source said about it, unmapped
 */
public record Content(
    String id,
    String type,
    @Nullable String title,
    @Nullable String body,
    @Nullable URI url,
    @Nullable Instant publishedAt,
    Map<String, @Nullable Object> fields) {
  public Content {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    fields = Values.rawCopy(fields);
  }
}
