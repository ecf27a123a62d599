package dev.tributary.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.connector.Technique;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
  static final ConnectorDescriptor DESCRIPTOR = descriptor();

  static ConnectorDescriptor descriptor() {
    ConnectorDescriptor.Builder b =
        ConnectorDescriptor.builder("settings-test")
            .name("Settings test")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.EXPORT)
            .techniques(Technique.REST_API)
            .frequencies(Frequency.ONE_TIME)
            .config(HttpSettings.endpoint("Where to send."))
            .config(HttpSettings.headers())
            .config(HttpSettings.checkUrl());
    HttpSettings.rateLimit().forEach(b::config);
    return b.build();
  }

  static ConnectorConfig config(Map<String, String> values) {
    return ConnectorConfig.parse(DESCRIPTOR, values);
  }

  @Test
  void headers_oneNameValuePerLine_repeatsKept_blankLinesIgnored() {
    ConnectorConfig c =
        config(
            Map.of(
                "endpoint",
                "https://x/",
                "headers",
                "X-Team: growth\r\n\nAccept-Language: de, en;q=0.5\nX-Team: data"));
    assertThat(HttpSettings.headers(c))
        .containsExactly(
            Map.entry("X-Team", List.of("growth", "data")),
            Map.entry("Accept-Language", List.of("de, en;q=0.5")));
  }

  @Test
  void headers_badLinesAndCredentialsAreRefusedByLineWithoutQuotingValues() {
    assertThatThrownBy(
            () ->
                HttpSettings.headers(
                    config(Map.of("endpoint", "https://x/", "headers", "ok: 1\nnot a header"))))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("headers"))
        .hasMessage("\"headers\" line 2 is not \"Name: value\"");
    assertThatThrownBy(
            () ->
                HttpSettings.headers(
                    config(
                        Map.of(
                            "endpoint", "https://x/", "headers", "authorization: Bearer s3cr3t"))))
        .hasMessageContaining("must not set Authorization")
        .message()
        .doesNotContain("s3cr3t");
    assertThatThrownBy(
            () ->
                HttpSettings.headers(
                    config(Map.of("endpoint", "https://x/", "headers", "Host: y"))))
        .hasMessage("\"headers\" must not set Host");
  }

  @Test
  void rateLimit_fromTheThreeSettings_defaultUnlimited() {
    assertThat(HttpSettings.rateLimit(config(Map.of("endpoint", "https://x/"))))
        .isEqualTo(new RateLimit(0, Duration.ofSeconds(1), 0));
    assertThat(
            HttpSettings.rateLimit(
                config(
                    Map.of(
                        "endpoint", "https://x/",
                        "rate_limit_requests", "100",
                        "rate_limit_interval", "10s",
                        "max_concurrency", "4"))))
        .isEqualTo(RateLimit.of(100, Duration.ofSeconds(10)).withMaxConcurrency(4));
    assertThatThrownBy(
            () ->
                HttpSettings.rateLimit(
                    config(Map.of("endpoint", "https://x/", "rate_limit_requests", "-1"))))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("rate_limit_requests"));
  }

  @Test
  void endpoint_mustBeHttp() {
    assertThatThrownBy(() -> HttpSettings.endpoint(config(Map.of("endpoint", "sftp://x/in"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("\"endpoint\" must be an http or https URL: sftp://x/in");
  }
}
