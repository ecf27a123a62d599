package dev.tributary.testing.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.PullConnector;
import dev.tributary.core.connector.PushConnector;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector keeps, as tests: a connector's test class extends this kit, says how
 * to build and exercise the connector against its test third party (a MockWebServer, an embedded
 * SFTP server, ...), and inherits these checks (in the manner of Micrometer's TCK):
 *
 * <ul>
 *   <li>the descriptor is complete, and its patterns match the interfaces the connector implements;
 *   <li>a valid configuration passes {@link Connector#check}; unknown and missing settings are
 *       refused by name; an authorization of a kind the connector does not accept is refused;
 *   <li>secrets never show in {@code toString()} of the connector, its configuration, its context
 *       or its check results, nor in the messages of the errors it raises;
 *   <li>one minimal call succeeds; when the third party speaks HTTP, rejected credentials (401) are
 *       {@code CONFIG} errors, and 429 and 503 with {@code Retry-After} are {@code TRANSIENT}
 *       errors carrying the delay.
 * </ul>
 *
 * A fresh instance runs each test (JUnit's default lifecycle), so fixtures may live in fields.
 */
public abstract class ConnectorCompatibilityKit {

  /** The connector under test. */
  protected abstract Connector connector();

  /** A configuration that is valid and points at the test's third party. */
  protected abstract Map<String, String> configuration();

  /** A valid authorization for the test's third party. */
  protected abstract Authorization authorization();

  /**
   * One minimal call of the connector's pattern against the third party — write one item, read one
   * page, enrich one user — throwing what the connector throws. A connector that reports a
   * whole-call failure per item instead of throwing should rethrow the first item's error here.
   */
  protected abstract void exerciseOnce(ConnectorContext context) throws Exception;

  /**
   * Makes the third party answer the next call with HTTP {@code status} (and a {@code Retry-After}
   * of {@code retryAfterSeconds} when not null). Returns {@code false}, the default, for connectors
   * that do not speak HTTP; the HTTP error tests are then skipped.
   */
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    return false;
  }

  /** Values that must never be shown. Default: every {@link Secret} in {@link #authorization()}. */
  protected Set<String> secretValues() {
    Set<String> secrets = new LinkedHashSet<>();
    Authorization auth = authorization();
    if (auth.getClass().isRecord()) {
      for (var component : auth.getClass().getRecordComponents()) {
        if (component.getType() == Secret.class) {
          try {
            Secret s = (Secret) component.getAccessor().invoke(auth);
            if (!s.isEmpty()) {
              secrets.add(s.reveal());
            }
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
          }
        }
      }
    }
    return secrets;
  }

  /** The context calls get. Default: the configuration and authorization with the UTC clock. */
  protected ConnectorContext context() {
    return new ConnectorContext(config(), authorization(), Clock.systemUTC());
  }

  private ConnectorConfig config() {
    return ConnectorConfig.parse(connector().descriptor(), configuration());
  }

  @Test
  void kit_descriptorIsComplete() {
    ConnectorDescriptor d = connector().descriptor();
    assertFalse(d.name().isBlank(), "the descriptor needs a name");
    assertFalse(d.description().isBlank(), "the descriptor needs a description for the catalogue");
    assertFalse(d.resultingData().isEmpty(), "the descriptor must say what data results");
    for (ConfigField field : d.configuration()) {
      assertFalse(field.description().isBlank(), "configuration field " + field.name());
    }
  }

  @Test
  void kit_patternsMatchTheInterfacesImplemented() {
    Connector c = connector();
    Set<IntegrationPattern> patterns = c.descriptor().patterns();
    assertEquals(
        patterns.contains(IntegrationPattern.IMPORT), c instanceof ImportConnector, "IMPORT");
    assertEquals(
        patterns.contains(IntegrationPattern.EXPORT), c instanceof ExportConnector, "EXPORT");
    assertEquals(
        patterns.contains(IntegrationPattern.ENRICHMENT),
        c instanceof EnrichmentConnector,
        "ENRICHMENT");
    assertEquals(patterns.contains(IntegrationPattern.PUSH), c instanceof PushConnector, "PUSH");
    assertEquals(patterns.contains(IntegrationPattern.PULL), c instanceof PullConnector, "PULL");
    boolean clientSide =
        patterns.contains(IntegrationPattern.PUSH) || patterns.contains(IntegrationPattern.PULL);
    assertEquals(
        clientSide ? IntegrationType.CLIENT_SIDE : IntegrationType.SERVER_TO_SERVER,
        c.descriptor().type(),
        "push and pull are client-side patterns; import, export and enrichment server-to-server");
  }

  @Test
  void kit_validConfigurationPassesCheck() {
    CheckResult result = connector().check(context());
    assertTrue(result.isOk(), () -> "check found problems: " + result.problems());
  }

  @Test
  void kit_unknownSettingIsRefusedByName() {
    Map<String, String> values = new HashMap<>(configuration());
    values.put("no_such_setting", "x");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConnectorConfig.parse(connector().descriptor(), values));
    assertTrue(e.getMessage().contains("no_such_setting"), e.getMessage());
  }

  @Test
  void kit_eachMissingRequiredSettingIsRefusedByName() {
    for (ConfigField field : connector().descriptor().configuration()) {
      if (field.required()) {
        Map<String, String> values = new HashMap<>(configuration());
        values.remove(field.name());
        ConfigException e =
            assertThrows(
                ConfigException.class,
                () -> ConnectorConfig.parse(connector().descriptor(), values),
                field.name());
        assertTrue(e.getMessage().contains("\"" + field.name() + "\""), e.getMessage());
      }
    }
  }

  @Test
  void kit_authorizationOfAnotherKindIsRefusedByCheck() {
    Set<Class<? extends Authorization>> accepted = connector().descriptor().authorizations();
    Authorization other =
        accepted.contains(dev.tributary.core.auth.HmacSigningSecret.class)
            ? Authorization.basic("kit", Secret.of("kit-password"))
            : Authorization.hmac(Secret.of("kit-secret"));
    CheckResult result =
        connector().check(new ConnectorContext(config(), other, Clock.systemUTC()));
    assertFalse(result.isOk(), "check accepted a " + other.kind());
  }

  @Test
  void kit_toStringsNeverShowSecrets() {
    ConnectorContext context = context();
    String shown =
        connector() + "\n" + context.config() + "\n" + context + "\n" + connector().check(context);
    assertNoSecrets(shown);
  }

  @Test
  void kit_oneCallSucceeds() throws Exception {
    exerciseOnce(context());
  }

  @Test
  void kit_rejectedCredentialsAreConfigErrors() {
    Assumptions.assumeTrue(failNextCall(401, null), "the connector does not speak HTTP");
    TributaryException e = assertThrows(TributaryException.class, () -> exerciseOnce(context()));
    assertEquals(ErrorClass.CONFIG, e.errorClass(), e::getMessage);
    assertNoSecrets(e.getMessage());
  }

  @Test
  void kit_rateLimitAndServerErrorsAreTransientWithTheirDelay() {
    for (int status : new int[] {429, 503}) {
      Assumptions.assumeTrue(failNextCall(status, 7), "the connector does not speak HTTP");
      TributaryException e = assertThrows(TributaryException.class, () -> exerciseOnce(context()));
      assertEquals(ErrorClass.TRANSIENT, e.errorClass(), e::getMessage);
      assertEquals(Duration.ofSeconds(7), e.retryAfter().orElse(null), "Retry-After of " + status);
      assertNoSecrets(e.getMessage());
    }
  }

  /** Fails if {@code text} contains any of {@link #secretValues()}. */
  protected final void assertNoSecrets(@Nullable String text) {
    if (text == null) {
      return;
    }
    for (String secret : secretValues()) {
      if (text.contains(secret)) {
        fail("a secret value was shown in: " + text.replace(secret, "<THE SECRET>"));
      }
    }
  }

  /** Asserts that {@code e} is a {@link TributaryException} of class {@code expected}. */
  protected static TributaryException assertClassified(Throwable e, ErrorClass expected) {
    TributaryException t = assertInstanceOf(TributaryException.class, e);
    assertEquals(expected, t.errorClass(), t::getMessage);
    return t;
  }
}
