package dev.tributary.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {
  @Test
  void toString_namesKeysButNeverPersonalValues() {
    Profile p =
        Profile.builder("p1")
            .identity("email", "ann@example.com")
            .field("first_name", "Ann")
            .audience("vip")
            .build();
    assertThat(p.toString())
        .contains("email", "first_name", "vip")
        .doesNotContain("ann@example.com")
        .doesNotContain("Ann");
  }

  @Test
  void toBuilder_copiesAndChangesWithoutTouchingTheOriginal() {
    Profile p = Profile.builder("p1").field("plan", "free").audience("a").build();
    Profile q =
        p.toBuilder().field("plan", "pro").removeAudience("a").updatedAt(Instant.EPOCH).build();
    assertThat(p.field("plan")).hasValue("free");
    assertThat(q.field("plan")).hasValue("pro");
    assertThat(q.audiences()).isEmpty();
    assertThat(q.updatedAt()).hasValue(Instant.EPOCH);
    assertThat(p)
        .isNotEqualTo(q)
        .isEqualTo(Profile.builder("p1").field("plan", "free").audience("a").build());
  }

  @Test
  void rawEventFields_keepNullsAndOrder() {
    Map<String, Object> raw = new HashMap<>();
    raw.put("coupon", null);
    Event e = new Event("purchase", Instant.EPOCH, Map.of("email", "a@b.c"), raw);
    assertThat(e.fields()).containsEntry("coupon", null);
    assertThatThrownBy(() -> Profile.builder("p").field("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }
}
