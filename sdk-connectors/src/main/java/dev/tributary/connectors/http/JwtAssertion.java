package dev.tributary.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ConfigException;
import dev.tributary.core.SystemException;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed assertion of the OAuth 2 JWT bearer grant (RFC 7523, section 2.1): a JSON Web Token
 * (RFC 7519) signed RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 section 3.3) with the JDK's
 * {@code java.security}, claiming {@code iss}, {@code sub} (when set), {@code aud} (the token URL),
 * {@code scope} (when scopes are asked for), {@code iat} and {@code exp} one hour later — the
 * longest lifetime Google accepts. Key problems are {@code CONFIG} errors that never quote the key.
 */
final class JwtAssertion {
  static final Duration LIFETIME = Duration.ofHours(1);
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private JwtAssertion() {}

  static String sign(OAuth2JwtBearer auth, Instant now, ObjectMapper mapper) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    if (auth.keyId() != null) {
      header.put("kid", auth.keyId());
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", auth.issuer());
    if (auth.subject() != null) {
      claims.put("sub", auth.subject());
    }
    claims.put("aud", auth.tokenUrl().toString());
    if (!auth.scopes().isEmpty()) {
      claims.put("scope", String.join(" ", auth.scopes()));
    }
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    String signingInput = part(header, mapper) + "." + part(claims, mapper);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(privateKey(auth.privateKey()));
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          "authorization",
          "the service account's private key cannot sign an RS256 assertion ("
              + e.getClass().getSimpleName()
              + "); use the RSA key from the service account's key file",
          null);
    }
  }

  private static String part(Map<String, Object> json, ObjectMapper mapper) {
    try {
      return URL.encodeToString(mapper.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new SystemException("cannot write a JWT part as JSON", e);
    }
  }

  /**
   * The RSA key in {@code pem} (PKCS #8, {@code -----BEGIN PRIVATE KEY-----}).
   *
   * @throws ConfigException naming the problem (another PEM type, not Base64, not RSA, under 2048
   *     bits), never the key
   */
  static PrivateKey privateKey(Secret pem) {
    String text = pem.reveal().strip();
    if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw badKey(
          "is a PKCS #1 or encrypted PEM key; give the unencrypted PKCS #8 form (openssl pkcs8"
              + " -topk8 -nocrypt), as service-account key files hold it");
    }
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw badKey("is not a PEM private key (-----BEGIN PRIVATE KEY-----)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw badKey("is not valid Base64 between its PEM lines");
    }
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw badKey("is not a PKCS #8 RSA private key");
    }
    if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < 2048) {
      throw badKey(
          "has " + rsa.getModulus().bitLength() + " bits; RS256 needs at least 2048 (RFC 7518)");
    }
    return key;
  }

  private static ConfigException badKey(String problem) {
    return new ConfigException(
        "authorization", "the private key of the JWT bearer credential " + problem, null);
  }
}
