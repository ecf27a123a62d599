package dev.tributary.connectors.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * Reads a Google service account's JSON key file (the one the Cloud console downloads: {@code
 * "type": "service_account"}, {@code client_email}, {@code private_key}, {@code private_key_id},
 * {@code token_uri}) into an {@link OAuth2JwtBearer} credential: the HTTP layer signs an RS256
 * assertion with the key (JDK {@code java.security}, no Google library) and trades it at {@code
 * token_uri} (Google's {@value #TOKEN_URL}) for access tokens, cached until shortly before they
 * expire. {@code OAuth2JwtBearer.withTokenUrl} points the exchange elsewhere (a test server).
 *
 * <p>The key file is a {@link Secret} and stays one: nothing read from it reaches a message or a
 * log line, and the credential's {@code toString()} shows the private key as {@code ****}.
 */
public final class GoogleServiceAccount {
  /** Google's OAuth 2 token endpoint. */
  public static final String TOKEN_URL = "https://oauth2.googleapis.com/token";

  /** Full BigQuery access: insertAll, and tables.get for the connector's check. */
  public static final String BIGQUERY_SCOPE = "https://www.googleapis.com/auth/bigquery";

  /** Streaming inserts only: the least privilege, but the connector's check cannot read tables. */
  public static final String BIGQUERY_INSERTDATA_SCOPE =
      "https://www.googleapis.com/auth/bigquery.insertdata";

  private static final ObjectMapper JSON = new ObjectMapper();

  private GoogleServiceAccount() {}

  /** The credential of the key file {@code keyFile}, asking for {@value #BIGQUERY_SCOPE}. */
  public static OAuth2JwtBearer fromJson(Secret keyFile) {
    return fromJson(keyFile, List.of(BIGQUERY_SCOPE));
  }

  /**
   * The credential of the key file {@code keyFile}, asking for {@code scopes}.
   *
   * @throws ConfigException if the file is not a service account's JSON key, naming what is
   *     missing, never quoting the file
   */
  public static OAuth2JwtBearer fromJson(Secret keyFile, List<String> scopes) {
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(scopes, "scopes");
    JsonNode key = parse(keyFile);
    String type = key.path("type").asText("");
    if (!type.equals("service_account")) {
      throw problem(
          type.isEmpty()
              ? "has no \"type\""
              : "is a \""
                  + safe(type)
                  + "\" credential, not a service account's key"
                  + " (\"authorized_user\" files come from gcloud user logins)");
    }
    String email = text(key, "client_email");
    Secret privateKey = Secret.of(text(key, "private_key"));
    String keyId = key.path("private_key_id").asText("");
    return new OAuth2JwtBearer(
        tokenUrl(key.path("token_uri").asText(TOKEN_URL)),
        email,
        null,
        keyId.isBlank() ? null : keyId,
        privateKey,
        scopes);
  }

  private static JsonNode parse(Secret keyFile) {
    JsonNode key;
    try {
      key = JSON.readTree(keyFile.reveal());
    } catch (IOException e) {
      throw problem("is not JSON"); // the parser's message would quote the file
    }
    if (key == null || !key.isObject()) {
      throw problem("is not a JSON object");
    }
    return key;
  }

  private static String text(JsonNode key, String field) {
    JsonNode value = key.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw problem("has no \"" + field + "\"");
    }
    return value.asText();
  }

  private static URI tokenUrl(String value) {
    try {
      URI uri = new URI(value);
      if (uri.isAbsolute() && uri.getScheme().startsWith("http")) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // below
    }
    throw problem("has a \"token_uri\" that is not an http(s) URL");
  }

  private static String safe(String text) {
    return text.length() > 40 || !text.matches("[A-Za-z0-9_ -]*") ? "unexpected" : text;
  }

  private static ConfigException problem(String what) {
    return new ConfigException(
        "authorization",
        "the Google service account key file "
            + what
            + "; download a JSON key for the service account from the Cloud console (IAM, Service"
            + " accounts, Keys)",
        null);
  }
}
