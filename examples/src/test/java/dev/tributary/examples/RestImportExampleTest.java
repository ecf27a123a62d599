package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.identity.ProfileStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RestImportExampleTest {
  @Test
  @Timeout(60)
  void recipe_importsEverythingOnce_thenOnlyWhatChanged_acrossTheBoundary(@TempDir Path state)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProfileStore store =
        RestImportExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), state);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("first run: SUCCEEDED, imported 3");
    assertThat(out).contains("second run: SUCCEEDED, imported 2"); // dee (boundary) and ann
    assertThat(out).contains("profiles: 4").contains("ann@example.com plan=enterprise");
    assertThat(store.size()).isEqualTo(4);
  }
}
