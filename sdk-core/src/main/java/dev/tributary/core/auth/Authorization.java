package dev.tributary.core.auth;

import java.net.URI;
import java.util.List;

/**
 * A credential a connector uses to reach a third party: what a user pastes into an integration's
 * "authorization" form. Each kind is an immutable record; sensitive parts are {@link Secret}s, so
 * {@code toString()} of any authorization is safe to log.
 *
 * <table>
 *   <caption>Kinds</caption>
 *   <tr><th>kind</th><th>used for</th></tr>
 *   <tr><td>{@link ApiKey}</td><td>REST APIs taking a key in a header or query parameter</td></tr>
 *   <tr><td>{@link BasicAuth}</td><td>HTTP basic authentication</td></tr>
 *   <tr><td>{@link BearerToken}</td><td>a static bearer token</td></tr>
 *   <tr><td>{@link OAuth2ClientCredentials}</td><td>OAuth 2 machine-to-machine grants</td></tr>
 *   <tr><td>{@link OAuth2RefreshToken}</td><td>OAuth 2 on a user's behalf, with rotation</td></tr>
 *   <tr><td>{@link OAuth2JwtBearer}</td><td>service accounts signing a JWT (RFC 7523)</td></tr>
 *   <tr><td>{@link SftpPassword}, {@link SftpPrivateKey}</td><td>SFTP servers</td></tr>
 *   <tr><td>{@link PgpPublicKey}</td><td>encrypting exported files for the recipient</td></tr>
 *   <tr><td>{@link PgpPrivateKey}</td><td>decrypting imported files</td></tr>
 *   <tr><td>{@link HmacSigningSecret}</td><td>signing and verifying webhooks</td></tr>
 *   <tr><td>{@link NoAuthorization}</td><td>endpoints that need none</td></tr>
 * </table>
 */
public sealed interface Authorization
    permits ApiKey,
        BasicAuth,
        BearerToken,
        OAuth2ClientCredentials,
        OAuth2RefreshToken,
        OAuth2JwtBearer,
        SftpPassword,
        SftpPrivateKey,
        PgpPublicKey,
        PgpPrivateKey,
        HmacSigningSecret,
        NoAuthorization {

  /** A short human name of the kind, for messages: "API key", "SFTP private key". */
  String kind();

  /** An API key sent in the HTTP header {@code headerName}. */
  static ApiKey apiKeyHeader(String headerName, Secret key) {
    return new ApiKey(headerName, ApiKey.Placement.HEADER, key);
  }

  /** An API key sent as the query parameter {@code parameterName}. */
  static ApiKey apiKeyQuery(String parameterName, Secret key) {
    return new ApiKey(parameterName, ApiKey.Placement.QUERY, key);
  }

  static BasicAuth basic(String username, Secret password) {
    return new BasicAuth(username, password);
  }

  static BearerToken bearer(Secret token) {
    return new BearerToken(token);
  }

  static OAuth2ClientCredentials oauth2ClientCredentials(
      URI tokenUrl, String clientId, Secret clientSecret, List<String> scopes) {
    return new OAuth2ClientCredentials(tokenUrl, clientId, clientSecret, scopes);
  }

  /**
   * The JWT bearer grant of a service account (RFC 7523): {@code issuer} signs assertions for
   * {@code tokenUrl} with {@code privateKey} (PKCS #8 PEM) under {@code keyId}, asking for {@code
   * scopes}.
   */
  static OAuth2JwtBearer oauth2JwtBearer(
      URI tokenUrl, String issuer, String keyId, Secret privateKey, List<String> scopes) {
    return new OAuth2JwtBearer(tokenUrl, issuer, null, keyId, privateKey, scopes);
  }

  static SftpPassword sftpPassword(String username, Secret password) {
    return new SftpPassword(username, password);
  }

  /**
   * An SFTP private key (OpenSSH or PEM text); {@code passphrase} is {@link Secret#empty()} when
   * the key is not protected.
   */
  static SftpPrivateKey sftpPrivateKey(String username, Secret privateKey, Secret passphrase) {
    return new SftpPrivateKey(username, privateKey, passphrase);
  }

  /** An ASCII-armored OpenPGP public key ("-----BEGIN PGP PUBLIC KEY BLOCK-----"). */
  static PgpPublicKey pgpPublicKey(String armoredKey) {
    return new PgpPublicKey(armoredKey);
  }

  /**
   * An ASCII-armored OpenPGP private key; {@code passphrase} is {@link Secret#empty()} when the key
   * is not protected.
   */
  static PgpPrivateKey pgpPrivateKey(Secret armoredKey, Secret passphrase) {
    return new PgpPrivateKey(armoredKey, passphrase);
  }

  static HmacSigningSecret hmac(Secret secret) {
    return new HmacSigningSecret(secret);
  }

  static NoAuthorization none() {
    return NoAuthorization.INSTANCE;
  }
}
