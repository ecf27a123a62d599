package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.value.GoStrings;
import java.io.ByteArrayOutputStream;

/**
 * Go's {@code encoding/base64} and {@code encoding/base32} standard encodings where Java's differ:
 * decoding reports Go's {@code illegal base64 data at input byte N}, which sprig returns as the
 * decoded text. Stateless.
 */
final class Base32 {
  private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private Base32() {}

  /** Go's base64 decoding errors for {@code src}, or null when it decodes. */
  static String checkBase64(byte[] src) {
    int si = 0;
    while (true) {
      int[] dbuf = new int[4];
      int j = 0;
      for (; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return null;
          }
          return "illegal base64 data at input byte " + (si - j);
        }
        int in = src[si++] & 0xFF;
        int out = B64.indexOf(in);
        if (out >= 0) {
          dbuf[j] = out;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=') {
          return "illegal base64 data at input byte " + (si - 1);
        }
        return padding(src, si, j);
      }
    }
  }

  private static String padding(byte[] src, int si, int j) {
    if (j == 0 || j == 1) {
      return "illegal base64 data at input byte " + (si - 1);
    }
    if (j == 2) {
      si = skipNewlines(src, si);
      if (si == src.length) {
        return "illegal base64 data at input byte " + src.length;
      }
      if (src[si] != '=') {
        return "illegal base64 data at input byte " + (si - 1);
      }
      si++;
    }
    si = skipNewlines(src, si);
    if (si < src.length) {
      return "illegal base64 data at input byte " + si;
    }
    return null;
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  static String encode(byte[] data) {
    StringBuilder sb = new StringBuilder((data.length + 4) / 5 * 8);
    for (int i = 0; i < data.length; i += 5) {
      long buf = 0;
      int n = Math.min(5, data.length - i);
      for (int k = 0; k < 5; k++) {
        buf = (buf << 8) | (k < n ? data[i + k] & 0xFF : 0);
      }
      int chars = (n * 8 + 4) / 5;
      for (int k = 0; k < 8; k++) {
        sb.append(k < chars ? B32.charAt((int) (buf >>> (35 - 5 * k)) & 31) : '=');
      }
    }
    return sb.toString();
  }

  static String decode(String s) {
    byte[] src = GoStrings.toBytes(s.replace("\r", "").replace("\n", ""));
    if (src.length % 8 != 0) {
      return "illegal base32 data at input byte " + (src.length / 8 * 8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < src.length; i += 8) {
      long buf = 0;
      int valid = 0;
      for (int k = 0; k < 8; k++) {
        int c = src[i + k] & 0xFF;
        int v = B32.indexOf(c);
        if (c == '=' && i + 8 == src.length && k >= 2) {
          v = 0;
        } else if (v < 0 || valid < k) {
          return "illegal base32 data at input byte " + (i + k);
        } else {
          valid++;
        }
        buf = (buf << 5) | v;
      }
      int bytes = valid * 5 / 8;
      for (int k = 0; k < bytes; k++) {
        out.write((int) (buf >>> (32 - 8 * k)) & 0xFF);
      }
    }
    return GoStrings.fromBytes(out.toByteArray());
  }
}
