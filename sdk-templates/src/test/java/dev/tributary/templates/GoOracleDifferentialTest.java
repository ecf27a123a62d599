package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.RequiresProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs templates through Go's own text/template + sprig and through this renderer, and requires
 * identical results. Covers the extra case set (and checks that its committed expectations are
 * still what Go says) and thousands of random floats through every float verb.
 */
@RequiresProgram(value = "go", debianPackage = "golang-go")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoOracleDifferentialTest {
  private GoOracle go;

  @BeforeAll
  void buildOracle() throws Exception {
    go = GoOracle.build();
  }

  @Test
  void extraCases_goStillGivesTheCommittedResults_andSoDoWe() throws Exception {
    List<GoCase> committed = GoCase.load(ConformanceTest.EXTRA);
    List<GoCase> fromGo = go.run(committed);
    List<String> stale = new ArrayList<>();
    List<String> different = new ArrayList<>();
    for (int i = 0; i < committed.size(); i++) {
      GoCase expected = fromGo.get(i);
      if (!expected.goOutcome().equals(committed.get(i).goOutcome())) {
        stale.add(expected.name());
      }
      GoCase.Outcome ours = expected.render(GoVersion.GO_1_19);
      if (!ours.equals(expected.goOutcome())) {
        different.add(
            expected.name()
                + " "
                + expected.template()
                + "\n  go:   "
                + expected.goOutcome()
                + "\n  ours: "
                + ours);
      }
    }
    assertThat(different).as("cases where we differ from Go").isEmpty();
    assertThat(stale).as("committed expectations Go no longer produces").isEmpty();
  }

  @Test
  void randomFloats_printExactlyAsGoWithEveryFloatVerb() throws Exception {
    Random random = new Random(20261130);
    List<GoCase> cases = new ArrayList<>();
    String template =
        "{{range .}}{{.}}|{{printf \"%e|%.3f|%g|%.12g|%x|%b|%08.2f|%#v|%.0f\" . . . . . . . . .}}"
            + "|{{printf \"%.1f|%.5f|%.9f|%.17f|%.1e|%.9e|%.16e|%.20e|%.3g|%.17g\""
            + " . . . . . . . . . .}}"
            + "|{{toJson .}}|{{mulf . 3}}|{{round . 2}}\n{{end}}";
    for (int i = 0; i < 300; i++) {
      StringBuilder data = new StringBuilder("[");
      for (int k = 0; k < 10; k++) {
        data.append(k == 0 ? "" : ",").append(randomDouble(random));
      }
      cases.add(new GoCase("floats-" + i, template, data + "]", null, null, null, null));
    }
    List<String> different = new ArrayList<>();
    for (GoCase expected : go.run(cases)) {
      GoCase.Outcome ours = expected.render(GoVersion.GO_1_19);
      if (!ours.equals(expected.goOutcome())) {
        different.add(
            expected.dataJson() + "\n  go:   " + expected.goOutcome() + "\n  ours: " + ours);
      }
    }
    assertThat(different).isEmpty();
  }

  /** A finite double from anywhere in the range: random bits, or a "human" number. */
  private static String randomDouble(Random random) {
    double d =
        switch (random.nextInt(3)) {
          case 0 -> {
            double bits;
            do {
              bits = Double.longBitsToDouble(random.nextLong());
            } while (Double.isNaN(bits) || Double.isInfinite(bits));
            yield bits;
          }
          case 1 -> random.nextInt(2_000_000) / Math.pow(10, random.nextInt(8));
          default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        };
    return Double.toString(d);
  }
}
