package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuntimeExampleTest {
  @Test
  void recipe_resolvesExportsInBatchesAndCoalescesLiveChanges() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RuntimeExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("resolved 4 rows into 3 profiles");
    assertThat(out)
        .contains("vendor received [ann@example.com, bob@example.com]")
        .contains("vendor received [cy@example.com]")
        .contains("export run SUCCEEDED, wrote 3");
    assertThat(out).contains("vendor received [ENTERED ").contains("EXITED ");
    assertThat(out).contains("finished: vip-sync run 1 STOPPED");
  }
}
