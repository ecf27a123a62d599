package dev.tributary.connectors.http;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.OAuth2ClientCredentials;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/** {@link HttpTransport#check}: the credential's kind, an OAuth token, then an optional probe. */
final class HttpCheck {
  private HttpCheck() {}

  static CheckResult run(HttpTransport transport, ConnectorContext context, @Nullable URI probe) {
    Authorization auth = context.authorization();
    if (!Authorizer.HTTP_KINDS.contains(auth.getClass())) {
      return CheckResult.problem("authorization", Authorizer.notHttp(auth).getMessage());
    }
    if (auth instanceof OAuth2ClientCredentials
        || auth instanceof OAuth2RefreshToken
        || auth instanceof OAuth2JwtBearer) {
      try {
        transport
            .authorizer()
            .apply(context, HttpUrl.get("http://localhost/").newBuilder(), new Request.Builder());
      } catch (TributaryException e) {
        return CheckResult.problem("authorization", e.getMessage());
      }
    }
    if (probe != null) {
      try {
        transport.execute(context, HttpRequest.get(probe).build());
      } catch (TributaryException e) {
        String setting = e.errorClass() == ErrorClass.CONFIG ? "authorization" : "check_url";
        return CheckResult.problem(setting, e.getMessage());
      }
    }
    return CheckResult.ok();
  }
}
