package dev.tributary.core.job;

import dev.tributary.core.SystemException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Page;
import dev.tributary.core.retry.BatchOutcome;
import java.util.ArrayList;
import java.util.List;

/** {@link Job#exporting}: read a batch, write it, checkpoint, until the source's last page. */
final class ExportTask<T> implements JobTask {
  private final ExportConnector<T> connector;
  private final Source<? extends T> source;
  private final int batchSize;

  ExportTask(ExportConnector<T> connector, Source<? extends T> source, int batchSize) {
    this.connector = connector;
    this.source = source;
    this.batchSize = Math.min(batchSize, Math.max(1, connector.maxBatchSize()));
  }

  @Override
  public void run(RunContext context) throws Exception {
    Checkpoint from = context.checkpoint().orElse(Checkpoint.initial());
    while (!context.stopRequested()) {
      Checkpoint at = from;
      Page<? extends T> page = context.hostRetrier().call(() -> source.read(at, batchSize));
      List<T> items = new ArrayList<>(page.records());
      context.itemsRead(items.size());
      if (items.size() > batchSize) {
        throw new SystemException(
            "the source returned " + items.size() + " items when asked for at most " + batchSize);
      }
      if (!items.isEmpty()) {
        BatchOutcome<T> outcome =
            context
                .retrier()
                .writeBatch(items, b -> connector.write(context.connectorContext(), b));
        context.itemsWritten(outcome.written());
        outcome.rejected().forEach(r -> context.itemRejected(r.item(), r.error()));
      } else if (!page.last() && page.next().equals(from)) {
        throw new SystemException(
            "the source returned an empty page that does not move past "
                + from
                + " and is not the last: the export would never end");
      }
      context.commit(page.next());
      from = page.next();
      if (page.last()) {
        return;
      }
    }
  }
}
