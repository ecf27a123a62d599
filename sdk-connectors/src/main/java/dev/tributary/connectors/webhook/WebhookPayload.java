package dev.tributary.connectors.webhook;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON document one outbound webhook carries for one audience change:
 *
 * <pre>{@code
 * {"id": "evt_…", "type": "audience.entered", "occurred_at": "2026-12-01T10:00:00Z",
 *  "audience": "vip",
 *  "user": {"id": "p-1", "identities": {"email": "…"}, "fields": {"plan": "pro"}},
 *  "changed_fields": ["plan"]}
 * }</pre>
 *
 * {@code changed_fields} appears only for {@code audience.fields_changed}. The ID is derived from
 * the change itself, so a retry or a redelivery after a crash carries the same ID.
 */
final class WebhookPayload {
  private WebhookPayload() {}

  /** {@code audience.entered}, {@code audience.exited} or {@code audience.fields_changed}. */
  static String type(AudienceChange.Kind kind) {
    return switch (kind) {
      case ENTERED -> "audience.entered";
      case EXITED -> "audience.exited";
      case FIELDS_CHANGED -> "audience.fields_changed";
    };
  }

  /** {@code evt_} and 128 bits of SHA-256 over what identifies the change. */
  static String eventId(AudienceChange change) {
    String identity =
        String.join(
            "\u0000",
            change.audience(),
            change.userId(),
            change.kind().name(),
            change.occurredAt().toString(),
            String.join(",", new TreeSet<>(change.changedFields())));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The document for {@code change}, with the chosen identities and fields.
   *
   * @throws dev.tributary.core.ValidationException if a chosen field holds a value JSON cannot
   *     carry
   */
  static Map<String, @Nullable Object> of(
      AudienceChange change, Selection identities, Selection fields) {
    Profile profile = change.profile();
    Map<String, @Nullable Object> user = new LinkedHashMap<>();
    user.put("id", profile.id());
    user.put("identities", select(profile.identities(), identities));
    user.put("fields", select(profile.fields(), fields));
    Map<String, @Nullable Object> doc = new LinkedHashMap<>();
    doc.put("id", eventId(change));
    doc.put("type", type(change.kind()));
    doc.put("occurred_at", change.occurredAt().toString());
    doc.put("audience", change.audience());
    doc.put("user", user);
    if (change.kind() == AudienceChange.Kind.FIELDS_CHANGED) {
      doc.put("changed_fields", List.copyOf(new TreeSet<>(change.changedFields())));
    }
    return doc;
  }

  private static Map<String, @Nullable Object> select(Map<String, ?> values, Selection chosen) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (chosen.includes(name)) {
            out.put(name, JsonCodec.jsonReady(value, name));
          }
        });
    return out;
  }

  /** Names chosen in the configuration: a list, or {@code *} for all. */
  record Selection(boolean all, Set<String> names) {
    static Selection of(List<String> configured) {
      return new Selection(configured.contains("*"), Set.copyOf(configured));
    }

    boolean includes(String name) {
      return all || names.contains(name);
    }
  }
}
