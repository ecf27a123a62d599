package dev.tributary.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.schedule.Schedule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {
  static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("rest-export")
          .name("REST export")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.EXPORT)
          .techniques(Technique.REST_API, Technique.AUDIENCE_TRIGGER)
          .frequencies(Frequency.NEAR_REAL_TIME, Frequency.BACKFILL)
          .resultingData(ResultingData.USER_FIELDS)
          .field(FieldSpec.reads("email", "The user's e-mail address."))
          .config(
              ConfigField.required("endpoint", ConfigFieldType.URL, "Where batches are POSTed."))
          .config(
              ConfigField.optional(
                  "batch_size", ConfigFieldType.INTEGER, "Items per request.", "500"))
          .config(ConfigField.optional("timeout", ConfigFieldType.DURATION, "Per request.", "30s"))
          .config(
              ConfigField.optional("gzip", ConfigFieldType.BOOLEAN, "Compress bodies.", "false"))
          .config(ConfigField.optional("schedule", ConfigFieldType.SCHEDULE, "When to run.", null))
          .config(ConfigField.optional("headers", ConfigFieldType.LIST, "Extra headers.", null))
          .config(
              ConfigField.optional("signing_key", ConfigFieldType.STRING, "HMAC key.", null)
                  .asSecret())
          .accepts(BearerToken.class)
          .build();

  @Test
  void typedGetters_readValuesAndFallBackToDefaults() {
    ConnectorConfig config =
        ConnectorConfig.parse(
            DESCRIPTOR,
            Map.of(
                "endpoint", "https://api.example.com/v1/users",
                "gzip", "TRUE",
                "schedule", "daily 02:30 Europe/Berlin",
                "headers", "X-A: 1, X-B: 2"));
    assertThat(config.url("endpoint")).isEqualTo(URI.create("https://api.example.com/v1/users"));
    assertThat(config.integer("batch_size")).isEqualTo(500L);
    assertThat(config.duration("timeout")).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.bool("gzip")).isTrue();
    assertThat(config.schedule("schedule")).isEqualTo(Schedule.parse("daily 02:30 Europe/Berlin"));
    assertThat(config.list("headers")).containsExactly("X-A: 1", "X-B: 2");
    assertThat(config.secret("signing_key")).isEmpty();
    assertThat(config.keys()).containsExactlyInAnyOrder("endpoint", "gzip", "schedule", "headers");
  }

  @Test
  void parse_listsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                ConnectorConfig.parse(
                    DESCRIPTOR, Map.of("batch-size", "10", "timeout", "soon", "gzip", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the configuration of connector rest-export is not valid")
        .hasMessageContaining("unknown setting \"batch-size\"; did you mean \"batch_size\"?")
        .hasMessageContaining(
            "\"timeout\" must be a duration such as 30s, 5m, 1h or PT5M, not \"soon\"")
        .hasMessageContaining("\"gzip\" must be true or false, not \"yes\"")
        .hasMessageContaining("\"endpoint\" is required: Where batches are POSTed.");
  }

  @Test
  void parse_aSingleProblemNamesItsSetting() {
    assertThatThrownBy(() -> ConnectorConfig.parse(DESCRIPTOR, Map.of("endpoint", "ftp://x")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).hasValue("endpoint"));
  }

  @Test
  void secretValues_neverAppearInToStringOrErrors() {
    ConnectorConfig config =
        ConnectorConfig.parse(
            DESCRIPTOR, Map.of("endpoint", "https://api.example.com", "signing_key", "hunter2"));
    assertThat(config.toString()).contains("signing_key=****").doesNotContain("hunter2");
    assertThat(config.secret("signing_key"))
        .hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("hunter2"));

    ConnectorDescriptor withSecretNumber =
        ConnectorDescriptor.builder("x")
            .name("x")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.EXPORT)
            .techniques(Technique.REST_API)
            .frequencies(Frequency.ONE_TIME)
            .config(ConfigField.required("pin", ConfigFieldType.INTEGER, "A PIN.").asSecret())
            .build();
    assertThatThrownBy(() -> ConnectorConfig.parse(withSecretNumber, Map.of("pin", "12ab")))
        .hasMessageContaining("\"pin\" must be a whole number, not the value")
        .hasMessageNotContaining("12ab");
  }

  @Test
  void defaultCheck_refusesAnAuthorizationOfAKindNotAccepted() {
    Connector connector = () -> DESCRIPTOR;
    ConnectorConfig config =
        ConnectorConfig.parse(DESCRIPTOR, Map.of("endpoint", "https://a.example"));
    CheckResult wrong =
        connector.check(ConnectorContext.of(config, Authorization.basic("u", Secret.of("p"))));
    assertThat(wrong.isOk()).isFalse();
    assertThat(wrong.problems())
        .containsExactly(
            new CheckResult.Problem(
                "authorization", "REST export does not accept a basic authentication"));
    assertThat(
            connector
                .check(ConnectorContext.of(config, Authorization.bearer(Secret.of("t"))))
                .isOk())
        .isTrue();
  }

  @Test
  void descriptor_refusesIncompleteDescriptions() {
    assertThatThrownBy(() -> ConnectorDescriptor.builder("Bad Id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must be lower-kebab-case (a-z, 0-9 and -): Bad Id");
    assertThatThrownBy(
            () ->
                ConnectorDescriptor.builder("x")
                    .name("x")
                    .type(IntegrationType.CLIENT_SIDE)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("connector x must name at least one pattern");
    assertThatThrownBy(
            () ->
                ConnectorDescriptor.builder("x")
                    .config(ConfigField.required("a", ConfigFieldType.STRING, "a"))
                    .config(ConfigField.required("a", ConfigFieldType.STRING, "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate configuration field: a");
    assertThat(DESCRIPTOR.fields()).extracting(FieldSpec::name).isEqualTo(List.of("email"));
  }
}
