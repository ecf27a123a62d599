package dev.tributary.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import dev.tributary.testing.SshTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transfers against the embedded MINA SFTP server, which can also drop connections on cue. */
class EmbeddedServerTransferTest {
  @RegisterExtension
  final EmbeddedSftpServerExtension sftp =
      new EmbeddedSftpServerExtension(
          EmbeddedSftpServer.builder()
              .user("alice", "wonderland")
              .authorizedKey("alice", SshTestKeys.CLIENT_RSA_PEM_PROTECTED));

  final List<SftpClient> clients = new ArrayList<>();

  SftpClientBuilder builder() {
    EmbeddedSftpServer server = sftp.server();
    return SftpClient.builder(server.host())
        .port(server.port())
        .authorization(Authorization.sftpPassword("alice", Secret.of("wonderland")))
        .hostKeys(HostKeyPolicy.fingerprints(server.hostKeyFingerprint()))
        .retryDelay(Duration.ZERO);
  }

  SftpClient client() {
    return track(builder().build());
  }

  SftpClient track(SftpClient c) {
    clients.add(c);
    return c;
  }

  Path root() {
    return sftp.server().root();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(SftpClient::close);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1, 255 * 1024 + 7, 3_000_001})
  void uploadThenDownload_returnsTheSameBytes(int size) throws Exception {
    byte[] data = TestData.bytes(size, size);
    SftpClient c = client();

    UploadResult result =
        c.upload(
            "f.bin",
            new ByteArrayInputStream(data),
            UploadOptions.builder().computeMd5(true).build());
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    long n = c.download("f.bin", back);

    assertThat(result.size()).isEqualTo(size);
    assertThat(result.md5Hex()).contains(TestData.md5(data));
    assertThat(n).isEqualTo(size);
    assertThat(TestData.sha256(back.toByteArray())).isEqualTo(TestData.sha256(data));
    assertThat(TestData.sha256(Files.readAllBytes(root().resolve("f.bin"))))
        .isEqualTo(TestData.sha256(data));
  }

  @Test
  void privateKeyInEncryptedPem_logsIn() {
    SftpClient c =
        track(
            builder()
                .authorization(SshTestKeys.CLIENT_RSA_PEM_PROTECTED.authorization("alice"))
                .build());
    assertThat(c.stat("")).hasValueSatisfying(f -> assertThat(f.isDirectory()).isTrue());
  }

  @Test
  void wrongPassword_isAConfigErrorNamingTheLogin() {
    SftpClient c =
        track(
            builder()
                .authorization(Authorization.sftpPassword("alice", Secret.of("nope")))
                .build());
    assertThatThrownBy(() -> c.list("", "*"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("login to alice@127.0.0.1:" + sftp.server().port() + " was refused")
        .hasMessageContaining("SFTP password")
        .hasMessageNotContaining("nope");
  }

  @Test
  void openUpload_isTheEndOfAGzipPipeline_andAppearsOnlyOnCommit() throws Exception {
    SftpClient c = client();
    try (RemoteUpload upload =
            c.openUpload(
                "out/export.csv.gz", UploadOptions.builder().createDirectories(true).build());
        GZIPOutputStream gzip = new GZIPOutputStream(upload)) {
      for (int i = 0; i < 20_000; i++) {
        gzip.write(("id-" + i + ",name-" + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
      gzip.finish();
      assertThat(Files.exists(root().resolve("out/export.csv.gz"))).isFalse();
      upload.commit();
    }
    try (GZIPInputStream in =
        new GZIPInputStream(Files.newInputStream(root().resolve("out/export.csv.gz")))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
          .hasSize(20_000)
          .endsWith("id-19999,name-19999");
    }
    assertThat(names(root().resolve("out"))).containsExactly("export.csv.gz");
  }

  @Test
  void uploadWriter_mayCloseItsGzipStream_andCommitsOnReturn() throws Exception {
    UploadResult r =
        client()
            .upload(
                "w.csv.gz",
                UploadOptions.defaults(),
                out -> {
                  try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
                  }
                });
    assertThat(r.path()).isEqualTo("w.csv.gz");
    try (GZIPInputStream in =
        new GZIPInputStream(Files.newInputStream(root().resolve("w.csv.gz")))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
    }
  }

  @Test
  void uploadWriter_thatThrows_leavesNothing() {
    assertThatThrownBy(
            () ->
                client()
                    .upload(
                        "fail.csv",
                        UploadOptions.defaults(),
                        out -> {
                          out.write(TestData.bytes(200_000, 2));
                          throw new java.io.IOException("source database went away");
                        }))
        .isInstanceOf(dev.tributary.core.TransientException.class)
        .hasMessageContaining("nothing was committed: source database went away");
    assertThat(root().toFile().list()).isEmpty();
  }

  @Test
  void openUpload_closedWithoutCommit_leavesNothing() throws Exception {
    SftpClient c = client();
    try (RemoteUpload upload = c.openUpload("half.bin", UploadOptions.defaults())) {
      upload.write(TestData.bytes(100_000, 1));
    }
    assertThat(names(root())).isEmpty();
  }

  @Test
  void existingTarget_failSkipOverwrite() throws Exception {
    SftpClient c = client();
    Files.writeString(root().resolve("t.txt"), "old");

    assertThatThrownBy(() -> c.upload("t.txt", bytes("new")))
        .isInstanceOfSatisfying(
            RemoteFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RemoteFileException.Reason.EXISTS);
              assertThat(e.path()).isEqualTo("t.txt");
            });
    UploadResult skipped =
        c.upload(
            "t.txt",
            bytes("new"),
            UploadOptions.builder().existingTarget(ExistingTarget.SKIP).build());
    assertThat(skipped.skipped()).isTrue();
    assertThat(Files.readString(root().resolve("t.txt"))).isEqualTo("old");

    c.upload(
        "t.txt",
        bytes("new"),
        UploadOptions.builder().existingTarget(ExistingTarget.OVERWRITE).build());
    assertThat(Files.readString(root().resolve("t.txt"))).isEqualTo("new");
    assertThat(names(root())).containsExactly("t.txt");
  }

  @Test
  void doneFile_followsTheData_withNameSizeAndMd5() throws Exception {
    byte[] data = TestData.bytes(70_000, 3);
    UploadResult r =
        client()
            .upload(
                "d/x.csv",
                new ByteArrayInputStream(data),
                UploadOptions.builder()
                    .createDirectories(true)
                    .doneFile(DoneFile.withChecksum(".done"))
                    .build());
    assertThat(r.doneFilePath()).contains("d/x.csv.done");
    assertThat(Files.readString(root().resolve("d/x.csv.done")))
        .isEqualTo("name=x.csv\nsize=70000\nmd5=" + TestData.md5(data) + "\n");
    assertThat(names(root().resolve("d"))).containsExactlyInAnyOrder("x.csv", "x.csv.done");
  }

  @Test
  void nonAtomicUpload_writesInPlace_andRefusesAnExistingTarget() throws Exception {
    SftpClient c = client();
    UploadOptions inPlace = UploadOptions.builder().atomic(false).build();
    c.upload("p.txt", bytes("one"), inPlace);
    assertThat(Files.readString(root().resolve("p.txt"))).isEqualTo("one");
    assertThatThrownBy(() -> c.upload("p.txt", bytes("two"), inPlace))
        .isInstanceOf(RemoteFileException.class);
    assertThat(Files.readString(root().resolve("p.txt"))).isEqualTo("one");
  }

  @Test
  void droppedConnectionMidUpload_resumesWithoutReadingTheSourceAgain() throws Exception {
    byte[] data = TestData.bytes(3 * 1024 * 1024, 5);
    sftp.server().dropConnectionsAfter(1024 * 1024);
    UploadResult r =
        client()
            .upload(
                "r.bin",
                new ByteArrayInputStream(data),
                UploadOptions.builder().computeMd5(true).build());
    assertThat(r.md5Hex()).contains(TestData.md5(data));
    assertThat(TestData.sha256(Files.readAllBytes(root().resolve("r.bin"))))
        .isEqualTo(TestData.sha256(data));
    assertThat(sftp.server().sessionsOpened()).isEqualTo(2);
    assertThat(names(root())).containsExactly("r.bin");
  }

  @Test
  void manyDownloadsThroughOneClient_withReusedReadBuffers_returnEveryByteInOrder()
      throws Exception {
    // 4 KiB reads, 32 in flight: each download recycles its read buffers hundreds of times; a
    // buffer given to two reads at once, or to a new read before its bytes were read out, would
    // corrupt the stream (seen failing with the pool handing the same buffer to every read).
    SftpClient c = track(builder().readAhead(32, 4096).maxConnections(1).build());
    for (int i = 0; i < 3; i++) {
      byte[] data = TestData.bytes(1_500_000 + i * 4096 + i, 20 + i);
      Files.write(root().resolve("m" + i + ".bin"), data);
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      assertThat(c.download("m" + i + ".bin", back)).isEqualTo(data.length);
      assertThat(TestData.sha256(back.toByteArray())).isEqualTo(TestData.sha256(data));
      try (InputStream in = c.openDownload("m" + i + ".bin")) {
        assertThat(TestData.sha256(in.readAllBytes())).isEqualTo(TestData.sha256(data));
      }
    }
    assertThat(sftp.server().sessionsOpened()).isEqualTo(1);
  }

  @Test
  void warmUp_isHarmless_andMayBeCalledAgain() throws Exception {
    SftpClient.warmUp();
    SftpClient.warmUp();
    byte[] data = TestData.bytes(70_000, 9);
    SftpClient c = client();
    c.upload("w.bin", new ByteArrayInputStream(data));
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    c.download("w.bin", back);
    assertThat(back.toByteArray()).isEqualTo(data);
  }

  @Test
  void droppedConnectionMidDownload_resumes() throws Exception {
    byte[] data = TestData.bytes(3 * 1024 * 1024, 6);
    Files.write(root().resolve("d.bin"), data);
    sftp.server().dropConnectionsAfter(1024 * 1024);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    client().download("d.bin", back);
    assertThat(TestData.sha256(back.toByteArray())).isEqualTo(TestData.sha256(data));
    assertThat(sftp.server().sessionsOpened()).isEqualTo(2);
  }

  @Test
  void droppedConnection_withNoAttemptLeft_failsAsALostConnectionNamingTheTransfer()
      throws Exception {
    byte[] data = TestData.bytes(3 * 1024 * 1024, 10);
    Files.write(root().resolve("g.bin"), data);
    SftpClient once = track(builder().maxAttempts(1).build());
    sftp.server().dropConnectionsAfter(1024 * 1024);

    assertThatThrownBy(() -> once.upload("u.bin", new ByteArrayInputStream(data)))
        .isInstanceOf(dev.tributary.core.TransientException.class)
        .hasMessageStartingWith("lost the SFTP connection to ")
        .hasMessageContaining(" while trying to upload ")
        .hasMessageContaining("u.bin");
    assertThat(root().resolve("u.bin")).doesNotExist();
    sftp.server().dropConnectionsAfter(1024 * 1024); // a drop happens once: arm it again
    assertThatThrownBy(() -> once.download("g.bin", OutputStream.nullOutputStream()))
        .isInstanceOf(dev.tributary.core.TransientException.class)
        .hasMessageStartingWith("lost the SFTP connection to ")
        .hasMessageContaining(" while trying to download ")
        .hasMessageContaining("g.bin");
  }

  @Test
  void downloadToAFile_keepsAPartFileAfterFailure_andTheNextCallResumesIt(@TempDir Path dir)
      throws Exception {
    byte[] data = TestData.bytes(2 * 1024 * 1024, 8);
    Files.write(root().resolve("l.bin"), data);
    Path local = dir.resolve("l.bin");
    SftpClient once = track(builder().maxAttempts(1).build());
    sftp.server().dropConnectionsAfter(700 * 1024);

    assertThatThrownBy(() -> once.download("l.bin", local))
        .isInstanceOf(dev.tributary.core.TransientException.class);
    assertThat(local).doesNotExist();
    long partial = Files.size(dir.resolve("l.bin.part"));
    assertThat(partial).isGreaterThan(0).isLessThan(data.length);

    assertThat(once.download("l.bin", local)).isEqualTo(data.length);
    assertThat(Files.readAllBytes(local)).isEqualTo(data);
    assertThat(dir.resolve("l.bin.part")).doesNotExist();
  }

  @Test
  void concurrentReader_neverSeesAPartialFileUnderItsFinalName() throws Exception {
    byte[] data = TestData.bytes(2 * 1024 * 1024, 9);
    SftpClient writer = client();
    SftpClient reader = client();
    List<List<RemoteFile>> seenMidway = new ArrayList<>();
    FileImport inbox = FileImport.builder(reader, "", "*.csv").build();
    List<byte[]> imported = new ArrayList<>();
    FileImport.FileHandler handler = (file, key, in) -> imported.add(in.readAllBytes());

    writer.upload(
        "in.csv",
        Hooks.afterReading(
            new ByteArrayInputStream(data),
            1024 * 1024,
            () -> {
              seenMidway.add(reader.list("", "*.csv"));
              inbox.run(handler);
            }));

    assertThat(seenMidway).containsExactly(List.of());
    assertThat(imported).isEmpty();
    assertThat(inbox.run(handler).imported())
        .extracting(RemoteFile::path)
        .containsExactly("in.csv");
    assertThat(imported).hasSize(1);
    assertThat(imported.get(0)).isEqualTo(data);
  }

  @Test
  void missingFiles_areConfigErrorsNamingThePath_andTheConnectionStaysInUse() {
    SftpClient c = client();
    assertThatThrownBy(() -> c.download("nope.csv", OutputStream.nullOutputStream()))
        .isInstanceOfSatisfying(
            RemoteFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RemoteFileException.Reason.NOT_FOUND);
              assertThat(e.path()).isEqualTo("nope.csv");
            })
        .hasMessage("cannot download 'nope.csv': no such file or directory");
    assertThatThrownBy(() -> c.list("no-such-dir", "*"))
        .isInstanceOf(RemoteFileException.class)
        .hasMessageContaining("no-such-dir");
    assertThat(c.stat("nope.csv")).isEmpty();
    assertThat(c.delete("nope.csv")).isFalse();
    assertThat(sftp.server().sessionsOpened()).isEqualTo(1);
  }

  @Test
  void renameAndMkdirs_followTheExistingTargetPolicy() throws Exception {
    SftpClient c = client();
    c.mkdirs("a/b/c");
    c.mkdirs("a/b/c");
    Files.writeString(root().resolve("a/x"), "x");
    Files.writeString(root().resolve("a/y"), "y");
    assertThat(c.rename("a/x", "a/y", ExistingTarget.SKIP)).isFalse();
    assertThatThrownBy(() -> c.rename("a/x", "a/y", ExistingTarget.FAIL))
        .isInstanceOf(RemoteFileException.class);
    assertThat(c.rename("a/x", "a/b/c/x", ExistingTarget.FAIL)).isTrue();
    assertThat(c.rename("a/b/c/x", "a/y", ExistingTarget.OVERWRITE)).isTrue();
    assertThat(root().resolve("a/y")).hasContent("x");
    assertThat(c.listRecursive("a", "*"))
        .extracting(RemoteFile::path)
        .containsExactly("a/b", "a/b/c", "a/y");
    assertThat(c.listRecursive("", "b/*")).isEmpty();
    assertThat(c.listRecursive("a", "b/*")).extracting(RemoteFile::path).containsExactly("a/b/c");
  }

  @Test
  void manyOperations_reuseOneConnection() throws Exception {
    SftpClient c = client();
    for (int i = 0; i < 10; i++) {
      c.upload("f" + i, bytes("x" + i));
      assertThat(c.stat("f" + i)).isPresent();
      c.download("f" + i, OutputStream.nullOutputStream());
    }
    assertThat(c.list("", "f*")).hasSize(10);
    assertThat(sftp.server().sessionsOpened()).isEqualTo(1);
  }

  @Test
  void parallelUploads_stayWithinTheConnectionLimit() throws Exception {
    SftpClient c = track(builder().maxConnections(2).build());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<UploadResult>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        byte[] data = TestData.bytes(200_000, i);
        String name = "par-" + i;
        results.add(pool.submit(() -> c.upload(name, new ByteArrayInputStream(data))));
      }
      for (Future<UploadResult> r : results) {
        assertThat(r.get().size()).isEqualTo(200_000);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(sftp.server().sessionsOpened()).isBetween(1, 2);
    for (int i = 0; i < 12; i++) {
      assertThat(Files.readAllBytes(root().resolve("par-" + i)))
          .isEqualTo(TestData.bytes(200_000, i));
    }
  }

  static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> names(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
