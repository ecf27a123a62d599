package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RestExportExampleTest {
  @Test
  @Timeout(60)
  void recipe_exportsInBatches_rejectsTheBadEmail_streamsChanges_andReportsMetrics()
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RestExportExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("check: CheckResult[problems=[]]");
    assertThat(out)
        .contains("vendor received [ann@example.com, bob@example.com] (growth)")
        .contains("vendor received [not-an-email, cy@example.com] (growth)")
        .contains("vendor received [dee@example.com] (growth)")
        .contains(
            "rejected p3: item 0 rejected by POST /v1/contacts/batch: HTTP 422: invalid email")
        .contains("export SUCCEEDED: written 4, rejected 1");
    assertThat(out)
        .contains("vendor received changes [entered p1, entered p2]")
        .contains("vendor received changes [exited p2, entered p4]");
    assertThat(out).contains("monitoring received").contains("dropped 0");
  }
}
