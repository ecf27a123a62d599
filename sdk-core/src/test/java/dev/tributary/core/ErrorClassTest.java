package dev.tributary.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassTest {
  @ParameterizedTest
  @CsvSource({
    "400, VALIDATION", "401, CONFIG", "403, CONFIG", "404, VALIDATION", "408, TRANSIENT",
    "409, VALIDATION", "413, VALIDATION", "422, VALIDATION", "423, TRANSIENT", "429, TRANSIENT",
    "500, TRANSIENT", "501, VALIDATION", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT",
    "599, TRANSIENT"
  })
  void forHttpStatus_followsTheDocumentedDefaults(int status, ErrorClass expected) {
    assertThat(ErrorClass.forHttpStatus(status)).isEqualTo(expected);
  }

  @Test
  void forHttpStatus_refusesNonErrorStatuses() {
    assertThatThrownBy(() -> ErrorClass.forHttpStatus(204))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an HTTP error status (400-599): 204");
  }

  @Test
  void onlyTransientIsRetryable() {
    assertThat(ErrorClass.TRANSIENT.isRetryable()).isTrue();
    assertThat(ErrorClass.CONFIG.isRetryable()).isFalse();
    assertThat(ErrorClass.VALIDATION.isRetryable()).isFalse();
    assertThat(ErrorClass.SYSTEM.isRetryable()).isFalse();
  }

  @Test
  void subclasses_carryTheirClassAndData() {
    TributaryException t = new TransientException("slow down", Duration.ofSeconds(3), null);
    assertThat(t.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(t.retryAfter()).hasValue(Duration.ofSeconds(3));
    ValidationException v = new ValidationException("bad age", "age", 12, null);
    assertThat(v.field()).hasValue("age");
    assertThat(v.line()).isEqualTo(12);
    assertThat(new SystemException("bug").errorClass()).isEqualTo(ErrorClass.SYSTEM);
    assertThat(new ConfigException("no").retryAfter()).isEmpty();
    assertThatThrownBy(() -> new TransientException("x", Duration.ofSeconds(-1), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
