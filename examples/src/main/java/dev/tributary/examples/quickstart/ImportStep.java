package dev.tributary.examples.quickstart;

import dev.tributary.connectors.file.FileImportConnector;
import dev.tributary.connectors.file.FileImportTask;
import dev.tributary.connectors.file.RowsToProfiles;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.model.Event;
import dev.tributary.core.model.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Step 3 of 6: the exported file imported back, as a partner's file would be: found in the SFTP
 * directory once its done-file is there, decrypted with the partner's private key, gunzipped,
 * parsed, mapped and resolved into a profile store that already knows two of the people from two
 * other sources — one by customer number, one by e-mail — which the file's rows join into one
 * profile each. Columns the mapping does not read become raw events.
 */
final class ImportStep {
  static final String JOB = "vip-import";

  record Result(
      RunSnapshot run, RowsToProfiles.Stats stats, ProfileStore store, List<Profile> merged) {}

  private ImportStep() {}

  static Result run(Sandbox sandbox, SampleProfiles profiles, Console console) throws Exception {
    ProfileStore store = ProfileStore.inMemory();
    IdentityResolver resolver =
        IdentityResolver.builder(store)
            .keys(IdentityKey.email("email"), IdentityKey.trimmed("customer_id"))
            .build();
    List<Profile> known = seed(resolver, profiles);
    console.line(
        "the store knows %d profiles already: %s by customer number (web), %s by e-mail (app)",
        store.size(),
        known.get(0).identity("customer_id").orElseThrow(),
        known.get(0).identity("email").orElseThrow());
    List<Event> events = new CopyOnWriteArrayList<>();
    RowsToProfiles sink =
        RowsToProfiles.builder(mapping(), resolver)
            .sourceName("partner-file")
            .rawEvents("partner_row", events::add)
            .build();
    FileImportConnector connector = FileImportConnector.fromSftp(sandbox.sftp);
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of(
                "directory", "outbox",
                "pattern", "*.csv.gz.pgp",
                "done_file", ".done",
                "after_read", "archive",
                "page_size", "5"));
    RunSnapshot run =
        sandbox
            .runner
            .add(FileImportTask.job(JOB, connector, config, sandbox.privateKey(), sink).build())
            .runNow()
            .get(30, TimeUnit.SECONDS);
    if (run.status() != RunStatus.SUCCEEDED) {
      throw run.failureCause()
          .<RuntimeException>map(e -> e)
          .orElseGet(() -> new IllegalStateException("the import run ended " + run.status()));
    }
    RowsToProfiles.Stats stats = sink.stats();
    console.line(
        "imported %d rows: %d profiles created, %d updated, %d merged; %d raw events kept",
        run.itemsWritten(), stats.created(), stats.updated(), stats.merged(), events.size());
    List<Profile> merged = new ArrayList<>();
    for (Profile k : known) {
      Profile p =
          store
              .get(store.find("email", k.identity("email").orElseThrow()).orElseThrow())
              .orElseThrow()
              .profile();
      merged.add(p);
      console.line("merged %s: %s %s", p.id(), p.identities(), p.fields());
    }
    console.line(
        "the file is marked processed and moved to archive/ (%d files there now)",
        sandbox.sftp.list("archive", "*").size());
    return new Result(run, stats, store, merged);
  }

  private static FieldMapping mapping() {
    return FieldMapping.builder()
        .identity("email", "email")
        .identity("customer_id", "customer_id")
        .field(FieldRule.of("first_name"))
        .field(FieldRule.of("last_name"))
        .field(FieldRule.of("plan"))
        .field(FieldRule.of("country"))
        .build();
  }

  /**
   * Two audience members, each known twice already: by customer number from the web shop, and by
   * e-mail from the app — two profiles per person until the file joins them.
   */
  private static List<Profile> seed(IdentityResolver resolver, SampleProfiles profiles) {
    Instant before = Instant.now().minusSeconds(3600);
    List<Profile> people = profiles.audience().subList(0, 2);
    for (Profile p : people) {
      resolver.resolve(
          new SourceRecord(
              Map.of("customer_id", p.identity("customer_id").orElseThrow()),
              Map.of("last_seen", "2026-11-30"),
              before,
              "web"));
      resolver.resolve(
          new SourceRecord(
              Map.of("email", p.identity("email").orElseThrow()),
              Map.of("app_version", "4.2"),
              before,
              "app"));
    }
    return people;
  }
}
