package dev.tributary.connectors.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.tributary.connectors.testutil.OddValues.Plan;
import dev.tributary.connectors.testutil.OddValues.Point;
import dev.tributary.core.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what the connectors' one JSON conversion does with every kind of input: {@link
 * JsonCodec#jsonReady} (all exports), its BigQuery variant, and {@link JsonCodec#parse} next to
 * {@link JsonCodec#fromTree} (inbound bodies and API answers).
 */
class JsonCodecConversionTest {
  static Stream<Arguments> carried() {
    Map<Object, Object> keyed = new LinkedHashMap<>();
    keyed.put(1, Instant.EPOCH);
    keyed.put(null, LocalDate.of(2026, 12, 1));
    return Stream.of(
        Arguments.of("null", null, null),
        Arguments.of("text", "a \"b\"", "a \"b\""),
        Arguments.of("boolean", true, true),
        Arguments.of("int", 7, 7),
        Arguments.of("long", 3_000_000_000L, 3_000_000_000L),
        Arguments.of("BigInteger", new BigInteger("123456789012345678901234567890"), bigInteger()),
        Arguments.of("double", 0.1d, 0.1d),
        Arguments.of("BigDecimal keeps its scale", new BigDecimal("105.70"), decimal("105.70")),
        Arguments.of(
            "Instant",
            Instant.parse("2026-12-01T10:00:00.123456789Z"),
            "2026-12-01T10:00:00.123456789Z"),
        Arguments.of("LocalDate", LocalDate.of(2026, 12, 1), "2026-12-01"),
        Arguments.of(
            "OffsetDateTime",
            OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1)),
            "2026-12-01T10:00+01:00"),
        Arguments.of("Duration", Duration.ofSeconds(90), "PT1M30S"),
        Arguments.of("enum by name, not toString", Plan.PRO, "PRO"),
        Arguments.of("set as list", new LinkedHashSet<>(List.of("b", "a")), List.of("b", "a")),
        Arguments.of("list with null", Arrays.asList(1, null), Arrays.asList(1, null)),
        Arguments.of("map keys as text", keyed, expectedKeyed()),
        Arguments.of(
            "nested",
            Map.of("a", List.of(Map.of("t", Instant.EPOCH))),
            Map.of("a", List.of(Map.of("t", "1970-01-01T00:00:00Z")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("carried")
  void jsonReady_carriesWhatJsonCan(String kind, @Nullable Object in, @Nullable Object out) {
    Object ready = JsonCodec.jsonReady(in, "f");

    assertThat(ready).isEqualTo(out);
    if (ready instanceof BigDecimal d) {
      assertThat(d.scale()).isEqualTo(((BigDecimal) out).scale());
    }
    assertThat(JsonCodec.jsonReadyWithNonFiniteAsText(in, "f")).isEqualTo(out);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(Double.NaN, "field \"f\" is NaN, which JSON cannot carry"),
        Arguments.of(Float.NEGATIVE_INFINITY, "field \"f\" is -Infinity, which JSON cannot carry"),
        Arguments.of(new Point(1), "field \"f\" holds a " + Point.class.getName()),
        Arguments.of(Optional.of(1), "field \"f\" holds a java.util.Optional"),
        Arguments.of(new int[] {1}, "field \"f\" holds a [I"),
        Arguments.of(new Object[] {1, null}, "field \"f\" holds a [Ljava.lang.Object;"),
        Arguments.of('c', "field \"f\" holds a java.lang.Character"),
        Arguments.of(Period.ofDays(1), "field \"f\" holds a java.time.Period"),
        Arguments.of(UUID.randomUUID(), "field \"f\" holds a java.util.UUID"),
        Arguments.of(Map.of("k", List.of(Double.NaN)), "field \"f.k\" is NaN"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void jsonReady_refusesWhatJsonCannotCarry_namingTheField(Object in, String message) {
    assertThatThrownBy(() -> JsonCodec.jsonReady(in, "f"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void jsonReady_refusesAValueThatHoldsItself_insteadOfOverflowingTheStack() {
    Map<String, Object> profile = new LinkedHashMap<>();
    List<Object> tags = new java.util.ArrayList<>();
    tags.add("vip");
    tags.add(profile);
    profile.put("tags", tags);

    assertThatThrownBy(() -> JsonCodec.jsonReady(profile, "f"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "field \"f.tags\" holds itself (a map or list that contains itself), which JSON"
                + " cannot carry");
  }

  @Test
  void jsonReady_carriesNestingUpToTheParsersDepth_andRefusesDeeper() {
    Object deepest = "x";
    for (int i = 0; i < JsonCodec.MAX_DEPTH; i++) {
      deepest = i % 2 == 0 ? List.of(deepest) : Map.of("k", deepest);
    }
    Object ready = JsonCodec.jsonReady(deepest, "f");
    assertThat(ready).isEqualTo(deepest);
    assertThat(JsonCodec.parse(JsonCodec.write(ready))).isEqualTo(deepest);

    Object deeper = List.of(deepest);
    assertThatThrownBy(() -> JsonCodec.jsonReady(deeper, "f"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "field \"f"
                + ".k".repeat(JsonCodec.MAX_DEPTH / 2)
                + "\" nests lists and maps deeper than "
                + JsonCodec.MAX_DEPTH
                + " levels, which JSON readers refuse");
    Object same = List.of(List.of("a"), List.of("a")); // one value twice is not a cycle
    assertThat(JsonCodec.jsonReady(same, "f")).isEqualTo(same);
  }

  @Test
  void jsonReadyWithNonFiniteAsText_writesNaNAndInfinitiesAsJacksonDid_andRefusesTheRest() {
    Object ready =
        JsonCodec.jsonReadyWithNonFiniteAsText(
            List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5d), "f");

    assertThat(ready).isEqualTo(List.of("NaN", "Infinity", "-Infinity", 1.5d));
    assertThat(new String(JsonCodec.write(ready), StandardCharsets.UTF_8))
        .isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\",1.5]");
    assertThatThrownBy(() -> JsonCodec.jsonReadyWithNonFiniteAsText(new Point(1), "f"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("field \"f\" holds a ");
  }

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("{\"a\":\"x\",\"b\":true,\"c\":null}", map("a", "x", "b", true, "c", null)),
        Arguments.of(
            "[1.50, 1e400, -0.0]", List.of(decimal("1.50"), decimal("1E+400"), decimal("-0.0"))),
        Arguments.of("3000000000", 3_000_000_000L),
        Arguments.of("123456789012345678901234567890", bigInteger()),
        Arguments.of("{\"n\":{\"m\":[\"t\"]}}", Map.of("n", Map.of("m", List.of("t")))),
        Arguments.of("null", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void parseAndFromTree_mapEveryKindAlike(String json, @Nullable Object expected) throws Exception {
    Object parsed = JsonCodec.parse(json.getBytes(StandardCharsets.UTF_8));
    Object fromTree = JsonCodec.fromTree(tree(json));

    assertThat(parsed).isEqualTo(expected);
    assertThat(fromTree).isEqualTo(expected);
    assertThat(String.valueOf(fromTree)).isEqualTo(String.valueOf(parsed)); // same scales
  }

  @Test
  void wholeNumbersWithinInt_areIntegerFromParse_butLongFromTree() throws Exception {
    assertThat(JsonCodec.parse("{\"n\":7}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Map.of("n", 7));
    assertThat(JsonCodec.fromTree(tree("{\"n\":7}"))).isEqualTo(Map.of("n", 7L));
  }

  @Test
  void parse_isStrict_whereAnAnswersTreeIsNot() throws Exception {
    assertThatThrownBy(() -> JsonCodec.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> JsonCodec.parse("{} {}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class);
    String deep = "[".repeat(JsonCodec.MAX_DEPTH + 1) + "]".repeat(JsonCodec.MAX_DEPTH + 1);
    assertThatThrownBy(() -> JsonCodec.parse(deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class);
    String deepest = "[".repeat(JsonCodec.MAX_DEPTH) + "]".repeat(JsonCodec.MAX_DEPTH);
    assertThat(JsonCodec.parse(deepest.getBytes(StandardCharsets.UTF_8))).isInstanceOf(List.class);
  }

  @Test
  void objectOrWrapped_keepsObjects_andWrapsEverythingElse() throws Exception {
    assertThat(JsonCodec.objectOrWrapped(tree("{\"a\":1}"))).isEqualTo(Map.of("a", 1L));
    assertThat(JsonCodec.objectOrWrapped(tree("[1]"))).isEqualTo(Map.of("value", List.of(1L)));
    assertThat(JsonCodec.objectOrWrapped(tree("null"))).containsEntry("value", null);
  }

  /** A tree as {@code HttpResponse.json()} reads an answer. */
  private static JsonNode tree(String json) throws Exception {
    return new ObjectMapper()
        .reader()
        .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .readTree(json);
  }

  private static BigDecimal decimal(String text) {
    return new BigDecimal(text);
  }

  private static BigInteger bigInteger() {
    return new BigInteger("123456789012345678901234567890");
  }

  private static Map<String, @Nullable Object> expectedKeyed() {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("1", "1970-01-01T00:00:00Z");
    out.put("null", "2026-12-01");
    return out;
  }

  private static Map<String, @Nullable Object> map(Object... pairs) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return out;
  }
}
