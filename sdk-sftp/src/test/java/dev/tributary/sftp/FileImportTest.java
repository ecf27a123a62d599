package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.TransientException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import dev.tributary.testing.time.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FileImportTest {
  @RegisterExtension
  final EmbeddedSftpServerExtension server =
      new EmbeddedSftpServerExtension(EmbeddedSftpServer.builder().user("bob", "builder"));

  SftpClient sftp;
  final List<String> received = new ArrayList<>();
  final FileImport.FileHandler collect =
      (file, key, data) ->
          received.add(file.path() + "=" + new String(data.readAllBytes(), StandardCharsets.UTF_8));

  @BeforeEach
  void connect() throws IOException {
    EmbeddedSftpServer s = server.server();
    sftp =
        SftpClient.builder(s.host())
            .port(s.port())
            .authorization(Authorization.sftpPassword("bob", Secret.of("builder")))
            .hostKeys(HostKeyPolicy.fingerprints(s.hostKeyFingerprint()))
            .build();
    Files.createDirectories(root().resolve("inbox"));
  }

  @AfterEach
  void close() {
    sftp.close();
  }

  Path root() {
    return server.server().root();
  }

  Path put(String path, String content) throws IOException {
    return Files.writeString(root().resolve(path), content, StandardCharsets.UTF_8);
  }

  @Test
  void sizeStable_waitsUntilTheFileStoppedChangingForTheInterval() throws IOException {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    FileImport inbox =
        FileImport.builder(sftp, "inbox", "*.csv")
            .readiness(Readiness.sizeStableFor(Duration.ofMinutes(1)))
            .clock(clock)
            .build();
    Path file = put("inbox/a.csv", "1,2");

    assertThat(inbox.run(collect).notReady())
        .extracting(RemoteFile::path)
        .containsExactly("inbox/a.csv");
    clock.advance(Duration.ofSeconds(59));
    assertThat(inbox.run(collect).imported()).isEmpty();

    Files.writeString(file, "\n3,4", StandardOpenOption.APPEND); // still being written
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T10:01:00Z")));
    clock.advance(Duration.ofSeconds(2));
    assertThat(inbox.run(collect).imported()).isEmpty();

    clock.advance(Duration.ofSeconds(60));
    assertThat(inbox.run(collect).imported())
        .extracting(RemoteFile::path)
        .containsExactly("inbox/a.csv");
    assertThat(received).containsExactly("inbox/a.csv=1,2\n3,4");
  }

  @Test
  void doneFile_readyOnlyWithIt_andDeletedWithTheData() throws IOException {
    FileImport inbox =
        FileImport.builder(sftp, "inbox", "*")
            .readiness(Readiness.doneFile(".done"))
            .afterRead(AfterRead.delete())
            .build();
    put("inbox/b.csv", "b");

    FileImport.Result first = inbox.run(collect);
    assertThat(first.notReady()).extracting(RemoteFile::path).containsExactly("inbox/b.csv");
    put("inbox/b.csv.done", "");
    FileImport.Result second = inbox.run(collect);

    assertThat(second.imported()).extracting(RemoteFile::path).containsExactly("inbox/b.csv");
    assertThat(received).containsExactly("inbox/b.csv=b");
    assertThat(root().resolve("inbox")).isEmptyDirectory();
  }

  @Test
  void failedFiles_movesABadFileAside_unmarked_andImportsTheNextOne() throws IOException {
    FileImport inbox =
        FileImport.builder(sftp, "inbox", "*.csv")
            .readiness(Readiness.doneFile(".done"))
            .failedFiles("failed")
            .build();
    put("inbox/a.csv", "bad");
    put("inbox/a.csv.done", "");
    put("inbox/b.csv", "good");
    put("inbox/b.csv.done", "");
    FileImport.FileHandler refuseBad =
        (file, key, data) -> {
          String text = new String(data.readAllBytes(), StandardCharsets.UTF_8);
          if (text.equals("bad")) {
            throw new ValidationException("not a CSV file");
          }
          received.add(file.path() + "=" + text);
        };

    FileImport.Result result = inbox.run(refuseBad);

    assertThat(result.imported()).extracting(RemoteFile::path).containsExactly("inbox/b.csv");
    assertThat(result.failed())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.file().path()).isEqualTo("inbox/a.csv");
              assertThat(f.movedTo()).isEqualTo("failed/a.csv");
              assertThat(f.error()).hasMessage("not a CSV file");
            });
    assertThat(root().resolve("failed/a.csv")).hasContent("bad");
    assertThat(root().resolve("failed/a.csv.done")).exists();
    assertThat(root().resolve("inbox/a.csv")).doesNotExist();

    // fixed and put back (same name, size and time stamp): it is not taken for processed
    Files.move(root().resolve("failed/a.csv"), root().resolve("inbox/a.csv"));
    Files.move(root().resolve("failed/a.csv.done"), root().resolve("inbox/a.csv.done"));
    assertThat(inbox.run(collect).imported())
        .extracting(RemoteFile::path)
        .containsExactly("inbox/a.csv");
  }

  @Test
  void failedFiles_stillStopsTheRunOnAFailureThatIsNotAboutTheFile() throws IOException {
    FileImport inbox = FileImport.builder(sftp, "inbox", "*.csv").failedFiles("failed").build();
    put("inbox/c.csv", "c");

    assertThatThrownBy(
            () ->
                inbox.run(
                    (file, key, data) -> {
                      throw new TransientException("database down");
                    }))
        .isInstanceOf(TransientException.class);

    assertThat(root().resolve("inbox/c.csv")).exists();
    assertThat(root().resolve("failed")).doesNotExist();
  }

  @Test
  void failingHandler_leavesTheFileUnprocessed_soTheNextRunReadsItAgain() throws IOException {
    FileImport inbox = FileImport.builder(sftp, "inbox", "*.csv").build();
    put("inbox/c.csv", "c");

    assertThatThrownBy(
            () ->
                inbox.run(
                    (file, key, data) -> {
                      data.read();
                      throw new IOException("database down");
                    }))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("'inbox/c.csv' failed; it stays unprocessed: database down");

    assertThat(inbox.run(collect).imported()).hasSize(1);
    assertThat(inbox.run(collect).alreadyProcessed())
        .extracting(RemoteFile::path)
        .containsExactly("inbox/c.csv");
    assertThat(received).containsExactly("inbox/c.csv=c");
  }

  @Test
  void fileStore_remembersAcrossRestarts_andANewVersionIsImportedAgain(@TempDir Path state)
      throws IOException {
    Path store = state.resolve("processed");
    put("inbox/d.csv", "v1");
    FileImport.builder(sftp, "inbox", "*.csv")
        .processedFiles(ProcessedFiles.inFile(store))
        .build()
        .run(collect);

    FileImport afterRestart =
        FileImport.builder(sftp, "inbox", "*.csv")
            .processedFiles(ProcessedFiles.inFile(store))
            .build();
    assertThat(afterRestart.run(collect).imported()).isEmpty();

    Path file = put("inbox/d.csv", "version 2");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(afterRestart.run(collect).imported()).hasSize(1);
    assertThat(received).containsExactly("inbox/d.csv=v1", "inbox/d.csv=version 2");
  }

  @Test
  void fileStore_dropsALineTornByACrash(@TempDir Path state) throws IOException {
    Path store = state.resolve("processed");
    ProcessedFiles files = ProcessedFiles.inFile(store);
    FileKey kept = new FileKey("a.csv", 10, Instant.ofEpochSecond(1000));
    files.markProcessed(kept);
    Files.writeString(store, "20\t2000\tb.c", StandardOpenOption.APPEND); // torn append

    ProcessedFiles reopened = ProcessedFiles.inFile(store);
    assertThat(reopened.isProcessed(kept)).isTrue();
    assertThat(reopened.isProcessed(new FileKey("b.c", 20, Instant.ofEpochSecond(2000)))).isFalse();
    reopened.markProcessed(new FileKey("c.csv", 3, Instant.ofEpochSecond(3)));
    assertThat(Files.readAllLines(store)).containsExactly("10\t1000\ta.csv", "3\t3\tc.csv");
  }

  @Test
  void moveAfterRead_archivesKeepingSubdirectories_andFinishesAMoveACrashInterrupted()
      throws IOException {
    ProcessedFiles processed = ProcessedFiles.inMemory();
    FileImport inbox =
        FileImport.builder(sftp, "inbox", "*.csv")
            .recursive(true)
            .processedFiles(processed)
            .afterRead(AfterRead.moveTo("archive"))
            .build();
    Files.createDirectories(root().resolve("inbox/2026"));
    put("inbox/2026/e.csv", "e");
    Path crashed = put("inbox/f.csv", "f");
    // A run that crashed after marking f.csv processed but before moving it:
    processed.markProcessed(FileKey.of(sftp.stat("inbox/f.csv").orElseThrow()));

    FileImport.Result result = inbox.run(collect);

    assertThat(result.imported()).extracting(RemoteFile::path).containsExactly("inbox/2026/e.csv");
    assertThat(result.alreadyProcessed())
        .extracting(RemoteFile::path)
        .containsExactly("inbox/f.csv");
    assertThat(received).containsExactly("inbox/2026/e.csv=e");
    assertThat(root().resolve("archive/2026/e.csv")).hasContent("e");
    assertThat(root().resolve("archive/f.csv")).hasContent("f");
    assertThat(crashed).doesNotExist();
  }
}
