package dev.tributary.connectors.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.model.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tag's document (envelope v1) around the generic push connector's fields and alert. */
class PersonalizationTagConnectorTest extends TagFixture {
  @Test
  void aKnownVisitor_getsTheEnvelope_withChosenFieldsAndEveryChosenAudience() {
    Map<String, Object> doc = connector.surface(context(), ann());

    assertThat(doc.keySet()).containsExactly("v", "status", "ttl", "fields", "audiences");
    assertThat(doc)
        .containsEntry("v", 1)
        .containsEntry("status", "known")
        .containsEntry("ttl", 0L)
        .containsEntry("fields", Map.of("first_name", "Ann", "plan", "pro"))
        .containsEntry("audiences", Map.of("vip", true, "churn_risk", false));
  }

  @Test
  void theAlert_isRenderedFromTheGenericTemplates_andTtlIsTheMaxAge() {
    settings.put("alert_title", "Hey, {{ .first_name }}");
    settings.put("alert_body", "Your {{ .plan | upper }} plan renews soon.");
    settings.put("max_age_seconds", "60");

    Map<String, Object> doc = connector.surface(context(), ann());

    assertThat(doc)
        .containsEntry("ttl", 60L)
        .containsEntry("alert", Map.of("title", "Hey, Ann", "body", "Your PRO plan renews soon."));
  }

  @Test
  void unknownAndAnonymousVisitors_getTheSameShape_withNothingTrue() {
    settings.put("alert_title", "Hey, {{ .first_name | default \"there\" }}");

    Map<String, Object> unknown = connector.surfaceUnknown(context(), true);
    Map<String, Object> anonymous = connector.surfaceUnknown(context(), false);

    assertThat(unknown)
        .containsEntry("status", "unknown")
        .containsEntry("fields", Map.of())
        .containsEntry("audiences", Map.of("vip", false, "churn_risk", false))
        .doesNotContainKey("alert");
    assertThat(anonymous).containsEntry("status", "anonymous");
    assertThat(anonymous.keySet()).isEqualTo(unknown.keySet());
  }

  @Test
  void aFieldTheProfileLacks_isLeftOut() {
    Profile bare = Profile.builder("p-2").field("first_name", "Bo").build();

    assertThat(connector.surface(context(), bare))
        .containsEntry("fields", Map.of("first_name", "Bo"));
  }

  @Test
  void check_refusesEveryFieldAnyOriginAndMalformedIdentitySources() {
    settings.put("fields", "*");
    assertThat(problems()).containsExactly("fields");

    settings.put("fields", "first_name");
    settings.put("allowed_origins", "*");
    assertThat(problems()).containsExactly("allowed_origins");

    settings.put("allowed_origins", "https://shop.example.com/path");
    assertThat(problems()).containsExactly("allowed_origins");

    settings.put("allowed_origins", "https://shop.example.com");
    settings.put("identities", "user_id=session:uid");
    assertThat(problems()).containsExactly("identities");

    settings.put("identities", "user_id=cookie:uid, email=query:email");
    settings.put("alert_title", "{{ .first_name ");
    assertThat(problems()).containsExactly("alert_title");
  }

  @Test
  void anAlert_readsOnlySurfacedFields_unlessAlertFieldsNamesMore() {
    settings.put("alert_title", "{{ .first_name }}: {{ .lifetime_value }}");

    Map<String, Object> hidden = connector.surface(context(), ann());
    settings.put("alert_fields", "lifetime_value");
    Map<String, Object> named = connector.surface(context(), ann());

    assertThat(hidden.toString()).doesNotContain("1234");
    assertThat(named)
        .containsEntry("alert", Map.of("title", "Ann: 1234"))
        .containsEntry("fields", Map.of("first_name", "Ann", "plan", "pro"));
  }

  @Test
  void check_refusesEveryFieldForAlerts() {
    settings.put("alert_fields", "*");

    assertThat(problems()).containsExactly("alert_fields");
  }

  @Test
  void theDescriptorConstant_isTheConnectorsDescriptor_andSaysWhatIsUncertain() {
    assertThat(connector.descriptor()).isSameAs(PersonalizationTagConnector.DESCRIPTOR);
    assertThat(PersonalizationTagConnector.DESCRIPTOR.description()).contains("Uncertain");
    assertThat(PersonalizationTagConnector.DESCRIPTOR.configuration())
        .extracting(f -> f.name())
        .contains("fields", "audiences", "alert_title", "alert_fields", "identities")
        .contains("allowed_origins", "max_age_seconds");
  }

  java.util.List<String> problems() {
    return connector.check(context()).problems().stream()
        .map(CheckResult.Problem::setting)
        .toList();
  }
}
