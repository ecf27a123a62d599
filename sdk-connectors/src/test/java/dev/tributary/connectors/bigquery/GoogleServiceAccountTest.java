package dev.tributary.connectors.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.RsaTestKey;
import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.Secret;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Google's service-account key file (the documented JSON the Cloud console downloads). */
class GoogleServiceAccountTest {
  @Test
  void keyFile_becomesAJwtBearerCredential_forItsTokenUri_withTheBigQueryScope() {
    OAuth2JwtBearer auth = GoogleServiceAccount.fromJson(FakeBigQuery.keyFile());

    assertThat(auth.tokenUrl()).isEqualTo(URI.create("https://oauth2.googleapis.com/token"));
    assertThat(auth.issuer()).isEqualTo("tributary-sync@acme-data.iam.gserviceaccount.com");
    assertThat(auth.keyId()).isEqualTo("3f1e5b0c9d2a4e6f8a7b1c2d3e4f5a6b7c8d9e0f");
    assertThat(auth.subject()).isNull();
    assertThat(auth.scopes()).containsExactly("https://www.googleapis.com/auth/bigquery");
    assertThat(auth.privateKey().reveal()).isEqualTo(RsaTestKey.privateKeyPem());
    assertThat(auth.toString()).doesNotContain("PRIVATE KEY").contains("privateKey=****");
  }

  @Test
  void scopes_canBeNarrowed_andTheTokenUrlMoved() {
    OAuth2JwtBearer auth =
        GoogleServiceAccount.fromJson(
                FakeBigQuery.keyFile(), List.of(GoogleServiceAccount.BIGQUERY_INSERTDATA_SCOPE))
            .withTokenUrl(URI.create("http://localhost:8080/token"));
    assertThat(auth.scopes())
        .containsExactly("https://www.googleapis.com/auth/bigquery.insertdata");
    assertThat(auth.tokenUrl()).hasToString("http://localhost:8080/token");
  }

  @Test
  void filesThatAreNotServiceAccountKeys_areConfigErrors_thatNeverQuoteTheFile() {
    String secretish = "MIIEvQ-s3cret-material";
    List<String> files =
        List.of(
            "{\"private_key\": \"" + secretish + "\",",
            "[\"" + secretish + "\"]",
            "{\"type\": \"authorized_user\", \"refresh_token\": \"" + secretish + "\"}",
            "{\"type\": \"service_account\", \"private_key\": \"" + secretish + "\"}",
            "{\"type\": \"service_account\", \"client_email\": \"a@b.iam\","
                + " \"private_key\": \""
                + secretish
                + "\", \"token_uri\": \"ftp://x\"}");
    List<String> problems =
        List.of(
            "is not JSON",
            "is not a JSON object",
            "is a \"authorized_user\" credential",
            "has no \"client_email\"",
            "has a \"token_uri\" that is not an http(s) URL");
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      String problem = problems.get(i);
      assertThatThrownBy(() -> GoogleServiceAccount.fromJson(Secret.of(file)))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e -> {
                assertThat(e.setting()).contains("authorization");
                assertThat(e.getMessage())
                    .startsWith("the Google service account key file " + problem)
                    .doesNotContain(secretish);
                assertThat(e.getCause()).isNull();
              });
    }
  }
}
