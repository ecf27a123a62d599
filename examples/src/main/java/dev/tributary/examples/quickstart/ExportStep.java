package dev.tributary.examples.quickstart;

import dev.tributary.connectors.file.FileDelivery;
import dev.tributary.connectors.file.FileExportConnector;
import dev.tributary.connectors.file.FileExportTask;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.schedule.Schedule;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Step 2 of 6: the audience as a PGP-encrypted, gzipped CSV file on the SFTP server, exported by a
 * job on a schedule ({@value #SCHEDULE}): the runner fires it, the task streams the audience into
 * the upload, and the checkpoint is committed once the upload is in place.
 */
final class ExportStep {
  static final String SCHEDULE = "every 1s";
  static final String JOB = "vip-export";

  record Result(FileDelivery delivery, RunSnapshot run) {}

  private ExportStep() {}

  static Result run(Sandbox sandbox, SampleProfiles profiles, Console console) throws Exception {
    FileExportConnector connector = FileExportConnector.toSftp(sandbox.sftp);
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of(
                "audience", SampleProfiles.AUDIENCE,
                "identities", "email, customer_id",
                "fields", "first_name, last_name, plan, country",
                "audiences", SampleProfiles.AUDIENCE,
                "gzip", "true",
                "directory", "outbox",
                "done_file", ".done",
                "schedule", SCHEDULE));
    CheckResult check = connector.check(ConnectorContext.of(config, sandbox.publicKey()));
    if (!check.isOk()) {
      throw new IllegalStateException("the export's check failed: " + check.problems());
    }
    Schedule schedule = config.schedule("schedule");
    console.line("job %s on schedule \"%s\"; next fire times:", JOB, SCHEDULE);
    for (Instant at : schedule.nextFireTimes(Instant.now(), 3)) {
      console.line("  %s", at);
    }
    CompletableFuture<FileDelivery> delivered = new CompletableFuture<>();
    CompletableFuture<RunSnapshot> finished = sandbox.runs.nextRunOf(JOB);
    JobHandle job =
        sandbox.runner.add(
            dev.tributary.core.job.Job.custom(
                    JOB,
                    connector,
                    config,
                    sandbox.publicKey(),
                    FileExportTask.builder(connector, profiles.audienceSource())
                        .pageSize(10)
                        .onDelivered(delivered::complete)
                        .build())
                .schedule(schedule)
                .restartEachRun(true)
                .build());
    RunSnapshot run = finished.get(30, TimeUnit.SECONDS);
    job.cancel(); // one scheduled run is enough here
    if (run.status() != RunStatus.SUCCEEDED) {
      throw run.failureCause()
          .<RuntimeException>map(e -> e)
          .orElseGet(() -> new IllegalStateException("the export run ended " + run.status()));
    }
    FileDelivery delivery = delivered.getNow(null);
    console.line(
        "exported %d profiles to %s (%,d bytes: CSV → gzip → PGP for key %s)",
        delivery.profiles(), delivery.location(), delivery.bytes(), sandbox.partnerKey.keyId());
    return new Result(delivery, run);
  }
}
