package dev.tributary.connectors.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme recomputed from its documentation, independently of the SDK's code:
 * hex(HMAC-SHA256(secret, t + "." + body)).
 */
public final class Hmac {
  private Hmac() {}

  public static String v1(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] prefix = (t + ".").getBytes(StandardCharsets.US_ASCII);
      byte[] message = new byte[prefix.length + body.length];
      System.arraycopy(prefix, 0, message, 0, prefix.length);
      System.arraycopy(body, 0, message, prefix.length, body.length);
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The header value t=...,v1=... */
  public static String header(String secret, long t, byte[] body) {
    return "t=" + t + ",v1=" + v1(secret, t, body);
  }
}
