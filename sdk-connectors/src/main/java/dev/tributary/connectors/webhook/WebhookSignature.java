package dev.tributary.connectors.webhook;

import dev.tributary.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The webhook signature scheme, the same as Stripe's: a header
 *
 * <pre>Tributary-Signature: t=1764583200,v1=5257a869e7ec…</pre>
 *
 * where {@code t} is the Unix time in seconds when the request was signed and {@code v1} is the
 * lower-case hex HMAC-SHA256, keyed with the UTF-8 bytes of the shared secret, of the ASCII decimal
 * {@code t}, a full stop, and the raw request body: {@code HMAC(secret, t + "." + body)}. A
 * receiver recomputes it over the bytes it received (before any JSON parsing), compares in constant
 * time, and refuses a {@code t} too far from its own clock, which stops replays of old requests.
 * Several {@code v1} entries may appear (one per secret while a secret is rotated); one match
 * suffices. Entries of other schemes are ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebhookSignature {
  /** The header holding {@code t=…,v1=…}. */
  public static final String SIGNATURE_HEADER = "Tributary-Signature";

  /** A header repeating {@code t}, for logs and proxies; verification reads the signed one. */
  public static final String TIMESTAMP_HEADER = "Tributary-Timestamp";

  /** The header holding the event's stable ID, the same on every retry: dedupe on it. */
  public static final String EVENT_ID_HEADER = "Tributary-Event-Id";

  private static final HexFormat HEX = HexFormat.of();

  private WebhookSignature() {}

  /** What {@link #verify} found. */
  public enum Verification {
    /** A {@code v1} signature matched and {@code t} is within the tolerance. */
    VALID,
    /** No signature header. */
    MISSING,
    /** The header is not {@code t=<seconds>,v1=<hex>}. */
    MALFORMED,
    /** No {@code v1} signature matches any secret: wrong secret, or the body was changed. */
    MISMATCH,
    /** The signature matches but {@code t} is outside the tolerance: a replay or a bad clock. */
    OUTSIDE_TOLERANCE
  }

  /** The header value {@code t=<unixSeconds>,v1=<hex>} for {@code body}. */
  public static String sign(Secret secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + HEX.formatHex(hmac(secret, unixSeconds, body));
  }

  /**
   * Checks a signature header against {@code body}.
   *
   * @param header the signature header's value, or {@code null} when absent
   * @param secrets the secrets any of which may have signed (more than one while rotating)
   * @param now the receiver's time
   * @param tolerance how far {@code t} may be from {@code now}, either way
   */
  public static Verification verify(
      @Nullable String header, byte[] body, List<Secret> secrets, Instant now, Duration tolerance) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(now, "now");
    if (header == null || header.isBlank()) {
      return Verification.MISSING;
    }
    Parsed parsed = Parsed.of(header);
    if (parsed == null) {
      return Verification.MALFORMED;
    }
    boolean match = false;
    for (Secret secret : secrets) {
      byte[] expected = hmac(secret, parsed.t, body);
      for (byte[] candidate : parsed.v1) {
        match |= MessageDigest.isEqual(expected, candidate);
      }
    }
    if (!match) {
      return Verification.MISMATCH;
    }
    long skew = Math.abs(now.getEpochSecond() - parsed.t);
    return skew > tolerance.toSeconds() ? Verification.OUTSIDE_TOLERANCE : Verification.VALID;
  }

  /** The {@code t} of a well-formed header, for messages; empty when malformed. */
  static @Nullable Long timestamp(String header) {
    Parsed parsed = Parsed.of(header);
    return parsed == null ? null : parsed.t;
  }

  private static byte[] hmac(Secret secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] key = secret.reveal().getBytes(StandardCharsets.UTF_8);
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** A parsed header: one {@code t} and the {@code v1} signatures, decoded. */
  private record Parsed(long t, List<byte[]> v1) {
    static @Nullable Parsed of(String header) {
      Long t = null;
      List<byte[]> v1 = new ArrayList<>();
      for (String part : header.split(",", 32)) {
        int eq = part.indexOf('=');
        if (eq < 0) {
          return null;
        }
        String key = part.substring(0, eq).trim();
        String value = part.substring(eq + 1).trim();
        if (key.equals("t")) {
          if (t != null || !value.matches("[0-9]{1,12}")) {
            return null;
          }
          t = Long.parseLong(value);
        } else if (key.equals("v1")) {
          if (!value.matches("[0-9a-fA-F]{64}")) {
            return null;
          }
          v1.add(HEX.parseHex(value.toLowerCase(java.util.Locale.ROOT)));
        }
      }
      return t == null || v1.isEmpty() ? null : new Parsed(t, List.copyOf(v1));
    }
  }
}
