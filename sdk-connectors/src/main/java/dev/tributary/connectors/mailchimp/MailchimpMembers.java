package dev.tributary.connectors.mailchimp;

import dev.tributary.connectors.internal.ResolvingSink;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.job.Sink;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.mapping.FieldType;
import dev.tributary.core.mapping.Transform;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns Mailchimp members, as {@link MailchimpMembersImportConnector} reads them, into profiles:
 * {@link #flatten} makes a member fit sdk-core's {@link FieldMapping} (nested objects become dotted
 * keys: {@code merge_fields.FNAME}), {@link #defaultMapping()} maps the usual fields, and {@link
 * #sink} resolves each member into the host's profile store.
 *
 * <pre>{@code
 * runner.add(Job.importing("mailchimp-members", MailchimpMembersImportConnector.create(), config,
 *         Authorization.basic("any", Secret.of(apiKey)),
 *         MailchimpMembers.sink(resolver, MailchimpMembers.defaultMapping(), "mailchimp", clock))
 *     .schedule(Schedule.parse("every 1h")).build());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class MailchimpMembers {
  /** The user fields {@link #defaultMapping()} writes, for the connector's descriptor. */
  static final List<FieldSpec> FIELDS =
      List.of(
          FieldSpec.writes("email", "Identity: the member's e-mail address (email_address)."),
          FieldSpec.writes(
              "mailchimp_contact_id", "Identity: Mailchimp's contact ID (contact_id)."),
          FieldSpec.writes("first_name", "From the FNAME merge field."),
          FieldSpec.writes("last_name", "From the LNAME merge field."),
          FieldSpec.writes("phone", "From the PHONE merge field."),
          FieldSpec.writes(
              "mailchimp_status", "subscribed, unsubscribed, cleaned, pending or transactional."),
          FieldSpec.writes("mailchimp_tags", "The names of the member's tags."),
          FieldSpec.writes("mailchimp_vip", "Whether the member is a VIP."),
          FieldSpec.writes("mailchimp_member_rating", "Mailchimp's star rating, 1 to 5."),
          FieldSpec.writes("mailchimp_opted_in_at", "When the member confirmed the opt-in."),
          FieldSpec.writes("language", "The member's language, if Mailchimp knows it."));

  private MailchimpMembers() {}

  /**
   * A member with nested objects flattened to dotted keys ({@code merge_fields.FNAME}, {@code
   * location.country_code}, {@code stats.avg_open_rate}), {@code tags} as the list of their names
   * and {@code interests} as the list of the IDs set to {@code true}. Top-level values stay as they
   * are; nothing is dropped.
   */
  public static Map<String, @Nullable Object> flatten(
      Map<String, ? extends @Nullable Object> member) {
    Objects.requireNonNull(member, "member");
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    member.forEach(
        (key, value) -> {
          if (key.equals("tags") && value instanceof List<?> tags) {
            out.put(key, tagNames(tags));
          } else if (key.equals("interests") && value instanceof Map<?, ?> interests) {
            List<String> set = new ArrayList<>();
            interests.forEach(
                (id, on) -> {
                  if (Boolean.TRUE.equals(on)) {
                    set.add(String.valueOf(id));
                  }
                });
            out.put(key, set);
          } else if (value instanceof Map<?, ?> nested) {
            nested.forEach((k, v) -> out.put(key + "." + k, v));
          } else {
            out.put(key, value);
          }
        });
    return out;
  }

  private static List<String> tagNames(List<?> tags) {
    List<String> names = new ArrayList<>(tags.size());
    for (Object tag : tags) {
      Object name = tag instanceof Map<?, ?> m ? m.get("name") : tag;
      if (name != null) {
        names.add(String.valueOf(name));
      }
    }
    return names;
  }

  /**
   * The usual mapping of a {@linkplain #flatten flattened} member: identities {@code email} (from
   * {@code email_address}, trimmed and lower-cased) and {@code mailchimp_contact_id}; fields {@code
   * first_name}, {@code last_name}, {@code phone} (merge fields FNAME, LNAME, PHONE), {@code
   * mailchimp_status}, {@code mailchimp_tags}, {@code mailchimp_vip}, {@code
   * mailchimp_member_rating}, {@code mailchimp_opted_in_at}, {@code language}; the record's time is
   * {@code last_changed}. Build your own {@link FieldMapping} for other merge fields.
   */
  public static FieldMapping defaultMapping() {
    return FieldMapping.builder()
        .identity("email", "email_address", Transform.TRIM, Transform.LOWERCASE)
        .identity("mailchimp_contact_id", "contact_id")
        .field(FieldRule.of("first_name").from("merge_fields.FNAME").pii())
        .field(FieldRule.of("last_name").from("merge_fields.LNAME").pii())
        .field(FieldRule.of("phone").from("merge_fields.PHONE").pii())
        .field(FieldRule.of("mailchimp_status").from("status"))
        .field(FieldRule.of("mailchimp_tags").from("tags").as(FieldType.SET))
        .field(FieldRule.of("mailchimp_vip").from("vip").as(FieldType.BOOLEAN))
        .field(FieldRule.of("mailchimp_member_rating").from("member_rating").as(FieldType.INTEGER))
        .field(FieldRule.of("mailchimp_opted_in_at").from("timestamp_opt").as(FieldType.TIMESTAMP))
        .field(FieldRule.of("language").from("language"))
        .timestamp("last_changed")
        .build();
  }

  /**
   * A sink for {@code Job.importing} that flattens each member, maps it with {@code mapping} and
   * resolves it into {@code resolver}'s store as coming from {@code source} (for a source-priority
   * conflict rule). A member the mapping rejects, or without an identifier, is rejected alone
   * ({@code VALIDATION}); the page goes on. Records without a time stamp get {@code clock}'s now.
   */
  public static Sink<Map<String, @Nullable Object>> sink(
      IdentityResolver resolver, FieldMapping mapping, String source, Clock clock) {
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(clock, "clock");
    return new ResolvingSink<>(
        resolver, member -> mapping.apply(flatten(member)).toSourceRecord(source, clock.instant()));
  }
}
