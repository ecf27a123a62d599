package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.B;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.s;

import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoStrings;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Adler32;

/**
 * sprig's encodings, hashes and path functions ({@code b64enc}, {@code sha256sum}, {@code base}).
 */
final class SprigEncoding {
  private SprigEncoding() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(fn("b64enc", S, List.of(S), (e, a) -> Base64.getEncoder().encodeToString(bytes(a[0]))));
    f.add(fn("b64dec", S, List.of(S), (e, a) -> b64dec(s(a[0]))));
    f.add(fn("b32enc", S, List.of(S), (e, a) -> Base32.encode(bytes(a[0]))));
    f.add(fn("b32dec", S, List.of(S), (e, a) -> Base32.decode(s(a[0]))));
    f.add(fn("sha256sum", S, List.of(S), (e, a) -> digest("SHA-256", s(a[0]))));
    f.add(fn("sha1sum", S, List.of(S), (e, a) -> digest("SHA-1", s(a[0]))));
    f.add(fn("adler32sum", S, List.of(S), (e, a) -> adler32(s(a[0]))));
    f.add(fn("base", S, List.of(S), (e, a) -> Paths.base(s(a[0]))));
    f.add(fn("dir", S, List.of(S), (e, a) -> Paths.dir(s(a[0]))));
    f.add(fn("clean", S, List.of(S), (e, a) -> Paths.clean(s(a[0]))));
    f.add(fn("ext", S, List.of(S), (e, a) -> Paths.ext(s(a[0]))));
    f.add(fn("isAbs", B, List.of(S), (e, a) -> s(a[0]).startsWith("/")));
    f.add(fn("osBase", S, List.of(S), (e, a) -> Paths.base(s(a[0]))));
    f.add(fn("osDir", S, List.of(S), (e, a) -> Paths.dir(s(a[0]))));
    f.add(fn("osClean", S, List.of(S), (e, a) -> Paths.clean(s(a[0]))));
    f.add(fn("osExt", S, List.of(S), (e, a) -> Paths.ext(s(a[0]))));
    f.add(fn("osIsAbs", B, List.of(S), (e, a) -> s(a[0]).startsWith("/")));
    f.add(fn("regexQuoteMeta", S, List.of(S), (e, a) -> quoteMeta(s(a[0]))));
    return f;
  }

  private static byte[] bytes(Object s) {
    return GoStrings.toBytes((String) s);
  }

  /** Go's {@code base64.StdEncoding.DecodeString}; on error sprig returns the error's text. */
  private static String b64dec(String v) {
    byte[] in = GoStrings.toBytes(v);
    String error = Base32.checkBase64(in);
    if (error != null) {
      return error;
    }
    try {
      return GoStrings.fromBytes(Base64.getMimeDecoder().decode(stripNewlines(in)));
    } catch (IllegalArgumentException e) {
      return "illegal base64 data at input byte 0";
    }
  }

  private static byte[] stripNewlines(byte[] in) {
    int n = 0;
    byte[] out = new byte[in.length];
    for (byte b : in) {
      if (b != '\r' && b != '\n') {
        out[n++] = b;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static String digest(String algorithm, String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(algorithm).digest(GoStrings.toBytes(s)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every JVM", e);
    }
  }

  private static String adler32(String s) {
    Adler32 a = new Adler32();
    a.update(GoStrings.toBytes(s));
    return Long.toString(a.getValue());
  }

  /** Go's {@code regexp.QuoteMeta}. */
  static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
