package dev.tributary.connectors.internal;

import java.net.URI;

/** URLs of a vendor's API built from the configured base URL. */
public final class ApiUrls {
  private ApiUrls() {}

  /**
   * {@code path} (starting with {@code /}) under {@code base}, with or without a trailing slash on
   * the base: {@code https://api.example.com/} and {@code /v3/contacts} give {@code
   * https://api.example.com/v3/contacts}. Only one trailing slash is dropped; the path is not
   * encoded.
   */
  public static URI under(URI base, String path) {
    String text = base.toString();
    return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
  }
}
