package dev.tributary.connectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.facebook.GraphErrors.GraphDetails;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Graph error is {@link java.io.Serializable}, as every Throwable is, details and all. */
class GraphErrorSerializationTest {
  @ParameterizedTest
  @EnumSource(ErrorClass.class)
  void graphError_ofEveryClass_survivesJavaSerialization(ErrorClass errorClass) throws Exception {
    GraphDetails d =
        new GraphDetails(400, "GET /v21.0/act_1/insights", "{\"error\":{}}", 100, 33, "Abc", true);
    TributaryException e =
        GraphExceptions.of(errorClass, "Meta refused it", Optional.of(Duration.ofSeconds(60)), d);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    Object back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }

    assertThat(back)
        .isInstanceOfSatisfying(
            GraphError.class,
            g -> {
              assertThat(g.status()).isEqualTo(400);
              assertThat(g.request()).isEqualTo("GET /v21.0/act_1/insights");
              assertThat(g.code()).isEqualTo(100);
              assertThat(g.subcode()).isEqualTo(33);
              assertThat(g.traceId()).contains("Abc");
            });
    assertThat(GraphErrors.isTooMuchData((Throwable) back)).isTrue();
    assertThat(((TributaryException) back).errorClass()).isEqualTo(errorClass);
  }
}
