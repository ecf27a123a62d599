package dev.tributary.examples.quickstart;

import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints the quickstart's progress as it goes: a header per step, detail lines, and the runtime's
 * own progress through a {@link RunListener} (run started, each checkpoint, run finished).
 */
final class Console implements RunListener {
  private final PrintWriter out;
  private final long started = System.nanoTime();

  Console(PrintWriter out) {
    this.out = out;
  }

  void step(int number, String title) {
    out.printf("%n[%d/6] %s%n", number, title);
    out.flush();
  }

  void line(String format, Object... args) {
    out.printf("      " + format + "%n", args);
    out.flush();
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void runStarted(RunSnapshot run) {
    line("· job %s: run %d started", run.jobId(), run.runNumber());
  }

  @Override
  public void progressed(RunSnapshot run) {
    if (run.itemsRead() > 0) {
      line("· job %s: checkpoint, %d read so far", run.jobId(), run.itemsRead());
    }
  }

  @Override
  public void runFinished(RunSnapshot run) {
    line(
        "· job %s: run %d %s in %d ms — read %d, written %d, rejected %d, %d bytes",
        run.jobId(),
        run.runNumber(),
        run.status() == RunStatus.STOPPED ? "STOPPED (asked to stop)" : run.status(),
        run.elapsed().toMillis(),
        run.itemsRead(),
        run.itemsWritten(),
        run.itemsRejected(),
        run.bytes());
  }
}
