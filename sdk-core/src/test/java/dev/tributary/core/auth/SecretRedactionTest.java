package dev.tributary.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRedactionTest {
  static final String SECRET = "s3cr3t-VALUE-42";

  static Stream<Authorization> everyKindHoldingTheSecret() {
    Secret s = Secret.of(SECRET);
    URI token = URI.create("https://auth.example.com/token");
    return Stream.of(
        Authorization.apiKeyHeader("X-Api-Key", s),
        Authorization.apiKeyQuery("api_key", s),
        Authorization.basic("ann", s),
        Authorization.bearer(s),
        Authorization.oauth2ClientCredentials(token, "client-1", s, List.of("read")),
        new OAuth2RefreshToken(
            token, "client-1", s, s, OAuth2RefreshToken.RefreshTokenListener.ignore()),
        Authorization.oauth2JwtBearer(token, "svc@example.iam", "key-1", s, List.of("read")),
        Authorization.sftpPassword("ann", s),
        Authorization.sftpPrivateKey("ann", s, s),
        Authorization.pgpPrivateKey(s, s),
        Authorization.hmac(s));
  }

  @ParameterizedTest
  @MethodSource("everyKindHoldingTheSecret")
  void toString_neverShowsTheSecret(Authorization authorization) {
    assertThat(authorization.toString()).doesNotContain(SECRET).contains(Secret.REDACTED);
    assertThat(authorization.kind()).doesNotContain(SECRET);
  }

  @Test
  void secret_revealsOnlyOnRequest() {
    Secret s = Secret.of(SECRET);
    assertThat(s).hasToString("****");
    assertThat(String.valueOf(s)).isEqualTo("****");
    assertThat(s.reveal()).isEqualTo(SECRET);
    assertThat(Secret.of(SECRET.toCharArray())).isEqualTo(s);
    assertThat(Secret.of("other")).isNotEqualTo(s);
    assertThat(s.hashCode()).isEqualTo(Secret.of("other").hashCode());
  }

  @Test
  void pgpPublicKey_isNotSecretButShowsOnlyItsSize() {
    String armored =
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxjMEZ\n-----END PGP PUBLIC KEY BLOCK-----";
    assertThat(Authorization.pgpPublicKey(armored))
        .hasToString("PgpPublicKey[" + armored.length() + " characters]");
  }

  @Test
  void rotatedRefreshToken_isHandedToTheListenerAndKeptInTheCopy() {
    List<Secret> persisted = new ArrayList<>();
    OAuth2RefreshToken auth =
        new OAuth2RefreshToken(
            URI.create("https://auth.example.com/token"),
            "c",
            Secret.empty(),
            Secret.of("old"),
            persisted::add);
    OAuth2RefreshToken rotated = auth.withRefreshToken(Secret.of("new"));
    rotated.onRotated().refreshTokenRotated(rotated.refreshToken());
    assertThat(rotated.refreshToken().reveal()).isEqualTo("new");
    assertThat(persisted).extracting(Secret::reveal).containsExactly("new");
    assertThat(rotated.toString()).doesNotContain("new").doesNotContain("old");
  }

  @Test
  void misuse_failsFastNamingTheParameterWithoutTheValue() {
    assertThatThrownBy(() -> Authorization.basic(" ", Secret.of(SECRET)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("username must not be blank");
    assertThatThrownBy(() -> Authorization.bearer(Secret.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must not be empty");
    assertThatThrownBy(() -> Authorization.apiKeyHeader(null, Secret.of(SECRET)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }
}
