package dev.tributary.connectors.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * An RSA key pair for service-account tests, made once per test JVM (no private key is committed),
 * its private key as the PKCS #8 PEM a Google key file holds, and the verification of an RS256 JWT
 * with the public key.
 */
public final class RsaTestKey {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyPair PAIR = generate(2048);

  private RsaTestKey() {}

  public static KeyPair pair() {
    return PAIR;
  }

  public static KeyPair generate(int bits) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(bits);
      return rsa.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key as PKCS #8 PEM, lines of 64 characters, as in a service account key file. */
  public static String privateKeyPem(KeyPair pair) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  public static String privateKeyPem() {
    return privateKeyPem(PAIR);
  }

  /** A decoded, verified JWT. */
  public record Jwt(JsonNode header, JsonNode claims) {}

  /**
   * Checks that {@code jwt} is three Base64url parts whose RS256 signature {@code key} verifies,
   * and returns its header and claims.
   */
  public static Jwt verify(String jwt, PublicKey key) throws Exception {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(jwt).doesNotContain("=").doesNotContain("+").doesNotContain("/");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2])))
        .as("the JWT's RS256 signature verifies with the public key")
        .isTrue();
    Base64.Decoder url = Base64.getUrlDecoder();
    return new Jwt(JSON.readTree(url.decode(parts[0])), JSON.readTree(url.decode(parts[1])));
  }
}
