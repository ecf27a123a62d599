package dev.tributary.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.model.Profile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalizationPushConnectorTest extends SettingsKit<PersonalizationPushConnector> {
  PersonalizationPushConnectorTest() {
    super(PersonalizationPushConnector.create());
    settings.put("fields", "first_name, plan, renews_at, nickname");
    settings.put("audiences", "vip, churn_risk");
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    assertThat(connector.surface(context, ann())).containsKeys("fields", "audiences");
  }

  static Profile ann() {
    return Profile.builder("p-1")
        .identity("email", "ann@example.com")
        .field("first_name", "Ann")
        .field("plan", "pro")
        .field("renews_at", Instant.parse("2027-01-01T00:00:00Z"))
        .field("internal_score", 0.93)
        .audience("vip")
        .audience("internal_test_group")
        .build();
  }

  @Test
  void surface_showsOnlyTheChosenFields_andEveryChosenAudienceAsTrueOrFalse() {
    Map<String, Object> doc = connector.surface(context(), ann());

    assertThat(doc.get("fields"))
        .isEqualTo(Map.of("first_name", "Ann", "plan", "pro", "renews_at", "2027-01-01T00:00:00Z"));
    assertThat(doc.get("audiences")).isEqualTo(Map.of("vip", true, "churn_risk", false));
    String json = new String(JsonCodec.write(doc), StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith("{\"fields\":{\"first_name\":\"Ann\",\"plan\":\"pro\"")
        .doesNotContain("internal")
        .doesNotContain("ann@example.com");
  }

  @Test
  void surface_withNothingChosen_showsNothing() {
    settings.clear();
    assertThat(connector.surface(context(), ann()))
        .isEqualTo(Map.of("fields", Map.of(), "audiences", Map.of()));
  }

  @Test
  void surface_listsAndSetsBecomeArrays_andAValueJsonCannotCarryIsNamed() {
    settings.put("fields", "tags, bad");
    Profile p =
        Profile.builder("p").field("tags", List.of("a", "b")).field("bad", Double.NaN).build();
    assertThatThrownBy(() -> connector.surface(context(), p))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).contains("bad"));
    settings.put("fields", "tags");
    assertThat(connector.surface(context(), p).get("fields"))
        .isEqualTo(Map.of("tags", List.of("a", "b")));
  }

  @Test
  void check_refusesAWildcard_sinceThePageWouldSeeEveryField() {
    settings.put("fields", "*");
    assertThat(connector.check(context()).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.setting()).isEqualTo("fields"));
  }

  @Test
  void alert_isRenderedFromGoTemplatesOverTheChosenFields() {
    settings.put(
        "alert_title", "{{ if .first_name }}Hey, {{ .first_name }}{{ else }}Hello{{ end }}");
    settings.put("alert_body", "Your {{ .plan | default \"free\" | upper }} plan renews soon.");
    Map<String, Object> doc = connector.surface(context(), ann());
    assertThat(doc.get("alert"))
        .isEqualTo(Map.of("title", "Hey, Ann", "body", "Your PRO plan renews soon."));

    Map<String, Object> anonymous = connector.surface(context(), Profile.builder("p-2").build());
    // As in Go, `upper` of a missing value is an execution error; `default` avoids it.
    assertThat(anonymous.get("alert"))
        .isEqualTo(Map.of("title", "Hello", "body", "Your FREE plan renews soon."));
  }

  /**
   * Regression: the alert was rendered over every field of the profile, so a template could put a
   * field nobody chose (here {@code internal_score}) on the page, against "Nothing is surfaced
   * unless chosen".
   */
  @Test
  void alert_seesOnlyTheChosenFields_soAFieldNotChosenDoesNotReachThePage() {
    settings.put("fields", "first_name");
    settings.put("alert_title", "{{ .first_name }}: {{ .internal_score }}");
    settings.put(
        "alert_subtitle",
        "{{ if .plan }}on {{ .plan }}{{ else }}no plan{{ end }} {{ index . \"plan\" }}");
    settings.put("alert_body", "{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}");

    Map<String, Object> doc = connector.surface(context(), ann());

    assertThat(doc.get("alert"))
        .isEqualTo(
            Map.of(
                "title", "Ann: <no value>",
                "subtitle", "no plan <no value>",
                "body", "first_name=Ann;"));
    String json = new String(JsonCodec.write(doc), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("0.93").doesNotContain("pro").doesNotContain("2027");
  }

  @Test
  void alert_readsAFieldNamedInAlertFields_andShowsOnlyWhatItRenders() {
    settings.put("fields", "first_name");
    settings.put("alert_fields", "plan");
    settings.put("alert_body", "{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}");

    Map<String, Object> doc = connector.surface(context(), ann());

    assertThat(doc.get("fields")).isEqualTo(Map.of("first_name", "Ann"));
    assertThat(doc.get("alert")).isEqualTo(Map.of("body", "first_name=Ann;plan=pro;"));
    assertThat(new String(JsonCodec.write(doc), StandardCharsets.UTF_8)).doesNotContain("0.93");
  }

  @Test
  void check_refusesAWildcardInAlertFields_sinceTheAlertCouldShowEveryField() {
    settings.put("alert_fields", "*");
    assertThat(connector.check(context()).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.setting()).isEqualTo("alert_fields"));
  }

  @Test
  void alert_thatExceedsTheLimit_isLeftOut_butFieldsAndAudiencesStay() {
    settings.put("alert_body", "{{ repeat 50 .first_name }}");
    settings.put("max_alert_chars", "20");
    Map<String, Object> doc = connector.surface(context(), ann());
    assertThat(doc).doesNotContainKey("alert").containsKeys("fields", "audiences");
    settings.put("max_alert_chars", "150");
    assertThat(connector.surface(context(), ann()).get("alert"))
        .isEqualTo(Map.of("body", "Ann".repeat(50)));
  }

  @Test
  void check_namesAnAlertTemplateThatDoesNotParse_withGosMessage() {
    settings.put("alert_subtitle", "{{ if .plan }}unclosed");
    assertThat(connector.check(context()).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("alert_subtitle");
              assertThat(p.message()).contains("template: alert_subtitle:1: unexpected EOF");
            });
  }
}
