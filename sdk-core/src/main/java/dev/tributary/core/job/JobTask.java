package dev.tributary.core.job;

/**
 * The body of one run of a job. The SDK's own tasks ({@link Job#importing}, {@link Job#exporting})
 * are built on this; a connector whose work fits neither — a file export that streams the whole
 * audience into one file, say — writes its own with {@link Job#custom} and still gets retries, rate
 * limits, checkpoints and progress from the {@link RunContext}.
 */
@FunctionalInterface
public interface JobTask {
  /**
   * Does one run. Return normally when done, or early when {@link RunContext#stopRequested()} says
   * so (after committing a checkpoint). Throw a classified {@link
   * dev.tributary.core.TributaryException} to fail the run; an {@link InterruptedException} from a
   * runtime wait means the run was asked to stop.
   */
  void run(RunContext context) throws Exception;
}
