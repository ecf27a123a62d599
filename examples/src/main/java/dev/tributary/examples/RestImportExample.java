package dev.tributary.examples;

import dev.tributary.connectors.rest.RestImportConnector;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.Sink;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.mapping.Transform;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.state.StateStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Recipe: REST import, continuous and incremental. A stand-in CRM pages its users with RFC 8288
 * {@code Link} headers and filters by {@code updated_since}; every run reads only what changed
 * since the last one (the checkpoint, kept in a state directory, survives restarts), maps each
 * record and resolves it into the profile store. A record sharing the boundary time stamp with the
 * last run is neither lost nor repeated.
 */
public final class RestImportExample {
  private RestImportExample() {}

  /** One CRM user. */
  record CrmUser(String id, String email, String plan, String updatedAt) {}

  public static void main(String[] args) throws Exception {
    run(System.out, Files.createTempDirectory("tributary-import"));
  }

  static ProfileStore run(PrintStream out, Path stateDirectory) throws Exception {
    List<CrmUser> crm = new CopyOnWriteArrayList<>();
    crm.add(new CrmUser("1", " Ann@Example.com", "pro", "2026-11-01T08:00:00Z"));
    crm.add(new CrmUser("2", "bob@example.com", "free", "2026-11-02T08:00:00Z"));
    crm.add(new CrmUser("3", "cy@example.com", "team", "2026-11-02T08:00:00Z"));

    ProfileStore store = ProfileStore.inMemory();
    IdentityResolver resolver =
        IdentityResolver.builder(store).keys(IdentityKey.email("email")).build();
    FieldMapping mapping =
        FieldMapping.builder()
            .identity("email", "email", Transform.TRIM, Transform.LOWERCASE)
            .field(FieldRule.of("plan").from("plan"))
            .field(FieldRule.of("crm_id").from("id"))
            .timestamp("updated_at")
            .build();
    Sink<Map<String, @Nullable Object>> sink = records -> resolveAll(records, mapping, resolver);

    try (LocalApi api = new LocalApi()) {
      api.route("/api/users", r -> page(crm, r, api));
      RestImportConnector connector = RestImportConnector.create();
      ConnectorConfig config =
          ConnectorConfig.parse(
              connector.descriptor(),
              Map.of(
                  "endpoint", api.url("/api/users"),
                  "pagination", "link",
                  "page_size", "2",
                  "page_size_param", "per_page",
                  "incremental_field", "updated_at",
                  "incremental_param", "updated_since"));
      Authorization auth = Authorization.apiKeyHeader("X-Api-Key", Secret.of("crm-key"));
      try (JobRunner runner =
          JobRunner.builder().stateStore(StateStore.directory(stateDirectory)).build()) {
        JobHandle job =
            runner.add(
                Job.importing("crm-users", connector, config, auth, sink)
                    .schedule(Schedule.parse("every 15m")) // continuous update on a cadence
                    .build());
        report(out, "first run", job.runNow().get(30, TimeUnit.SECONDS));

        crm.add(new CrmUser("4", "dee@example.com", "free", "2026-11-02T08:00:00Z")); // boundary
        crm.set(0, new CrmUser("1", "ann@example.com", "enterprise", "2026-11-05T09:00:00Z"));
        report(out, "second run", job.runNow().get(30, TimeUnit.SECONDS));
      }
    }
    out.println("profiles: " + store.size());
    for (String email : List.of("ann@example.com", "dee@example.com")) {
      var profile = store.get(store.find("email", email).orElseThrow()).orElseThrow().profile();
      out.println("  " + email + " plan=" + profile.field("plan").orElse("?"));
    }
    return store;
  }

  private static BatchResult resolveAll(
      List<? extends Map<String, @Nullable Object>> records,
      FieldMapping mapping,
      IdentityResolver resolver) {
    List<ItemResult> results = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        resolver.resolve(mapping.apply(records.get(i)).toSourceRecord("crm", Instant.now()));
        results.add(ItemResult.ok(i));
      } catch (TributaryException e) {
        results.add(ItemResult.failed(i, e)); // a bad record is rejected; the import goes on
      }
    }
    return new BatchResult(results);
  }

  private static void report(PrintStream out, String which, RunSnapshot run) {
    out.println(which + ": " + run.status() + ", imported " + run.itemsWritten());
  }

  /** The CRM: users updated at or after updated_since, oldest first, per_page at a time. */
  private static LocalApi.Response page(List<CrmUser> crm, LocalApi.Request r, LocalApi api) {
    Map<String, String> q = query(r.uri().getRawQuery());
    String since = q.getOrDefault("updated_since", "");
    int perPage = Integer.parseInt(q.getOrDefault("per_page", "100"));
    int page = Integer.parseInt(q.getOrDefault("page", "0"));
    List<CrmUser> matching =
        crm.stream()
            .filter(u -> u.updatedAt().compareTo(since) >= 0)
            .sorted(Comparator.comparing(CrmUser::updatedAt).thenComparing(CrmUser::id))
            .toList();
    List<String> json = new ArrayList<>();
    for (CrmUser u :
        matching.subList(
            Math.min(matching.size(), page * perPage),
            Math.min(matching.size(), (page + 1) * perPage))) {
      json.add(
          String.format(
              "{\"id\":\"%s\",\"email\":\"%s\",\"plan\":\"%s\",\"updated_at\":\"%s\"}",
              u.id(), u.email(), u.plan(), u.updatedAt()));
    }
    Map<String, String> headers =
        new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/json"));
    if ((page + 1) * perPage < matching.size()) {
      String next =
          "/api/users?per_page=" + perPage + "&updated_since=" + since + "&page=" + (page + 1);
      headers.put("Link", "<" + api.url(next) + ">; rel=\"next\"");
    }
    return new LocalApi.Response(200, "[" + String.join(",", json) + "]", headers);
  }

  private static Map<String, String> query(@Nullable String raw) {
    Map<String, String> q = new java.util.HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        q.put(
            pair.substring(0, eq),
            java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return q;
  }
}
