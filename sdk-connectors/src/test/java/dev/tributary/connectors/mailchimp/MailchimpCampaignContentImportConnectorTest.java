package dev.tributary.connectors.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testutil.FailOnce;
import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.model.Content;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaign content import against the fake Mailchimp: mapping, requests, incremental runs. */
class MailchimpCampaignContentImportConnectorTest
    extends SettingsKit<MailchimpCampaignContentImportConnector> {
  static final String TOKEN = "oauth-access-t0ken";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMailchimp api = new FakeMailchimp();

  MailchimpCampaignContentImportConnectorTest() {
    super(MailchimpCampaignContentImportConnector.create());
  }

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
    api.expectedAuthorization = "Bearer " + TOKEN;
    settings.put("endpoint", server.url("/3.0/").toString());
    settings.put("page_size", "2");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of(TOKEN));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector.read(context, Checkpoint.initial());
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    api.override = new FailOnce(status, retryAfterSeconds);
    return true;
  }

  @Test
  void read_turnsSentCampaignsIntoContent_withTheirTextAndArchiveLink() {
    api.campaign("c1", "Autumn sale", "2026-11-01T08:00:00+00:00");

    Page<Content> page = connector.read(context(), Checkpoint.initial());

    Content c = page.records().get(0);
    assertThat(c.id()).isEqualTo("c1");
    assertThat(c.type()).isEqualTo("campaign");
    assertThat(c.title()).isEqualTo("Autumn sale");
    assertThat(c.body()).isEqualTo("text of c1");
    assertThat(c.url())
        .isEqualTo(URI.create("https://us6.campaign-archive.com/?u=1a2b3c&id=42694e9e57"));
    assertThat(c.publishedAt()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(c.fields()).containsEntry("emails_sent", 1200L).doesNotContainKey("_links");
    assertThat(api.targets())
        .containsExactly(
            "/3.0/campaigns?count=2&offset=0&status=sent&sort_field=send_time&sort_dir=ASC",
            "/3.0/campaigns/c1/content");
    assertThat(api.requests.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void secondRun_asksOnlyForCampaignsSentSinceTheLast() {
    api.campaign("c1", "One", "2026-11-01T08:00:00+00:00");
    Page<Content> first = connector.read(context(), Checkpoint.initial());
    api.campaign("c2", "Two", "2026-11-08T08:00:00+00:00");
    api.requests.clear();

    Page<Content> second = connector.read(context(), first.next());

    assertThat(second.records()).extracting(Content::id).containsExactly("c2");
    assertThat(api.requests.get(0).getUrl().queryParameter("since_send_time"))
        .isEqualTo("2026-11-01T07:59:59+00:00");
  }

  @Test
  void campaignWhoseContentIsGone_isImportedWithoutABody() {
    api.campaign("c1", "One", "2026-11-01T08:00:00+00:00");
    api.contentGone.add("c1");

    Page<Content> page = connector.read(context(), Checkpoint.initial());

    assertThat(page.records()).extracting(Content::body).containsExactly((String) null);
  }

  @Test
  void bodyNone_makesNoContentRequests_andListAndTypeNarrowTheQuery() {
    settings.put("body", "none");
    settings.put("list_id", FakeMailchimp.LIST);
    settings.put("campaign_type", "regular");
    api.campaign("c1", "One", "2026-11-01T08:00:00+00:00");

    Page<Content> page = connector.read(context(), Checkpoint.initial());

    assertThat(page.records()).hasSize(1);
    assertThat(api.targets())
        .containsExactly(
            "/3.0/campaigns?count=2&offset=0&status=sent&sort_field=send_time&sort_dir=ASC"
                + "&list_id=a1b2c3d4e5&type=regular");
  }

  @Test
  void htmlBody_isTakenWhenAsked() {
    settings.put("body", "html");
    api.campaign("c1", "One", "2026-11-01T08:00:00+00:00");

    Page<Content> page = connector.read(context(), Checkpoint.initial());

    assertThat(page.records().get(0).body()).startsWith("<html><body><h1>Autumn sale</h1>");
    assertThat(List.of(page.last())).containsExactly(true);
  }
}
