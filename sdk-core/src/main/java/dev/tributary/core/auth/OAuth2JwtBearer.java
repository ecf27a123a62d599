package dev.tributary.core.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth 2 JWT bearer grant (RFC 7523, section 2.1), as service accounts use it: the connector
 * signs a short-lived JSON Web Token (RS256) with {@link #privateKey()} and trades it at {@link
 * #tokenUrl()} for access tokens. No client secret travels; the private key never leaves the host.
 *
 * <p>The assertion is issued by {@link #issuer()} (a service account's e-mail), on behalf of {@link
 * #subject()} when the account may act for a user (domain-wide delegation; {@code null} otherwise),
 * for the audience {@link #tokenUrl()}, signed with the key {@link #keyId()} names ({@code null}
 * when the server needs no key ID). {@link #scopes()} go in the assertion's {@code scope} claim, as
 * Google reads them. Google service-account key files become one of these through the connectors'
 * {@code GoogleServiceAccount.fromJson}.
 *
 * @param tokenUrl the token endpoint, which is also the assertion's audience
 * @param issuer the {@code iss} claim: who signs, such as {@code
 *     sync@project.iam.gserviceaccount.com}
 * @param subject the {@code sub} claim, or {@code null} for none
 * @param keyId the {@code kid} header, or {@code null} for none
 * @param privateKey the RSA private key, PKCS #8 PEM ({@code -----BEGIN PRIVATE KEY-----})
 * @param scopes the scopes asked for
 */
public record OAuth2JwtBearer(
    URI tokenUrl,
    String issuer,
    @Nullable String subject,
    @Nullable String keyId,
    Secret privateKey,
    List<String> scopes)
    implements Authorization {
  public OAuth2JwtBearer {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Require.nonBlank(issuer, "issuer");
    if (subject != null) {
      Require.nonBlank(subject, "subject");
    }
    if (keyId != null) {
      Require.nonBlank(keyId, "keyId");
    }
    Require.nonEmpty(privateKey, "privateKey");
    scopes = List.copyOf(scopes);
  }

  /** A copy whose token endpoint (and assertion audience) is {@code tokenUrl}. */
  public OAuth2JwtBearer withTokenUrl(URI tokenUrl) {
    return new OAuth2JwtBearer(tokenUrl, issuer, subject, keyId, privateKey, scopes);
  }

  @Override
  public String kind() {
    return "OAuth 2 JWT bearer (service account)";
  }
}
