package dev.tributary.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The URL of an API call under the configured base, as Amplitude, SendGrid and Clearbit use it. */
class ApiUrlsTest {
  @Test
  void under_baseWithOrWithoutTrailingSlash_givesOneSlashBeforeThePath() {
    assertThat(ApiUrls.under(URI.create("https://api.sendgrid.com"), "/v3/marketing/contacts"))
        .hasToString("https://api.sendgrid.com/v3/marketing/contacts");
    assertThat(ApiUrls.under(URI.create("https://api.sendgrid.com/"), "/v3/marketing/contacts"))
        .hasToString("https://api.sendgrid.com/v3/marketing/contacts");
  }

  @Test
  void under_baseWithAPath_keepsItsPathAndPort() {
    assertThat(ApiUrls.under(URI.create("http://localhost:8080/mock/amplitude/"), "/api/3/cohorts"))
        .hasToString("http://localhost:8080/mock/amplitude/api/3/cohorts");
  }

  @Test
  void under_dropsOnlyOneTrailingSlash_asTheConnectorsAlwaysDid() {
    assertThat(ApiUrls.under(URI.create("https://example.com//"), "/v2/people/find"))
        .hasToString("https://example.com//v2/people/find");
  }
}
