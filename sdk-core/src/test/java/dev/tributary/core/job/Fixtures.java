package dev.tributary.core.job;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.Technique;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small in-memory connectors and sources for runtime tests. */
final class Fixtures {
  static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("memory")
          .name("In-memory test connector")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.EXPORT, IntegrationPattern.IMPORT)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.SCHEDULED)
          .build();
  static final ConnectorConfig CONFIG = ConnectorConfig.parse(DESCRIPTOR, Map.of());
  static final Authorization AUTH = Authorization.bearer(Secret.of("token"));

  private Fixtures() {}

  /** Writes a batch. */
  interface Writer<T> {
    BatchResult write(ConnectorContext context, List<T> batch) throws Exception;
  }

  /** An export connector that records every batch it is sent and answers with {@code writer}. */
  static final class Recording<T> implements ExportConnector<T> {
    final List<List<T>> batches = new CopyOnWriteArrayList<>();
    private final int maxBatchSize;
    private volatile Writer<T> writer = (c, b) -> BatchResult.allOk(b.size());

    Recording(int maxBatchSize) {
      this.maxBatchSize = maxBatchSize;
    }

    Recording<T> answering(Writer<T> writer) {
      this.writer = writer;
      return this;
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public int maxBatchSize() {
      return maxBatchSize;
    }

    @Override
    public BatchResult write(ConnectorContext context, List<T> batch) {
      batches.add(List.copyOf(batch));
      try {
        return writer.write(context, batch);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    List<T> written() {
      List<T> all = new ArrayList<>();
      batches.forEach(all::addAll);
      return all;
    }
  }

  /** A source over a fixed list, paged by position (the cursor is the next index). */
  static <T> Source<T> listSource(List<T> items) {
    return (from, max) -> {
      int start = from.cursorValue().map(Integer::parseInt).orElse(0);
      int end = Math.min(items.size(), start + max);
      return new Page<>(
          items.subList(start, end), Checkpoint.at(Integer.toString(end)), end == items.size());
    };
  }
}
