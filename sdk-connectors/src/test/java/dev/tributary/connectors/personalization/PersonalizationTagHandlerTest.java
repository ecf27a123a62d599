package dev.tributary.connectors.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.StoredProfile;
import dev.tributary.core.model.Profile;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tag's endpoint: identities to profiles, the document, errors, CORS and cache headers. */
class PersonalizationTagHandlerTest extends TagFixture {
  static final String SHOP = "https://shop.example.com";

  PersonalizationTagHandler handler() {
    return connector.handler(context(), store).identityKeys(resolver.keys()).build();
  }

  TagResponse get(String query, Map<String, String> headers) {
    return handler().handle(TagRequest.of("GET", headers, query));
  }

  @Test
  void aVisitorFoundByUserId_getsTheDocument_privateAndNotStored() {
    ann();

    TagResponse r = get("v=1&user_id=u-1", Map.of());

    assertThat(r.status()).isEqualTo(200);
    assertThat(json(r.body()))
        .containsEntry("status", "known")
        .containsEntry("fields", Map.of("first_name", "Ann", "plan", "pro"))
        .containsEntry("audiences", Map.of("vip", true, "churn_risk", false));
    assertThat(r.headers())
        .containsEntry("Content-Type", "application/json; charset=utf-8")
        .containsEntry("Cache-Control", "private, no-store")
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("ETag", TagHeaders.etag(r.body()))
        .doesNotContainKeys("Access-Control-Allow-Origin", "Vary");
  }

