package dev.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.connector.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStateStoreTest {
  private static final int MAX_NAME = 255;

  @TempDir Path dir;

  @Test
  void save_thenLoad_inANewStore_returnsTheCheckpoint() {
    Checkpoint cp = new Checkpoint("2026-12-01T10:00:00Z", Set.of("r1", "r2", "ünïcode\nkey"));
    StateStore.directory(dir).save("crm-import", cp);

    assertThat(StateStore.directory(dir).load("crm-import")).contains(cp);
    assertThat(StateStore.directory(dir).load("other")).isEmpty();
  }

  @Test
  void initialCheckpoint_roundTripsItsNullCursor() {
    StateStore store = StateStore.directory(dir);
    store.save("a", Checkpoint.initial());
    assertThat(store.load("a")).contains(Checkpoint.initial());
  }

  @Test
  void save_replacesThePreviousCheckpoint_andLeavesNoTemporaryFile() throws IOException {
    StateStore store = StateStore.directory(dir);
    store.save("a", Checkpoint.at("1"));
    store.save("a", Checkpoint.at("2"));
    assertThat(store.load("a")).contains(Checkpoint.at("2"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.checkpoint");
    }
  }

  @Test
  void crashMidWrite_leavesThePreviousCheckpoint_andTheNextSaveSucceeds() throws IOException {
    DirectoryStateStore store = new DirectoryStateStore(dir);
    store.save("job", Checkpoint.at("page-7"));
    // A process that died while writing leaves a partial temporary file next to the real one.
    Path file = store.fileFor("job");
    byte[] whole = CheckpointCodec.encode(Checkpoint.at("page-8"));
    Files.write(file.resolveSibling(file.getFileName() + ".tmp"), Arrays.copyOf(whole, 9));

    StateStore restarted = StateStore.directory(dir);
    assertThat(restarted.load("job")).contains(Checkpoint.at("page-7"));
    restarted.save("job", Checkpoint.at("page-8"));
    assertThat(restarted.load("job")).contains(Checkpoint.at("page-8"));
  }

  @Test
  void truncatedFile_isReportedAsCorrupt_namingTheFileAndTheFix() throws IOException {
    DirectoryStateStore store = new DirectoryStateStore(dir);
    store.save("job", new Checkpoint("c", Set.of("k")));
    Path file = store.fileFor("job");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

    assertThatThrownBy(() -> store.load("job"))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("truncated")
        .hasMessageContaining("delete it to start that job from the beginning");
  }

  @Test
  void flippedByte_failsTheChecksum() throws IOException {
    DirectoryStateStore store = new DirectoryStateStore(dir);
    store.save("job", Checkpoint.at("cursor-value"));
    Path file = store.fileFor("job");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 12] ^= 0x20;
    Files.write(file, bytes);

    assertThatThrownBy(() -> store.load("job"))
        .isInstanceOfSatisfying(
            CorruptStateException.class, e -> assertThat(e.path()).isEqualTo(file))
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void foreignFile_isNotMistakenForACheckpoint() throws IOException {
    DirectoryStateStore store = new DirectoryStateStore(dir);
    Files.writeString(store.fileFor("job"), "cursor=5\n");
    assertThatThrownBy(() -> store.load("job"))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("not a Tributary checkpoint file");
  }

  @Test
  void keys_mapToDistinctSafeFileNames() {
    DirectoryStateStore store = new DirectoryStateStore(dir);
    assertThat(store.fileFor("vip-export").getFileName()).hasToString("vip-export.checkpoint");
    assertThat(store.fileFor("A/b..c").getFileName()).hasToString("%41%2Fb%2E%2Ec.checkpoint");
    assertThat(store.fileFor("a")).isNotEqualTo(store.fileFor("A"));
    String longKey = "x".repeat(300);
    assertThat(store.fileFor(longKey).getFileName().toString()).hasSizeLessThanOrEqualTo(MAX_NAME);
    assertThat(store.fileFor(longKey)).isNotEqualTo(store.fileFor(longKey + "y"));

    store.save("A/b..c", Checkpoint.at("1"));
    store.save(longKey, Checkpoint.at("2"));
    assertThat(store.load("A/b..c")).contains(Checkpoint.at("1"));
    assertThat(store.load(longKey)).contains(Checkpoint.at("2"));
  }

  @Test
  void delete_forgetsTheKey() {
    StateStore store = StateStore.directory(dir);
    store.save("a", Checkpoint.at("1"));
    store.delete("a");
    store.delete("never-saved");
    assertThat(store.load("a")).isEmpty();
  }

  @Test
  void inMemory_behavesLikeAStore() {
    StateStore store = StateStore.inMemory();
    store.save("a", Checkpoint.at("1"));
    assertThat(store.load("a")).contains(Checkpoint.at("1"));
    store.delete("a");
    assertThat(store.load("a")).isEmpty();
  }
}
