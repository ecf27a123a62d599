package dev.tributary.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ValidationException;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.model.Event;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldMappingTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  final FieldMapping mapping =
      FieldMapping.builder()
          .identity("email", "Email", Transform.TRIM, Transform.LOWERCASE)
          .identity("customer_id", "Customer No")
          .field(FieldRule.of("plan").from("Plan").transform(Transform.TRIM, Transform.LOWERCASE))
          .field(FieldRule.of("age").from("Age").as(FieldType.INTEGER))
          .field(FieldRule.of("ltv").from("LTV").as(FieldType.NUMBER).orElse("0"))
          .field(FieldRule.of("opt_in").from("Opt-in").as(FieldType.BOOLEAN))
          .field(FieldRule.of("tags").from("Tags").as(FieldType.SET))
          .field(FieldRule.of("signed_up").from("Created").as(FieldType.TIMESTAMP))
          .field(
              FieldRule.of("email_sha256")
                  .from("Email")
                  .transform(Transform.TRIM, Transform.LOWERCASE, Transform.SHA256))
          .timestamp("Updated")
          .build();

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void apply_renamesCoercesTransformsDefaults_andKeepsUnmappedFields() throws Exception {
    MappedRecord r =
        mapping.apply(
            row(
                "Email",
                " Ann@Example.com ",
                "Customer No",
                "C-7",
                "Plan",
                " PRO ",
                "Age",
                "42.0",
                "Opt-in",
                "Yes",
                "Tags",
                "a, b,,a",
                "Created",
                "2026-01-02",
                "Updated",
                1_764_583_200_000L,
                "utm_source",
                "newsletter",
                "note",
                null));

    assertThat(r.identities())
        .containsExactly(Map.entry("email", "ann@example.com"), Map.entry("customer_id", "C-7"));
    assertThat(r.fields())
        .containsEntry("plan", "pro")
        .containsEntry("age", 42L)
        .containsEntry("ltv", new BigDecimal("0"))
        .containsEntry("opt_in", true)
        .containsEntry("tags", Set.of("a", "b"))
        .containsEntry("signed_up", Instant.parse("2026-01-02T00:00:00Z"))
        .containsEntry("email_sha256", sha256("ann@example.com"));
    assertThat(r.unmapped().keySet()).containsExactly("utm_source", "note");
    assertThat(r.timestamp()).isEqualTo(Instant.ofEpochMilli(1_764_583_200_000L));

    Event event = r.toEvent("crm_row", NOW);
    assertThat(event.fields()).containsEntry("utm_source", "newsletter").containsKey("note");
  }

  @Test
  void aValueThatCannotBeCoerced_isAValidationErrorNamingFieldAndValue() {
    assertThatThrownBy(() -> mapping.apply(row("Email", "a@b.c", "Age", "4.5")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).contains("age"))
        .hasMessage("field \"age\" (from \"Age\"): \"4.5\" is not a whole number (64-bit)");
    assertThatThrownBy(() -> mapping.apply(row("Opt-in", "maybe")))
        .hasMessage(
            "field \"opt_in\" (from \"Opt-in\"): \"maybe\" is not true/false, yes/no or 1/0");
    assertThatThrownBy(() -> mapping.apply(row("Created", "yesterday\n")))
        .hasMessageStartingWith(
            "field \"signed_up\" (from \"Created\"): \"yesterday\\u000a\" is not");
    assertThatThrownBy(() -> mapping.apply(row("Age", "x".repeat(100))))
        .hasMessageContaining("\"" + "x".repeat(40) + "…\"");
  }

  @Test
  void personalData_isNamedButNeverShown() {
    FieldMapping m =
        FieldMapping.builder()
            .field(FieldRule.of("phone").from("Phone").as(FieldType.INTEGER).pii())
            .build();
    assertThatThrownBy(() -> m.apply(row("Phone", "+47 555 12345")))
        .hasMessage(
            "field \"phone\" (from \"Phone\"): the value (personal data, 13 characters, not shown)"
                + " is not a whole number (64-bit)")
        .message()
        .doesNotContain("555");
  }

  @Test
  void requiredFields_andBadDefaults_failClearly() {
    FieldMapping m = FieldMapping.builder().field(FieldRule.of("id").from("ID").required()).build();
    assertThatThrownBy(() -> m.apply(row("ID", " ")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("field \"id\" (from \"ID\") is required but missing");
    assertThatThrownBy(
            () -> FieldMapping.builder().field(FieldRule.of("n").as(FieldType.INTEGER).orElse("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("default of field n is not a whole number (64-bit): x");
    assertThatThrownBy(
            () ->
                FieldMapping.builder().field(FieldRule.of("a")).field(FieldRule.of("a").from("b")))
        .hasMessage("two rules map to field a");
  }

  @Test
  void coercions_acceptTheDocumentedForms() {
    assertThat(Coercion.coerce(FieldType.INTEGER, 7)).isEqualTo(7L);
    assertThat(Coercion.coerce(FieldType.NUMBER, "1e3")).isEqualTo(new BigDecimal("1e3"));
    assertThat(Coercion.coerce(FieldType.NUMBER, 0.1)).isEqualTo(new BigDecimal("0.1"));
    assertThat(Coercion.coerce(FieldType.BOOLEAN, 0)).isEqualTo(false);
    assertThat(Coercion.coerce(FieldType.STRING, new BigDecimal("1E+2"))).isEqualTo("100");
    assertThat(Coercion.coerce(FieldType.TIMESTAMP, "2026-12-01T11:00:00+01:00")).isEqualTo(NOW);
    assertThat(Coercion.coerce(FieldType.SET, List.of("x", " ", "y"))).isEqualTo(Set.of("x", "y"));
    assertThatThrownBy(() -> Coercion.coerce(FieldType.INTEGER, "99999999999999999999"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Coercion.coerce(FieldType.STRING, Map.of())).hasMessage("is not text");
  }

  @Test
  void mappedRecords_resolveIntoProfiles() {
    ProfileStore store = ProfileStore.inMemory();
    IdentityResolver resolver =
        IdentityResolver.builder(store)
            .keys(IdentityKey.email("email"), IdentityKey.trimmed("customer_id"))
            .build();
    resolver.resolve(
        mapping.apply(row("Email", "ANN@example.com", "Plan", "Free")).toSourceRecord("crm", NOW));
    resolver.resolve(
        mapping
            .apply(row("Email", "ann@example.com ", "Customer No", "C-7", "Age", 41))
            .toSourceRecord("crm", NOW.plusSeconds(1)));
    assertThat(store.size()).isEqualTo(1);
    String id = store.find("customer_id", "C-7").orElseThrow();
    assertThat(store.get(id).orElseThrow().profile().fields())
        .containsEntry("plan", "free")
        .containsEntry("age", 41L);
  }
}
