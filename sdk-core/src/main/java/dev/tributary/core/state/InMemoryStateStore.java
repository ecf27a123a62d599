package dev.tributary.core.state;

import dev.tributary.core.connector.Checkpoint;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link StateStore#inMemory()}: a concurrent map. Thread-safe. */
final class InMemoryStateStore implements StateStore {
  private final ConcurrentMap<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

  @Override
  public Optional<Checkpoint> load(String key) {
    return Optional.ofNullable(checkpoints.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public void save(String key, Checkpoint checkpoint) {
    checkpoints.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(checkpoint, "cp"));
  }

  @Override
  public void delete(String key) {
    checkpoints.remove(Objects.requireNonNull(key, "key"));
  }

  @Override
  public String toString() {
    return "StateStore.inMemory[" + checkpoints.size() + " keys]";
  }
}
