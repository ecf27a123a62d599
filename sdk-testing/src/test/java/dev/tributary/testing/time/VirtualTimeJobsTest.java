package dev.tributary.testing.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.TransientException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.TestSources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VirtualTimeJobsTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final List<String> sent = new CopyOnWriteArrayList<>();

  /**
   * Writes items two at a time; refuses "bad", and asks to wait 7 s the first time it sees "slow".
   */
  final ExportConnector<String> export =
      new ExportConnector<>() {
        boolean slowedDown;

        @Override
        public ConnectorDescriptor descriptor() {
          return ConnectorDescriptor.builder("strings")
              .name("Strings")
              .type(IntegrationType.SERVER_TO_SERVER)
              .patterns(IntegrationPattern.EXPORT)
              .techniques(Technique.REST_API)
              .frequencies(Frequency.SCHEDULED)
              .build();
        }

        @Override
        public int maxBatchSize() {
          return 2;
        }

        @Override
        public BatchResult write(ConnectorContext context, List<String> batch) {
          if (batch.contains("slow") && !slowedDown) {
            slowedDown = true;
            throw new TransientException("slow down", Duration.ofSeconds(7), null);
          }
          List<ItemResult> results = new ArrayList<>();
          for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).equals("bad")) {
              results.add(ItemResult.failed(i, new ValidationException("bad item")));
            } else {
              sent.add(batch.get(i) + "@" + context.clock().instant());
              results.add(ItemResult.ok(i));
            }
          }
          return new BatchResult(results);
        }
      };

  JobHandle hourly(JobRunner runner, List<String> items) {
    return runner.add(
        Job.exporting(
                "hourly",
                export,
                ConnectorConfig.parse(export.descriptor(), Map.of()),
                Authorization.none(),
                TestSources.paged(items))
            .schedule(Schedule.parse("every 1h"))
            .retry(RetryOptions.builder().jitter(0).build())
            .restartEachRun(true)
            .build());
  }

  @Test
  void advance_runsWhatFallsDue_onTheClock_andRecordsRunsAndRejections() {
    hourly(jobs.runner(StateStore.inMemory()), List.of("a", "slow", "bad"));

    jobs.advance(Duration.ofMinutes(59));
    assertThat(jobs.finished()).isEmpty();
    jobs.advance(Duration.ofMinutes(1));

    assertThat(sent).containsExactly("a@2026-12-01T11:00:07Z", "slow@2026-12-01T11:00:07Z");
    assertThat(jobs.clock().sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(jobs.finished())
        .extracting(RunSnapshot::status)
        .containsExactly(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(0).itemsRejected()).isEqualTo(1);
    assertThat(jobs.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.jobId()).isEqualTo("hourly"))
        .satisfies(r -> assertThat(r.item()).isEqualTo("bad"));
    assertThat(jobs.rejected(String.class, s -> s)).containsExactly("bad: bad item");
  }

  @Test
  void runNow_runsAtTheClocksTime_andReturnsHowTheRunEnded() throws Exception {
    JobHandle job = hourly(jobs.runner(StateStore.inMemory()), List.of("a", "b", "c"));

    RunSnapshot run = jobs.runNow(job);

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsWritten()).isEqualTo(3);
    assertThat(sent).containsExactly("a@" + T0, "b@" + T0, "c@" + T0);
    assertThat(jobs.finished()).containsExactly(run);
  }

  @Test
  void on_sharesTheClockATestAlreadyHas() {
    ManualClock clock = new ManualClock(T0);

    VirtualTimeJobs shared = VirtualTimeJobs.on(clock);
    shared.advance(Duration.ofMinutes(5));

    assertThat(shared.clock()).isSameAs(clock);
    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }
}
