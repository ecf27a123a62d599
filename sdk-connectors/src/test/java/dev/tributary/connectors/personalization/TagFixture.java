package dev.tributary.connectors.personalization;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.identity.StoredProfile;
import dev.tributary.core.model.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The tag connector with a real profile store filled by identity resolution (so identities are
 * stored normalised, as in production), and the compatibility kit.
 */
abstract class TagFixture extends SettingsKit<PersonalizationTagConnector> {
  static final ObjectMapper JSON = new ObjectMapper();

  final ProfileStore store = ProfileStore.inMemory();
  final IdentityResolver resolver =
      IdentityResolver.builder(store)
          .keys(IdentityKey.email("email"), IdentityKey.trimmed("user_id"))
          .build();

  TagFixture() {
    super(PersonalizationTagConnector.create());
    settings.put("fields", "first_name, plan");
    settings.put("audiences", "vip, churn_risk");
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector.surface(context, ann());
  }

  /** Ann, resolved into the store from a CRM record, and her stored profile with an audience. */
  Profile ann() {
    String id =
        resolver
            .resolve(
                new SourceRecord(
                    Map.of("email", " Ann@Example.com ", "user_id", "u-1"),
                    Map.of("first_name", "Ann", "plan", "pro", "lifetime_value", 1234),
                    NOW,
                    "crm"))
            .profileId();
    StoredProfile stored = store.get(id).orElseThrow();
    Profile withAudience = stored.profile().toBuilder().audience("vip").build();
    store.write(
        new StoredProfile(withAudience, stored.fieldStamps(), stored.identityStamps()), Set.of());
    return withAudience;
  }

  static Map<String, Object> json(byte[] body) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = JSON.readValue(body, Map.class);
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
