package dev.tributary.connectors.http;

import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.BasicAuth;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.auth.OAuth2ClientCredentials;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.auth.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the secrets of a request from text before it reaches a message: the credential's values,
 * their URL-encoded and Base64 forms (as a vendor may echo a query string or a basic header), and
 * the access tokens the transport fetched. Short values (under 4 characters) are left alone, as
 * replacing them would garble the text without hiding anything.
 */
final class Redactor {
  private static final int MIN_LENGTH = 4;

  private final List<String> secrets;

  private Redactor(Set<String> secrets) {
    List<String> list = new ArrayList<>(secrets);
    list.removeIf(s -> s.length() < MIN_LENGTH);
    list.sort(Comparator.comparingInt(String::length).reversed()); // longest first
    this.secrets = List.copyOf(list);
  }

  static Redactor of(Authorization auth, Secret... extra) {
    Set<String> values = new LinkedHashSet<>();
    if (auth instanceof ApiKey k) {
      add(values, k.key());
    } else if (auth instanceof BasicAuth b) {
      add(values, b.password());
      String pair = b.username() + ":" + b.password().reveal();
      values.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else if (auth instanceof BearerToken t) {
      add(values, t.token());
    } else if (auth instanceof OAuth2ClientCredentials c) {
      add(values, c.clientSecret());
    } else if (auth instanceof OAuth2RefreshToken r) {
      add(values, r.clientSecret());
      add(values, r.refreshToken());
    } else if (auth instanceof OAuth2JwtBearer j) {
      add(values, j.privateKey());
    } else if (auth instanceof HmacSigningSecret h) {
      add(values, h.secret());
    }
    for (Secret s : extra) {
      add(values, s);
    }
    return new Redactor(values);
  }

  private static void add(Set<String> values, Secret secret) {
    if (!secret.isEmpty()) {
      values.add(secret.reveal());
      values.add(URLEncoder.encode(secret.reveal(), StandardCharsets.UTF_8));
    }
  }

  String redact(String text) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, Secret.REDACTED);
    }
    return out;
  }
}
