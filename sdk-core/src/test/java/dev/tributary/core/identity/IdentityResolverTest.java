package dev.tributary.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
  static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant T2 = T1.plusSeconds(3600);

  final ProfileStore store = ProfileStore.inMemory();
  final AtomicInteger next = new AtomicInteger();

  IdentityResolver resolver(ConflictRule rule) {
    return IdentityResolver.builder(store)
        .keys(
            IdentityKey.email("email"),
            IdentityKey.trimmed("user_id"),
            IdentityKey.trimmed("customer_id"))
        .conflictRule(rule)
        .profileIds(() -> "p" + next.incrementAndGet())
        .build();
  }

  static SourceRecord rec(Map<String, String> ids, Map<String, Object> fields, Instant at) {
    return new SourceRecord(ids, fields, at, "crm");
  }

  Profile profile(String id) {
    return store.get(id).orElseThrow().profile();
  }

  @Test
  void aRecordMatchingByANormalisedEmail_updatesTheSameProfile() {
    IdentityResolver r = resolver(ConflictRule.latestWins());
    Resolution created =
        r.resolve(rec(Map.of("email", " Ann@Example.COM "), Map.of("plan", "free"), T1));
    Resolution updated =
        r.resolve(rec(Map.of("email", "ann@example.com"), Map.of("plan", "pro"), T2));

    assertThat(created.outcome()).isEqualTo(Resolution.Outcome.CREATED);
    assertThat(updated)
        .isEqualTo(new Resolution("p1", Resolution.Outcome.UPDATED, java.util.Set.of()));
    assertThat(store.size()).isEqualTo(1);
    assertThat(profile("p1").identities()).containsEntry("email", "ann@example.com");
    assertThat(profile("p1").fields()).containsEntry("plan", "pro");
    assertThat(profile("p1").updatedAt()).contains(T2);
  }

  @Test
  void aRecordJoiningTwoProfiles_mergesThemIntoTheHighestPriorityMatch() {
    IdentityResolver r = resolver(ConflictRule.latestWins());
    r.resolve(rec(Map.of("email", "ann@example.com"), Map.of("plan", "gold"), T2));
    r.resolve(rec(Map.of("customer_id", "C-7"), Map.of("plan", "silver", "city", "Oslo"), T1));
    assertThat(store.size()).isEqualTo(2);

    Resolution merged =
        r.resolve(rec(Map.of("customer_id", "C-7", "email", "ANN@example.com"), Map.of(), T1));

    assertThat(merged.outcome()).isEqualTo(Resolution.Outcome.MERGED);
    assertThat(merged.profileId()).isEqualTo("p1"); // matched by email, the first key
    assertThat(merged.mergedAway()).containsExactly("p2");
    assertThat(store.size()).isEqualTo(1);
    assertThat(profile("p1").fields()).containsEntry("plan", "gold").containsEntry("city", "Oslo");
    assertThat(store.find("customer_id", "C-7")).contains("p1");
    assertThat(store.get("p2")).isEmpty();
  }

  @Test
  void latestWins_anOlderRecordFillsGapsButNeverOverwritesNewerValues() {
    IdentityResolver r = resolver(ConflictRule.latestWins());
    r.resolve(rec(Map.of("user_id", "u1"), Map.of("plan", "pro"), T2));
    r.resolve(rec(Map.of("user_id", "u1"), Map.of("plan", "free", "city", "Oslo"), T1));

    assertThat(profile("p1").fields()).containsEntry("plan", "pro").containsEntry("city", "Oslo");
  }

  @Test
  void sourcePriority_theCrmBeatsTheWebFormWhateverTheTime() {
    IdentityResolver r = resolver(ConflictRule.sourcePriority(List.of("crm", "web")));
    r.resolve(new SourceRecord(Map.of("user_id", "u1"), Map.of("name", "Ann Lee"), T1, "crm"));
    r.resolve(new SourceRecord(Map.of("user_id", "u1"), Map.of("name", "annie"), T2, "web"));
    r.resolve(new SourceRecord(Map.of("user_id", "u1"), Map.of("name", "x"), T2, "unknown"));
    assertThat(profile("p1").fields()).containsEntry("name", "Ann Lee");

    r.resolve(new SourceRecord(Map.of("user_id", "u1"), Map.of("name", "Ann Smith"), T2, "crm"));
    assertThat(profile("p1").fields()).containsEntry("name", "Ann Smith");
  }

  @Test
  void aNewerEmail_replacesTheOldOne_whichNoLongerFindsTheProfile() {
    IdentityResolver r = resolver(ConflictRule.latestWins());
    r.resolve(rec(Map.of("user_id", "u1", "email", "old@example.com"), Map.of(), T1));
    r.resolve(rec(Map.of("user_id", "u1", "email", "new@example.com"), Map.of(), T2));

    assertThat(store.find("email", "new@example.com")).contains("p1");
    assertThat(store.find("email", "old@example.com")).isEmpty();
  }

  @Test
  void aRecordWithoutAUsableIdentifier_isRejectedNamingTheKeys() {
    IdentityResolver r = resolver(ConflictRule.latestWins());
    assertThatThrownBy(() -> r.resolve(rec(Map.of("email", "  ", "fax", "123"), Map.of(), T1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "the record has no usable identifier: it needs one of email, user_id, customer_id");
    assertThat(store.size()).isZero();
  }

  @Test
  void normalisers_doWhatTheySay() {
    assertThat(Normalizer.phone().normalize(" +49 (30) 1234-56 ")).isEqualTo("+4930123456");
    assertThat(Normalizer.phone().normalize(" - ")).isNull();
    assertThat(Normalizer.trim().andThen(Normalizer.email()).normalize(" A@B.C "))
        .isEqualTo("a@b.c");
    assertThatThrownBy(() -> IdentityResolver.builder(store).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
