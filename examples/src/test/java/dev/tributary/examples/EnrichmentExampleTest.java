package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.model.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EnrichmentExampleTest {
  @Test
  @Timeout(60)
  void recipe_enrichesAsksAgainWhenQueued_keepsTheCrmsValue_andCachesAnswers() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProfileStore store =
        EnrichmentExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("first run: SUCCEEDED, read 3, enriched 2, provider calls 4");
    assertThat(out).contains("second run: SUCCEEDED, read 3, enriched 2, provider calls 0");
    assertThat(profile(store, "ann@example.com").fields())
        .containsEntry("company", "(from CRM)") // the CRM outranks the provider
        .containsEntry("company_size", 250L);
    assertThat(profile(store, "cy@example.com").fields()).containsEntry("company_size", 12L);
    assertThat(profile(store, "bob@example.com").fields()).doesNotContainKey("company_size");
  }

  static Profile profile(ProfileStore store, String email) {
    return store.get(store.find("email", email).orElseThrow()).orElseThrow().profile();
  }
}
