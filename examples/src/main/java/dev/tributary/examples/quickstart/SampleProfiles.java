package dev.tributary.examples.quickstart;

import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample profiles: people with an e-mail address, a customer number, names, a plan and a
 * country; every second one (and everyone on the pro plan) is in the audience {@value #AUDIENCE}.
 */
final class SampleProfiles {
  static final String AUDIENCE = "vip";
  private static final String[] FIRST = {
    "Ann", "Bob", "Cyd", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kim", "Lu"
  };
  private static final String[] LAST = {"Lee", "Ng", "Ortiz", "Park", "Quinn", "Rossi", "Sato"};
  private static final String[] COUNTRY = {"DE", "US", "FR", "JP", "BR"};

  private final List<Profile> all;

  SampleProfiles(int count) {
    List<Profile> profiles = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String first = FIRST[(i - 1) % FIRST.length];
      String plan = i % 4 == 0 ? "pro" : i % 3 == 0 ? "team" : "free";
      Profile.Builder b =
          Profile.builder("p-" + i)
              .identity("email", first.toLowerCase(java.util.Locale.ROOT) + i + domain(i))
              .identity("customer_id", String.format("C-%04d", i))
              .field("first_name", first)
              .field("last_name", LAST[(i - 1) % LAST.length])
              .field("plan", plan)
              .field("country", COUNTRY[(i - 1) % COUNTRY.length]);
      if (i % 2 == 1 || plan.equals("pro")) {
        b.audience(AUDIENCE);
      }
      profiles.add(b.build());
    }
    this.all = List.copyOf(profiles);
  }

  /** Every third person works at a company the mock provider knows. */
  private static String domain(int i) {
    return i % 3 == 1 ? "@acme.example" : i % 3 == 2 ? "@globex.example" : "@mail.example";
  }

  List<Profile> all() {
    return all;
  }

  List<Profile> audience() {
    return all.stream().filter(p -> p.audiences().contains(AUDIENCE)).toList();
  }

  /** The audience as a {@link Source}, paged by position: what a host's audience query would be. */
  Source<Profile> audienceSource() {
    List<Profile> members = audience();
    return (from, max) -> {
      int start = from.cursor() == null ? 0 : Integer.parseInt(from.cursor());
      int end = Math.min(members.size(), start + max);
      return new Page<>(
          members.subList(start, end), Checkpoint.at(Integer.toString(end)), end == members.size());
    };
  }
}
