package dev.tributary.connectors.sendgrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ValidationException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /v3/marketing/contacts}: each contact as SendGrid takes it ({@code email},
 * {@code external_id}, reserved fields at the top level, {@code custom_fields} by field ID) and the
 * requests a batch needs to stay within the documented limits of 30,000 contacts and 6 MB per
 * request.
 */
final class Upsert {
  static final int MAX_CONTACTS = 30_000;
  private static final byte[] HEAD = "{\"contacts\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");

  private Upsert() {}

  /** One request: its body and the contacts in it, in order. */
  record Request(byte[] body, List<ContactDraft> contacts) {}

  /**
   * A contact as JSON bytes.
   *
   * @throws ValidationException if a mapped value does not fit its SendGrid field
   */
  static byte[] contact(
      ContactDraft draft, SendGridSettings s, AccountSetup.Account account, ObjectMapper mapper) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("email", draft.email);
    if (draft.externalId() != null) {
      json.put("external_id", draft.externalId());
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    AccountSetup.Field membership = Objects.requireNonNull(account.field(s.membershipField()));
    custom.put(membership.id(), draft.membershipValue());
    draft
        .fields()
        .forEach(
            (name, value) -> {
              if (SendGridSettings.RESERVED.contains(name)) {
                json.put(name, reserved(name, value));
              } else {
                AccountSetup.Field field = Objects.requireNonNull(account.field(name), name);
                custom.put(field.id(), custom(field, value));
              }
            });
    json.put("custom_fields", custom);
    return JsonCodec.writeWith(mapper, json, "the contact");
  }

  private static Object reserved(String name, Object value) {
    if (name.equals("alternate_emails")) {
      Collection<?> values =
          value instanceof Collection<?> c ? c : Arrays.asList(String.valueOf(value).split(","));
      List<String> emails = new ArrayList<>();
      values.forEach(v -> emails.add(String.valueOf(v).strip()));
      return emails;
    }
    return text(value);
  }

  private static Object custom(AccountSetup.Field field, Object value) {
    return switch (field.type()) {
      case "Number" -> number(field, value);
      case "Date" -> date(field, value);
      default -> text(value);
    };
  }

  /** A value as SendGrid text: its own text (an array's elements, listed), not JSON. */
  private static String text(Object value) {
    return String.valueOf(value instanceof Object[] array ? Arrays.asList(array) : value);
  }

  private static Number number(AccountSetup.Field field, Object value) {
    if (value instanceof Number n) {
      return n;
    }
    try {
      return new BigDecimal(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(
          "the Number field " + field.name() + " cannot take a value that is not a number",
          field.name(),
          -1,
          null);
    }
  }

  /** SendGrid's date format for custom fields, MM/DD/YYYY, in UTC. */
  private static String date(AccountSetup.Field field, Object value) {
    TemporalAccessor t = value instanceof TemporalAccessor ta ? ta : parse(String.valueOf(value));
    LocalDate date;
    if (t == null) {
      throw new ValidationException(
          "the Date field " + field.name() + " needs a date or an instant", field.name(), -1, null);
    } else if (t instanceof Instant i) {
      date = i.atZone(ZoneOffset.UTC).toLocalDate();
    } else if (t instanceof OffsetDateTime o) {
      date = o.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } else if (t instanceof ZonedDateTime z) {
      date = z.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } else if (t instanceof LocalDate d) {
      date = d;
    } else {
      throw new ValidationException(
          "the Date field " + field.name() + " needs a date or an instant", field.name(), -1, null);
    }
    return DATE.format(date);
  }

  private static @Nullable TemporalAccessor parse(String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /** Packs contacts into requests of at most {@code maxBytes} bytes and 30,000 contacts. */
  static List<Request> pack(List<ContactDraft> contacts, List<byte[]> bodies, int maxBytes) {
    List<Request> requests = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<ContactDraft> in = new ArrayList<>();
    for (int i = 0; i < contacts.size(); i++) {
      byte[] contact = bodies.get(i);
      int size = body.size() == 0 ? HEAD.length : body.size();
      if (!in.isEmpty()
          && (size + 1 + contact.length + TAIL.length > maxBytes || in.size() == MAX_CONTACTS)) {
        requests.add(finish(body, in));
        body = new ByteArrayOutputStream();
        in = new ArrayList<>();
      }
      if (in.isEmpty()) {
        body.writeBytes(HEAD);
      } else {
        body.write(',');
      }
      body.writeBytes(contact);
      in.add(contacts.get(i));
    }
    if (!in.isEmpty()) {
      requests.add(finish(body, in));
    }
    return requests;
  }

  private static Request finish(ByteArrayOutputStream body, List<ContactDraft> in) {
    body.writeBytes(TAIL);
    return new Request(body.toByteArray(), List.copyOf(in));
  }

  /** The request size of a single contact: more than {@code maxBytes} cannot be sent at all. */
  static int alone(byte[] contact) {
    return HEAD.length + contact.length + TAIL.length;
  }
}
