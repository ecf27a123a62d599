package dev.tributary.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.OddValues.Plan;
import dev.tributary.connectors.testutil.OddValues.Point;
import dev.tributary.core.ValidationException;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a REST export sends for an item: its field values made JSON-ready as every export's. */
class ItemJsonTest {
  private static Profile.Builder ann() {
    return Profile.builder("p-1").identity("email", "ann@example.com").audience("vip");
  }

  @Test
  void profile_keepsExactNumbersAndWritesDatesAndSetsAsBefore() {
    Profile p =
        ann()
            .field("points", new BigDecimal("7.50"))
            .field("seen", Instant.parse("2026-12-01T10:00:00Z"))
            .field("tags", Set.of("a"))
            .build();

    Map<String, Object> json = ItemJson.profile(p, List.of());

    assertThat(json.get("identities")).isEqualTo(Map.of("email", "ann@example.com"));
    assertThat(json.get("fields"))
        .isEqualTo(
            Map.of(
                "points",
                new BigDecimal("7.50"),
                "seen",
                "2026-12-01T10:00:00Z",
                "tags",
                List.of("a")));
  }

  @Test
  void change_listsChangedFieldsSorted() {
    Profile p = ann().field("b", 1).field("a", 2).build();
    AudienceChange c =
        new AudienceChange(
            "vip", AudienceChange.Kind.FIELDS_CHANGED, p, Set.of("b", "a"), Instant.EPOCH);

    assertThat(ItemJson.change(c, List.of("a")).get("changed_fields")).isEqualTo(List.of("a", "b"));
  }

  /** Before, NaN went out as the string "NaN" where the vendor expects a number. */
  @Test
  void profile_withNaN_isAValidationErrorNamingTheField() {
    Profile p = ann().field("score", Double.NaN).build();

    assertThatThrownBy(() -> ItemJson.profile(p, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("field \"score\" is NaN, which JSON cannot carry");
  }

  /** Before, a map holding itself overflowed the stack: the run failed instead of the item. */
  @Test
  void profile_withAMapThatHoldsItself_isAValidationErrorNamingTheField() {
    Map<String, Object> address = new java.util.HashMap<>();
    address.put("self", address);
    Profile p = ann().field("address", address).build();

    assertThatThrownBy(() -> ItemJson.profile(p, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("field \"address.self\" holds itself");
  }

  /** Before, a record went out as its toString(), "Point[x=1]". */
  @Test
  void profile_withARecord_isAValidationErrorNamingTheField() {
    Profile p = ann().field("where", new Point(1)).build();

    assertThatThrownBy(() -> ItemJson.profile(p, List.of("where")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("field \"where\" holds a ");
  }

  /** Before, an enum went out as its toString(); every other export sends its name. */
  @Test
  void profile_withAnEnum_sendsItsName() {
    Profile p = ann().field("plan", Plan.PRO).build();

    assertThat(ItemJson.profile(p, List.of()).get("fields")).isEqualTo(Map.of("plan", "PRO"));
  }
}
