package dev.tributary.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.retry.HttpStatusPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exceptions an HTTP error becomes are {@link java.io.Serializable}, as every Throwable is: a
 * host that ships them (a job framework's result, RMI) keeps the status, request and excerpt.
 */
class HttpErrorSerializationTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(ints = {401, 503, 422, 501})
  void httpError_ofEveryClass_survivesJavaSerialization(int status) throws Exception {
    TributaryException e =
        HttpErrors.toException(
            HttpStatusPolicy.defaults(), status, "7", "POST /v1/contacts", "{\"error\":1}", CLOCK);

    TributaryException back = roundTrip(e);

    assertThat(back.errorClass()).isEqualTo(e.errorClass());
    assertThat(back).hasMessage(e.getMessage());
    assertThat(back)
        .isInstanceOfSatisfying(
            HttpError.class,
            h -> {
              assertThat(h.status()).isEqualTo(status);
              assertThat(h.request()).isEqualTo("POST /v1/contacts");
              assertThat(h.responseExcerpt()).contains("{\"error\":1}");
            });
    if (e.errorClass() == ErrorClass.TRANSIENT) {
      assertThat(back.retryAfter()).isEqualTo(e.retryAfter());
    }
  }

  static TributaryException roundTrip(TributaryException e)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (TributaryException) in.readObject();
    }
  }
}
