package dev.tributary.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testing.Hmac;
import dev.tributary.connectors.webhook.WebhookSignature.Verification;
import dev.tributary.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  static final String SECRET = "whsec_0123456789abcdef";
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final long T = NOW.getEpochSecond();
  static final byte[] BODY = "{\"type\":\"audience.entered\"}".getBytes(StandardCharsets.UTF_8);
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  static Verification verify(String header, byte[] body, String... secrets) {
    List<Secret> s = java.util.Arrays.stream(secrets).map(Secret::of).toList();
    return WebhookSignature.verify(header, body, s, NOW, FIVE_MINUTES);
  }

  @Test
  void sign_isHmacSha256OfTimestampDotBody_asDocumented() {
    assertThat(WebhookSignature.sign(Secret.of(SECRET), T, BODY))
        .isEqualTo(Hmac.header(SECRET, T, BODY))
        .startsWith("t=" + T + ",v1=")
        .matches("t=[0-9]+,v1=[0-9a-f]{64}");
  }

  @Test
  void verify_acceptsItsOwnSignature_andOneFromTheDocumentedRecipe() {
    assertThat(verify(WebhookSignature.sign(Secret.of(SECRET), T, BODY), BODY, SECRET))
        .isEqualTo(Verification.VALID);
    assertThat(verify(Hmac.header(SECRET, T - 299, BODY), BODY, SECRET))
        .isEqualTo(Verification.VALID);
  }

  @Test
  void verify_aChangedBodyOrAnotherSecret_isAMismatch() {
    String header = Hmac.header(SECRET, T, BODY);
    byte[] changed = "{\"type\":\"audience.exited\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(verify(header, changed, SECRET)).isEqualTo(Verification.MISMATCH);
    assertThat(verify(header, BODY, "whsec_another-secret-000")).isEqualTo(Verification.MISMATCH);
  }

  @Test
  void verify_duringRotation_anyV1MatchingAnySecretIsEnough() {
    String header =
        "t="
            + T
            + ",v1="
            + Hmac.v1("old-secret-0000000000", T, BODY)
            + ",v1="
            + Hmac.v1(SECRET, T, BODY);
    assertThat(verify(header, BODY, SECRET)).isEqualTo(Verification.VALID);
    assertThat(
            verify(
                Hmac.header("old-secret-0000000000", T, BODY),
                BODY,
                SECRET,
                "old-secret-0000000000"))
        .isEqualTo(Verification.VALID);
  }

  @Test
  void verify_unknownSchemesAreIgnored_butAV1IsRequired() {
    String v0 = "v0=" + Hmac.v1(SECRET, T, BODY);
    assertThat(verify("t=" + T + "," + v0 + ",v1=" + Hmac.v1(SECRET, T, BODY), BODY, SECRET))
        .isEqualTo(Verification.VALID);
    assertThat(verify("t=" + T + "," + v0, BODY, SECRET)).isEqualTo(Verification.MALFORMED);
  }

  @Test
  void verify_oldOrFutureTimestamps_areOutsideTolerance_evenWhenSigned() {
    assertThat(verify(Hmac.header(SECRET, T - 301, BODY), BODY, SECRET))
        .isEqualTo(Verification.OUTSIDE_TOLERANCE);
    assertThat(verify(Hmac.header(SECRET, T + 301, BODY), BODY, SECRET))
        .isEqualTo(Verification.OUTSIDE_TOLERANCE);
  }

  @Test
  void verify_aForgedOldRequest_isAMismatchFirst() {
    assertThat(verify("t=" + (T - 9999) + ",v1=" + "0".repeat(64), BODY, SECRET))
        .isEqualTo(Verification.MISMATCH);
  }

  @Test
  void verify_missingAndMalformedHeaders() {
    assertThat(verify(null, BODY, SECRET)).isEqualTo(Verification.MISSING);
    assertThat(verify(" ", BODY, SECRET)).isEqualTo(Verification.MISSING);
    String v1 = Hmac.v1(SECRET, T, BODY);
    for (String bad :
        List.of(
            "v1=" + v1,
            "t=abc,v1=" + v1,
            "t=" + T + ",t=" + T + ",v1=" + v1,
            "t=" + T + ",v1=" + v1.substring(2),
            "t=" + T + ",v1=" + v1.replace(v1.charAt(0), 'g'),
            "t=" + T + ";v1=" + v1,
            "sha256=" + v1)) {
      assertThat(verify(bad, BODY, SECRET)).as(bad).isEqualTo(Verification.MALFORMED);
    }
  }
}
