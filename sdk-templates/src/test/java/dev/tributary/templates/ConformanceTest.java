package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every case whose expected output (or error) Go's text/template + sprig produced, and
 * requires the same bytes, or the same error phase and message. The shared set comes from
 * ../shared/conformance (copied here so a plain clone passes); the extra set was written for this
 * module and checked against Go by {@link GoOracleDifferentialTest}. Both were produced by Go 1.19,
 * so they run with {@link GoVersion#GO_1_19}.
 */
class ConformanceTest {
  static final String SHARED = "go-templates-cases.json";
  static final String EXTRA = "go-templates-extra-cases.json";

  @TestFactory
  Stream<DynamicTest> sharedConformanceCases_renderByteForByteAsGo() throws Exception {
    return GoCase.load(SHARED).stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> assertLikeGo(c)));
  }

  @TestFactory
  Stream<DynamicTest> extraCases_renderByteForByteAsGo() throws Exception {
    return GoCase.load(EXTRA).stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> assertLikeGo(c)));
  }

  static void assertLikeGo(GoCase c) {
    GoCase.Outcome ours = c.render(GoVersion.GO_1_19);
    assertThat(ours)
        .as("%s: %s with data %s", c.name(), c.template(), c.dataJson())
        .isEqualTo(c.goOutcome());
  }

  @Test
  void sharedConformanceSet_everyErrorMessageMatchesGosTextExactly() throws Exception {
    List<GoCase> errors = GoCase.load(SHARED).stream().filter(c -> c.error() != null).toList();
    List<String> different = new ArrayList<>();
    for (GoCase c : errors) {
      GoCase.Outcome ours = c.render(GoVersion.GO_1_19);
      if (!c.error().equals(ours.error())) {
        different.add(c.name() + ": " + ours.error());
      }
    }
    assertThat(errors).hasSize(103);
    assertThat(different).as("error messages that differ from Go's").isEmpty();
  }

  @Test
  void jacksonJsonNodeData_rendersExactlyLikeTheSameJsonDecodedAsGoDoes() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<String> different = new ArrayList<>();
    for (GoCase c : GoCase.load(SHARED)) {
      JsonNode data = mapper.readTree(c.dataJson());
      GoCase.Outcome ours = c.render(GoVersion.GO_1_19, data);
      if (!ours.equals(c.goOutcome())) {
        different.add(c.name() + ": " + ours);
      }
    }
    assertThat(different).isEmpty();
  }
}
