package dev.tributary.connectors.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.testutil.FailOnce;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single batches of the SendGrid export against a fake speaking the documented shapes (fixtures
 * under {@code sendgrid/}): the account set up once (membership field, one segment per audience),
 * the recorded upsert body, the membership field following entries and exits, merging per e-mail,
 * the request size split and the account check.
 */
class SendGridExportConnectorTest extends SettingsKit<SendGridExportConnector<Profile>> {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeSendGrid api = new FakeSendGrid();

  SendGridExportConnectorTest() {
    super(SendGridExportConnector.profiles().build(), T0);
  }

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
    settings.put("endpoint", server.url("/").toString());
    settings.put("fields", "first_name, plan, lifetime_value=ltv, signup_date=signed_up");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of(FakeSendGrid.KEY));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    BatchResult result = connector.write(context, List.of(person("p1", "vip")));
    for (ItemResult item : result.items()) {
      if (item.error() != null) {
        throw item.error();
      }
    }
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    api.override = new FailOnce(status, retryAfterSeconds);
    return true;
  }

  static Profile person(String id, String... audiences) {
    Profile.Builder b =
        Profile.builder(id)
            .identity("email", id.toUpperCase(java.util.Locale.ROOT) + "@Example.com")
            .field("first_name", "Name " + id)
            .field("plan", "gold")
            .field("ltv", 123.5)
            .field("signed_up", Instant.parse("2026-03-04T23:30:00Z"));
    for (String a : audiences) {
      b.audience(a);
    }
    return b.build();
  }

  static JsonNode body(RecordedRequest r) {
    return Fixtures.parse(r.getBody().utf8());
  }

  @Test
  void firstBatch_createsTheMembershipField_andASegmentPerAudience_thenUpserts() {
    BatchResult result = connector.write(context(), List.of(person("p1", "vip", "churn_risk")));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(api.targets())
        .containsExactly(
            "GET /v3/marketing/field_definitions",
            "POST /v3/marketing/field_definitions",
            "GET /v3/marketing/segments/2.0",
            "POST /v3/marketing/segments/2.0",
            "POST /v3/marketing/segments/2.0",
            "PUT /v3/marketing/contacts");
    assertThat(api.requests)
        .allSatisfy(
            r ->
                assertThat(r.getHeaders().get("Authorization"))
                    .isEqualTo("Bearer " + FakeSendGrid.KEY));
    JsonNode field = body(api.requests.get(1));
    assertThat(field.path("name").asText()).isEqualTo("tributary_audiences");
    assertThat(field.path("field_type").asText()).isEqualTo("Text");
    JsonNode segment = body(api.requests.get(3));
    assertThat(segment.path("name").asText()).isEqualTo("churn_risk");
    assertThat(segment.path("query_dsl").asText())
        .isEqualTo(
            "SELECT contact_id, updated_at FROM contact_data"
                + " WHERE tributary_audiences LIKE '%,churn_risk,%'");
    assertThat(api.segments).containsKeys("vip", "churn_risk", "Engaged last 30 days");
  }

  @Test
  void upsert_sendsTheDocumentedContactShape() {
    connector.write(context(), List.of(person("p1", "vip", "churn_risk")));

    RecordedRequest put = api.upserts().get(0);
    assertThat(put.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode contact = body(put).path("contacts").get(0);
    String membershipId = api.fields.get("tributary_audiences").path("id").asText();
    assertThat(contact.path("email").asText()).isEqualTo("p1@example.com");
    assertThat(contact.path("first_name").asText()).isEqualTo("Name p1");
    JsonNode custom = contact.path("custom_fields");
    assertThat(custom.path(membershipId).asText()).isEqualTo(",churn_risk,vip,");
    assertThat(custom.path("e1_T").asText()).isEqualTo("gold");
    assertThat(custom.path("e2_N").isNumber()).isTrue();
    assertThat(custom.path("e2_N").decimalValue()).isEqualByComparingTo("123.5");
    assertThat(custom.path("e3_D").asText()).isEqualTo("03/04/2026");
    assertThat(body(put).path("contacts").size()).isEqualTo(1);
  }

  @Test
  void laterBatches_reuseTheAccountSetup_andSendOnlyTheUpsert() {
    connector.write(context(), List.of(person("p1", "vip")));
    api.requests.clear();

    connector.write(context(), List.of(person("p2", "vip")));

    assertThat(api.targets()).containsExactly("PUT /v3/marketing/contacts");
  }

  @Test
  void entriesAndExits_keepTheMembershipField_andTheSegmentsFollowIt() {
    SendGridExportConnector<AudienceChange> changes =
        SendGridExportConnector.audienceChanges().build();
    ConnectorContext context =
        new ConnectorContext(
            ConnectorConfig.parse(changes.descriptor(), settings), authorization(), clock);
    Profile ann = person("ann", "vip");
    Profile bob = person("bob", "vip");
    changes.write(
        context,
        List.of(AudienceChange.entered("vip", ann, T0), AudienceChange.entered("vip", bob, T0)));
    assertThat(api.segmentMembers("vip")).containsExactly("ann@example.com", "bob@example.com");

    Profile annAfter = ann.toBuilder().removeAudience("vip").build();
    changes.write(context, List.of(AudienceChange.exited("vip", annAfter, T0)));

    assertThat(api.field("ann@example.com", "tributary_audiences")).isEqualTo(",");
    assertThat(api.field("bob@example.com", "tributary_audiences")).isEqualTo(",vip,");
    assertThat(api.segmentMembers("vip")).containsExactly("bob@example.com");
  }

  @Test
  void changesForOneEmail_inABatch_becomeOneContact_withEveryChangeApplied() {
    SendGridExportConnector<AudienceChange> changes =
        SendGridExportConnector.audienceChanges().build();
    ConnectorContext context =
        new ConnectorContext(
            ConnectorConfig.parse(changes.descriptor(), settings), authorization(), clock);
    Profile stale = person("ann", "vip"); // a host that did not update audiences() in time

    BatchResult result =
        changes.write(
            context,
            List.of(
                AudienceChange.entered("churn_risk", stale, T0),
                AudienceChange.exited("vip", stale, T0)));

    assertThat(result.allSucceeded()).isTrue();
    JsonNode contacts = body(api.upserts().get(0)).path("contacts");
    assertThat(contacts.size()).isEqualTo(1);
    assertThat(api.field("ann@example.com", "tributary_audiences")).isEqualTo(",churn_risk,");
  }

  @Test
  void aBatchLargerThanTheRequestLimit_isSplitIntoRequestsWithinIt() {
    settings.put("max_request_bytes", "2048");
    List<Profile> people = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      people.add(person("p" + i, "vip"));
    }

    BatchResult result = connector.write(context(), people);

    assertThat(result.allSucceeded()).isTrue();
    assertThat(api.upserts()).hasSizeGreaterThan(1);
    assertThat(api.upserts()).allSatisfy(r -> assertThat(r.getBody().size()).isLessThan(2049));
    assertThat(api.upsertSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
    assertThat(api.contacts).hasSize(40);
  }

  @Test
  void pack_neverPutsMoreThanThirtyThousandContactsInARequest() {
    List<ContactDraft> drafts = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < Upsert.MAX_CONTACTS + 1; i++) {
      drafts.add(new ContactDraft(i + "@example.com"));
      bodies.add("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    List<Upsert.Request> requests = Upsert.pack(drafts, bodies, 6_000_000);

    assertThat(requests).extracting(r -> r.contacts().size()).containsExactly(30_000, 1);
    assertThat(
            Fixtures.parse(
                    new String(requests.get(1).body(), java.nio.charset.StandardCharsets.UTF_8))
                .path("contacts")
                .size())
        .isEqualTo(1);
  }

  @Test
  void aContactLargerThanARequestMayBe_isRejectedAlone() {
    settings.put("max_request_bytes", "1024");
    Profile huge = person("big", "vip").toBuilder().field("plan", "x".repeat(2000)).build();

    BatchResult result = connector.write(context(), List.of(person("p1", "vip"), huge));

    assertThat(result.items().get(0).succeeded()).isTrue();
    assertThat(result.items().get(1).error().getMessage())
        .contains("larger than a SendGrid request");
    assertThat(api.contacts).containsOnlyKeys("p1@example.com");
  }

  @Test
  void aProfileWithoutEmail_isRejectedAlone_andNotSent() {
    Profile none = Profile.builder("p9").field("plan", "gold").build();

    BatchResult result = connector.write(context(), List.of(none, person("p1", "vip")));

    assertThat(result.items().get(0).error().getMessage()).contains("no e-mail address");
    assertThat(result.items().get(1).succeeded()).isTrue();
    assertThat(body(api.upserts().get(0)).path("contacts").size()).isEqualTo(1);
  }

  @Test
  void onlyTheConfiguredAudiences_areKept_andGivenSegments() {
    settings.put("audiences", "vip");

    connector.write(context(), List.of(person("p1", "vip", "churn_risk")));

    assertThat(api.field("p1@example.com", "tributary_audiences")).isEqualTo(",vip,");
    assertThat(api.segments).doesNotContainKey("churn_risk");
  }

  @Test
  void check_namesABadSetting_withItsMessage_andCallsNothing() {
    settings.put("max_job_polls", "101");

    CheckResult result = connector.check(context());

    assertThat(result.problems())
        .containsExactly(
            new CheckResult.Problem("max_job_polls", "\"max_job_polls\" must be 0 to 100"));
    assertThat(api.targets()).isEmpty();
  }

  @Test
  void check_namesAMissingCustomField_andAMembershipFieldOfTheWrongType() {
    settings.put("fields", "favourite_colour");
    settings.put("membership_field", "lifetime_value");

    CheckResult result = connector.check(context());

    assertThat(result.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactlyInAnyOrder("fields", "membership_field");
    assertThat(api.targets()).containsOnly("GET /v3/marketing/field_definitions");
  }

  @Test
  void descriptors_areExposedAsConstants_andDifferByMode() {
    assertThat(SendGridExportConnector.profiles().build().descriptor())
        .isSameAs(SendGridExportConnector.DESCRIPTOR_PROFILES);
    assertThat(SendGridExportConnector.audienceChanges().build().descriptor())
        .isSameAs(SendGridExportConnector.DESCRIPTOR_CHANGES);
    assertThat(SendGridExportConnector.DESCRIPTOR_CHANGES.description()).contains("Uncertain");
  }
}
