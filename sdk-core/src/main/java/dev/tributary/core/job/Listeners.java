package dev.tributary.core.job;

import dev.tributary.core.TributaryException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener, so that one that throws neither stops the others nor the run. */
final class Listeners implements RunListener {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final List<RunListener> listeners;

  Listeners(List<RunListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  private void each(Consumer<RunListener> call) {
    for (RunListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        log.warn("run listener {} threw; ignored", l.getClass().getName(), e);
      }
    }
  }

  @Override
  public void runStarted(RunSnapshot run) {
    each(l -> l.runStarted(run));
  }

  @Override
  public void progressed(RunSnapshot run) {
    each(l -> l.progressed(run));
  }

  @Override
  public void itemRejected(String jobId, long runNumber, Object item, TributaryException error) {
    each(l -> l.itemRejected(jobId, runNumber, item, error));
  }

  @Override
  public void runFinished(RunSnapshot run) {
    each(l -> l.runFinished(run));
  }
}
