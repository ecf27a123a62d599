package dev.tributary.connectors.sendgrid;

import dev.tributary.core.ValidationException;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One SendGrid contact of a batch: the batch's items for the same e-mail address merged in order
 * (SendGrid keys contacts by e-mail, so one request must not name an address twice). Fields of a
 * later item win. The audiences are the latest profile's memberships with every entry and exit of
 * the batch applied on top, in order: right whether or not the host keeps {@link
 * Profile#audiences()} up to date.
 */
final class ContactDraft {
  /** What one item says about its contact. */
  record Contribution(
      String email,
      @Nullable String externalId,
      Map<String, Object> fields,
      Set<String> audiences,
      List<Change> changes) {}

  /** An entry ({@code entered}) or exit of one audience. */
  record Change(String audience, boolean entered) {}

  final String email;
  private @Nullable String externalId;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private Set<String> audiences = Set.of();
  private final List<Change> changes = new ArrayList<>();
  private final List<Integer> items = new ArrayList<>();

  ContactDraft(String email) {
    this.email = email;
  }

  static Contribution of(Profile profile, SendGridSettings s) {
    return contribution(profile, s, List.of());
  }

  static Contribution of(AudienceChange change, SendGridSettings s) {
    List<Change> changes =
        switch (change.kind()) {
          case ENTERED -> List.of(new Change(change.audience(), true));
          case EXITED -> List.of(new Change(change.audience(), false));
          case FIELDS_CHANGED -> List.of();
        };
    return contribution(
        change.profile(), s, changes.stream().filter(c -> s.exports(c.audience())).toList());
  }

  private static Contribution contribution(
      Profile profile, SendGridSettings s, List<Change> changes) {
    String email =
        profile
            .identity(s.emailIdentity())
            .map(e -> e.strip().toLowerCase(Locale.ROOT))
            .filter(e -> e.indexOf('@') > 0)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "profile "
                            + profile.id()
                            + " has no e-mail address in identity \""
                            + s.emailIdentity()
                            + "\"; SendGrid keys contacts by e-mail",
                        s.emailIdentity(),
                        -1,
                        null));
    Map<String, Object> fields = new LinkedHashMap<>();
    s.fields()
        .forEach((target, source) -> profile.field(source).ifPresent(v -> fields.put(target, v)));
    Set<String> audiences = new LinkedHashSet<>();
    profile.audiences().stream().filter(s::exports).forEach(audiences::add);
    for (String audience : audiences) {
      checkAudience(audience);
    }
    changes.forEach(c -> checkAudience(c.audience()));
    String externalId = s.externalIdIdentity().flatMap(profile::identity).orElse(null);
    return new Contribution(email, externalId, fields, audiences, changes);
  }

  private static void checkAudience(String audience) {
    if (audience.isBlank() || audience.indexOf(',') >= 0) {
      throw new ValidationException(
          "audience \""
              + audience
              + "\" cannot be kept in SendGrid's membership field: names there are separated by"
              + " commas, so an audience name must be non-blank and have none",
          SendGridSettings.AUDIENCES,
          -1,
          null);
    }
  }

  void add(int item, Contribution c) {
    items.add(item);
    if (c.externalId() != null) {
      externalId = c.externalId();
    }
    fields.putAll(c.fields());
    audiences = c.audiences();
    changes.addAll(c.changes());
  }

  /** The batch positions of the items merged here. */
  List<Integer> items() {
    return items;
  }

  /** The contact's audiences after the batch, sorted. */
  Set<String> memberships() {
    Set<String> result = new TreeSet<>(audiences);
    for (Change c : changes) {
      if (c.entered()) {
        result.add(c.audience());
      } else {
        result.remove(c.audience());
      }
    }
    return result;
  }

  /**
   * The membership field's value: {@code ,a,b,} — delimiters on both sides so that a segment can
   * ask for {@code ,a,} without matching {@code ab} — or {@code ,} for none (SendGrid keeps a field
   * that a request leaves empty, so "no audience" must be a value).
   */
  String membershipValue() {
    return "," + String.join(",", memberships()) + (memberships().isEmpty() ? "" : ",");
  }

  @Nullable String externalId() {
    return externalId;
  }

  Map<String, Object> fields() {
    return fields;
  }
}
