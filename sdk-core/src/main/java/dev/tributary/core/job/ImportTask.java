package dev.tributary.core.job;

import dev.tributary.core.SystemException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.Page;
import dev.tributary.core.retry.BatchOutcome;
import java.util.ArrayList;
import java.util.List;

/** {@link Job#importing}: page, commit, checkpoint, until the source's last page. */
final class ImportTask<T> implements JobTask {
  private final ImportConnector<T> connector;
  private final Sink<? super T> sink;

  ImportTask(ImportConnector<T> connector, Sink<? super T> sink) {
    this.connector = connector;
    this.sink = sink;
  }

  @Override
  public void run(RunContext context) throws Exception {
    Checkpoint from = context.checkpoint().orElse(Checkpoint.initial());
    while (!context.stopRequested()) {
      Checkpoint at = from;
      Page<T> page = context.retrier().call(() -> connector.read(context.connectorContext(), at));
      context.itemsRead(page.records().size());
      if (!page.records().isEmpty()) {
        List<T> records = new ArrayList<>(page.records());
        BatchOutcome<T> outcome = context.hostRetrier().writeBatch(records, b -> sink.commit(b));
        context.itemsWritten(outcome.written());
        outcome.rejected().forEach(r -> context.itemRejected(r.item(), r.error()));
      } else if (!page.last() && page.next().equals(from)) {
        throw new SystemException(
            "connector "
                + connector.descriptor().id()
                + " returned an empty page that does not move past "
                + from
                + " and is not the last: the import would never end");
      }
      context.commit(page.next());
      from = page.next();
      if (page.last()) {
        return;
      }
    }
  }
}
