package dev.tributary.connectors.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One item written by a transport's own mapper, as BigQuery, New Relic and SendGrid rows are. */
class JsonCodecWriteWithTest {
  @Test
  void writeWith_usesTheGivenMapper() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("a", 1);

    byte[] json = JsonCodec.writeWith(mapper, row, "the row");

    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\n  \"a\" : 1\n}");
  }

  @Test
  void writeWith_valueJacksonCannotWrite_isAValidationErrorNamingWhat() {
    Map<String, Object> row = Map.of("odd", new Object());

    assertThatThrownBy(() -> JsonCodec.writeWith(new ObjectMapper(), row, "the row"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(
            "the row cannot be written as JSON: No serializer found for class java.lang.Object")
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errorClass())
                    .isEqualTo(ErrorClass.VALIDATION));
  }
}