  @Test
  void fieldsNotChosen_neverReachTheAnswer_evenThroughTheAlert() {
    ann();
    settings.put("alert_body", "{{ .lifetime_value }}");

    TagResponse r = get("user_id=u-1", Map.of());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).doesNotContain("lifetime_value").doesNotContain("1234");
  }

  @Test
  void build_refusesBrokenSettings_upFront_namingTheSetting() {
    settings.put("alert_body", "{{ .first_name ");
    PersonalizationTagHandler.Builder builder = connector.handler(context(), store);

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alert_body")
        .extracting(e -> ((ConfigException) e).setting())
        .isEqualTo(Optional.of("alert_body"));
  }

  @Test
  void anEmail_isNormalisedAsIdentityResolutionStoredIt() {
    ann();
    settings.put("identities", "email=query:email");

    TagResponse r = get("email=%20ANN%40example.COM%20", Map.of());

    assertThat(json(r.body())).containsEntry("status", "known");
  }

  @Test
  void theResolversOwnNormalisers_areUsed() {
    IdentityKey upper = new IdentityKey("customer_id", raw -> raw.strip().toUpperCase(Locale.ROOT));
    store.write(
        new StoredProfile(
            Profile.builder("p-9").identity("customer_id", "C-9").field("plan", "free").build(),
            Map.of(),
            Map.of()),
        Set.of());
    settings.put("identities", "customer_id=query:cid");

    TagResponse withDefault = get("cid=c-9", Map.of());
    TagResponse withKeys =
        connector
            .handler(context(), store)
            .identityKeys(List.of(upper))
            .build()
            .handle(TagRequest.of("GET", Map.of(), "cid=c-9"));

    assertThat(json(withDefault.body())).containsEntry("status", "unknown");
    assertThat(json(withKeys.body())).containsEntry("status", "known");
  }

  @Test
  void identitiesAreTriedInOrder_andUnknownOrMissingOnesGetTheEmptyDocument() {
    ann();
    settings.put("identities", "user_id=query:uid, email=cookie:em");

    TagResponse byCookie = get("uid=nobody", Map.of("Cookie", "a=1; em=ann@example.com"));
    TagResponse unknown = get("uid=nobody", Map.of());
    TagResponse anonymous = get("", Map.of());

    assertThat(json(byCookie.body())).containsEntry("status", "known");
    assertThat(json(unknown.body()))
        .containsEntry("status", "unknown")
        .containsEntry("audiences", Map.of("vip", false, "churn_risk", false));
    assertThat(json(anonymous.body())).containsEntry("status", "anonymous");
    assertThat(anonymous.status()).isEqualTo(200);
  }

  @Test
  void anAllowedOrigin_mayReadWithCredentials_whenIdentitiesComeFromCookies() {
    ann();
    settings.put("identities", "user_id=cookie:uid");
    settings.put("allowed_origins", SHOP + ", https://www.example.com");

    TagResponse r = get("", Map.of("Origin", SHOP, "Cookie", "uid=u-1"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers())
        .containsEntry("Access-Control-Allow-Origin", SHOP)
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry("Access-Control-Expose-Headers", "ETag")
        .containsEntry("Vary", "Origin, Cookie");
  }

  @Test
  void anotherOrigin_isRefused_withoutCorsHeaders() {
    settings.put("allowed_origins", SHOP);

    TagResponse r = get("user_id=u-1", Map.of("Origin", "https://evil.example"));

    assertThat(r.status()).isEqualTo(403);
    assertThat(json(r.body())).containsEntry("error", "origin_not_allowed");
    assertThat(r.headers()).doesNotContainKey("Access-Control-Allow-Origin");
  }

  @Test
  void aPreflight_fromAnAllowedOrigin_namesTheMethodsAndHeaders() {
    settings.put("allowed_origins", SHOP);
    settings.put("identities", "user_id=header:X-Visitor-Id");

    TagResponse r =
        handler()
            .handle(
                TagRequest.of(
                    "OPTIONS", Map.of("Origin", SHOP, "Access-Control-Request-Method", "GET"), ""));

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers())
        .containsEntry("Access-Control-Allow-Origin", SHOP)
        .containsEntry("Access-Control-Allow-Methods", "GET, HEAD")
        .containsEntry("Access-Control-Allow-Headers", "If-None-Match, X-Visitor-Id")
        .containsEntry("Access-Control-Max-Age", "600")
        .containsEntry("Vary", "Origin, X-Visitor-Id")
        .doesNotContainKey("Access-Control-Allow-Credentials");
  }

  @Test
  void otherMethodsAndVersions_areRefusedWithJsonErrors() {
    TagResponse post = handler().handle(TagRequest.of("POST", Map.of(), "user_id=u-1"));
    TagResponse v2 = get("v=2&user_id=u-1", Map.of());

    assertThat(post.status()).isEqualTo(405);
    assertThat(post.headers()).containsEntry("Allow", "GET, HEAD, OPTIONS");
    assertThat(json(post.body()))
        .containsEntry("error", "method_not_allowed")
        .containsEntry("v", 1);
    assertThat(v2.status()).isEqualTo(400);
    assertThat(json(v2.body())).containsEntry("error", "unsupported_version");
    assertThat(v2.headers()).containsEntry("Cache-Control", "no-store");
  }

  @Test
  void theETag_answersARevalidationWith304_andHeadSendsNoBody() {
    ann();
    settings.put("max_age_seconds", "60");
    TagResponse first = get("user_id=u-1", Map.of());

    TagResponse again = get("user_id=u-1", Map.of("If-None-Match", first.headers().get("ETag")));
    TagResponse head = handler().handle(TagRequest.of("HEAD", Map.of(), "user_id=u-1"));

    assertThat(first.headers()).containsEntry("Cache-Control", "private, max-age=60");
    assertThat(json(first.body())).containsEntry("ttl", 60);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().get("ETag")).isEqualTo(first.headers().get("ETag"));
  }

  @Test
  void aChangedProfile_getsANewETag() {
    Profile ann = ann();
    String before = get("user_id=u-1", Map.of()).headers().get("ETag");
    StoredProfile stored = store.get(ann.id()).orElseThrow();
    store.write(
        new StoredProfile(
            stored.profile().toBuilder().audience("churn_risk").build(),
            stored.fieldStamps(),
            stored.identityStamps()),
        Set.of());

    TagResponse after = get("user_id=u-1", Map.of("If-None-Match", before));

    assertThat(after.status()).isEqualTo(200);
    assertThat(after.headers().get("ETag")).isNotEqualTo(before);
  }

  @Test
  void anOverlongIdentity_isRefused_withoutShowingIt() {
    String huge = "x".repeat(PersonalizationTagHandler.MAX_IDENTITY_LENGTH + 1);

    TagResponse r = get("user_id=" + huge, Map.of());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("invalid_identity").doesNotContain(huge);
  }

  @Test
  void aFailingStore_is503_withItsRetryAfter() {
    ProfileStore failing =
        new ProfileStore() {
          @Override
          public Optional<String> find(String kind, String value) {
            throw new TransientException("database busy", Duration.ofSeconds(5), null);
          }

          @Override
          public Optional<StoredProfile> get(String profileId) {
            return Optional.empty();
          }

          @Override
          public void write(StoredProfile profile, Set<String> mergedAway) {}

          @Override
          public long size() {
            return 0;
          }
        };

    TagResponse r =
        connector
            .handler(context(), failing)
            .build()
            .handle(TagRequest.of("GET", Map.of(), "user_id=u-1"));

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.headers()).containsEntry("Retry-After", "5");
    assertThat(r.bodyText()).doesNotContain("database");
  }

  @Test
  void aHostsOwnIdentitySource_isUsed_andTheDocumentVariesByCookie() {
    ann();
    settings.put("allowed_origins", SHOP);
    TagIdentitySource session =
        request ->
            request.cookie("SESSION").filter("s-42"::equals).isPresent()
                ? Map.of("user_id", "u-1")
                : Map.of();
    PersonalizationTagHandler handler =
        connector.handler(context(), store).identitySource(session).build();

    TagResponse r =
        handler.handle(
            TagRequest.of("GET", Map.of("Origin", SHOP, "Cookie", "SESSION=s-42"), "user_id=x"));

    assertThat(json(r.body())).containsEntry("status", "known");
    assertThat(r.headers())
        .containsEntry("Vary", "Origin, Cookie")
        .containsEntry("Access-Control-Allow-Credentials", "true");
  }

  @Test
  void aDocumentThatCannotBeBuilt_is500_withoutProfileData() {
    store.write(
        new StoredProfile(
            Profile.builder("p-3")
                .identity("user_id", "u-3")
                .field("first_name", Double.NaN)
                .build(),
            Map.of(),
            Map.of()),
        Set.of());

    TagResponse r = get("user_id=u-3", Map.of());

    assertThat(r.status()).isEqualTo(500);
    assertThat(json(r.body())).containsEntry("error", "internal_error");
    assertThat(r.bodyText()).doesNotContain("first_name").doesNotContain("NaN");
  }

  @Test
  void requestsAndResponsesPrintNoIdentityOrProfileData() {
    ann();
    TagRequest request =
        TagRequest.of("GET", Map.of("Cookie", "uid=u-1"), "user_id=u-1&email=ann%40example.com");

    TagResponse r = handler().handle(request);

    assertThat(request.toString())
        .contains("user_id", "email", "Cookie")
        .doesNotContain("u-1")
        .doesNotContain("ann");
    assertThat(r.toString()).doesNotContain("Ann");
  }
}
