package dev.tributary.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.SystemException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Sink;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.mapping.FieldType;
import dev.tributary.core.model.Event;
import dev.tributary.core.model.Profile;
import dev.tributary.core.state.StateStore;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.sftp.ProcessedFiles;
import dev.tributary.sftp.SftpClient;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SFTP file import against the embedded server, under a real JobRunner. */
class SftpFileImportTest extends ConnectorCompatibilityKit {
  static final String HEADER = "Email,First Name,Points,Campaign\n";

  @RegisterExtension
  final EmbeddedSftpServerExtension server =
      new EmbeddedSftpServerExtension(EmbeddedSftpServer.builder().user("acme", "s3cret-pw"));

  @TempDir Path state;

  SftpClient sftp;
  FileImportConnector connector;
  final ProfileStore store = ProfileStore.inMemory();
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<ValidationException> rejected = new CopyOnWriteArrayList<>();
  RowsToProfiles sink;

  @BeforeEach
  void connect() throws IOException {
    sftp = Fixtures.client(server.server(), "acme", "s3cret-pw");
    connector = FileImportConnector.fromSftp(sftp);
    Files.createDirectories(root().resolve("inbox"));
    sink =
        RowsToProfiles.builder(
                FieldMapping.builder()
                    .identity("email", "Email")
                    .field(FieldRule.of("first_name").from("First Name"))
                    .field(FieldRule.of("points").from("Points").as(FieldType.INTEGER))
                    .build(),
                IdentityResolver.builder(store).keys(IdentityKey.email("email")).build())
            .rawEvents("crm_row", events::add)
            .build();
  }

  @AfterEach
  void close() {
    sftp.close();
  }

  @Override
  protected FileImportConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("directory", "inbox", "pattern", "*.csv*", "page_size", "3");
  }

  @Override
  protected Authorization authorization() {
    return Fixtures.KEY.privateKey();
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) throws IOException {
    put("inbox/one.csv", plain(HEADER + "ann@example.com,Ann,1,x\n"));
    Page<FileRow> page = connector.read(context, Checkpoint.initial());
    assertThat(page.records()).hasSize(1);
  }

  Path root() {
    return server.server().root();
  }

  void put(String path, byte[] content) throws IOException {
    Files.write(root().resolve(path), content);
  }

  static byte[] plain(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] encrypt(byte[] data, PgpTestKeys.TestKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpEncryptor.builder()
        .recipient(PgpCertificate.of(key.publicKey()))
        .build()
        .encrypt(new java.io.ByteArrayInputStream(data), out);
    return out.toByteArray();
  }

  RunSnapshot run(Map<String, String> settings, Authorization auth, Sink<? super FileRow> rows)
      throws Exception {
    return run(settings, auth, rows, StateStore.inMemory(), connector);
  }

  RunSnapshot run(
      Map<String, String> settings,
      Authorization auth,
      Sink<? super FileRow> rows,
      StateStore stateStore,
      FileImportConnector c)
      throws Exception {
    ConnectorConfig config = ConnectorConfig.parse(c.descriptor(), settings);
    try (JobRunner runner =
        JobRunner.builder()
            .stateStore(stateStore)
            .listener(
                new RunListener() {
                  @Override
                  public void itemRejected(
                      String jobId, long run, Object item, TributaryException error) {
                    rejected.add((ValidationException) error);
                  }
                })
            .build()) {
      return runner
          .add(FileImportTask.job("crm-import", c, config, auth, rows).build())
          .runNow()
          .get(60, TimeUnit.SECONDS);
    }
  }

  Profile profile(String email) {
    return store.get(store.find("email", email).orElseThrow()).orElseThrow().profile();
  }

  @Test
  void encryptedGzippedCsv_isDecryptedParsedAndResolved_unmappedColumnsBecomeEvents()
      throws Exception {
    String csv =
        HEADER
            + "ann@example.com,Ann,1250,spring\n"
            + "BOB@example.com ,Bob,7,spring\n"
            + " ann@EXAMPLE.com,Annie,1300,summer\n";
    put("inbox/crm-2026-12-01.csv.gz.pgp", encrypt(gzip(plain(csv)), Fixtures.KEY));
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("after_read", "archive");

    RunSnapshot run = run(settings, authorization(), sink);

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsRead()).isEqualTo(3);
    assertThat(run.itemsWritten()).isEqualTo(3);
    assertThat(store.size()).isEqualTo(2);
    assertThat(profile("ann@example.com").fields())
        .containsEntry("first_name", "Annie")
        .containsEntry("points", 1300L);
    assertThat(sink.stats()).isEqualTo(new RowsToProfiles.Stats(2, 1, 0, 3));
    assertThat(events)
        .extracting(e -> e.fields().get("Campaign"))
        .containsExactly("spring", "spring", "summer");
    assertThat(events.get(1).identities()).containsEntry("email", "BOB@example.com ");
    assertThat(root().resolve("archive/crm-2026-12-01.csv.gz.pgp")).exists();
    assertThat(root().resolve("inbox/crm-2026-12-01.csv.gz.pgp")).doesNotExist();
  }

  @Test
  void malformedRows_areRejectedWithTheirLineNumbers_andTheRestOfTheFileImports() throws Exception {
    String csv =
        HEADER // line 1
            + "ann@example.com,Ann,1,a\n" // 2
            + "extra@example.com,Extra,2,b,surplus\n" // 3: too many values
            + "cy@example.com,\"Cy\nSecond Line\",3,c\n" // 4-5: a quoted line break is fine
            + "dee@example.com,Dee,lots,d\n" // 6: not a whole number
            + "eve@example.com,\"Eve\"x,5,e\n" // 7: a stray character after a quote
            + ",Nobody,6,f\n" // 8: no identifier
            + "\n" // 9: blank, skipped
            + "fay@example.com,Fay,7,g\n"; // 10
    put("inbox/rows.csv", plain(csv));

    RunSnapshot run = run(configuration(), Authorization.none(), sink);

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsRead()).isEqualTo(7);
    assertThat(run.itemsWritten()).isEqualTo(3);
    assertThat(run.itemsRejected()).isEqualTo(4);
    assertThat(rejected).extracting(ValidationException::line).containsExactly(3L, 6L, 7L, 8L);
    assertThat(rejected.get(0))
        .hasMessageContaining("line 3 has 5 values, but there are 4 columns");
    assertThat(rejected.get(1)).hasMessageContaining("line 6").hasMessageContaining("points");
    assertThat(rejected.get(2)).hasMessageContaining("'inbox/rows.csv' line 7");
    assertThat(rejected.get(3)).hasMessageContaining("no usable identifier");
    assertThat(profile("cy@example.com").fields()).containsEntry("first_name", "Cy\nSecond Line");
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void wrongKey_isAConfigError_importsNothing_andLeavesTheFileUnprocessedInPlace()
      throws Exception {
    put(
        "inbox/for-bob.csv.pgp",
        encrypt(plain(HEADER + "ann@example.com,Ann,1,a\n"), PgpTestKeys.BOB_25519));

    RunSnapshot run = run(configuration(), authorization(), sink);

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(run.failure()).hasMessageContaining(PgpTestKeys.BOB_25519.encryptionKeyId());
    assertThat(store.size()).isZero();
    assertThat(root().resolve("inbox/for-bob.csv.pgp")).exists();

    RunSnapshot withBobsKey = run(configuration(), PgpTestKeys.BOB_25519.privateKey(), sink);
    assertThat(withBobsKey.status()).as(withBobsKey.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void tamperedPgpAndTruncatedGzip_areMovedToFailed_withNoRowImported_andGoodFilesImport()
      throws Exception {
    byte[] encrypted = encrypt(plain(HEADER + "ann@example.com,Ann,1,a\n"), Fixtures.KEY);
    encrypted[encrypted.length - 30] ^= 0x01;
    put("inbox/a-tampered.csv.pgp", encrypted);
    byte[] gz = gzip(plain(HEADER + "bob@example.com,Bob,1,a\n".repeat(2000)));
    put("inbox/b-truncated.csv.gz", Arrays.copyOf(gz, gz.length / 2));
    put("inbox/c-good.csv", plain(HEADER + "cy@example.com,Cy,3,c\n"));

    RunSnapshot run = run(configuration(), authorization(), sink);

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(store.size()).as("only the good file's row").isEqualTo(1);
    assertThat(profile("cy@example.com").fields()).containsEntry("first_name", "Cy");
    assertThat(root().resolve("failed/a-tampered.csv.pgp")).exists();
    assertThat(root().resolve("failed/b-truncated.csv.gz")).exists();
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(1)).hasMessageContaining("gzip data is damaged or cut short");
  }

  @Test
  void crashMidFile_theRestartCommitsEveryRowExactlyOnce() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 10; i++) {
      csv.append("user")
          .append(i)
          .append("@example.com,User ")
          .append(i)
          .append(',')
          .append(i)
          .append(",x\n");
    }
    put("inbox/big.csv", plain(csv.toString()));
    Map<Long, Integer> commitsPerLine = new ConcurrentHashMap<>();
    AtomicInteger pages = new AtomicInteger();
    Sink<FileRow> crashesOnThirdPage =
        rows -> {
          if (pages.incrementAndGet() == 3) {
            throw new SystemException("the process died");
          }
          rows.forEach(r -> commitsPerLine.merge(r.line(), 1, Integer::sum));
          return sink.commit(rows);
        };
    Path processedFile = state.resolve("processed");
    StateStore checkpoints = StateStore.directory(state.resolve("checkpoints"));
    FileImportConnector first =
        FileImportConnector.fromSftp(sftp, ProcessedFiles.inFile(processedFile));

    RunSnapshot crashed =
        run(configuration(), Authorization.none(), crashesOnThirdPage, checkpoints, first);
    assertThat(crashed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(commitsPerLine).hasSize(6);

    FileImportConnector restarted =
        FileImportConnector.fromSftp(sftp, ProcessedFiles.inFile(processedFile));
    RunSnapshot resumed =
        run(
            configuration(),
            Authorization.none(),
            crashesOnThirdPage,
            StateStore.directory(state.resolve("checkpoints")),
            restarted);
    assertThat(resumed.status()).as(resumed.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(commitsPerLine).hasSize(10).allSatisfy((line, n) -> assertThat(n).isEqualTo(1));
    assertThat(store.size()).isEqualTo(10);

    RunSnapshot again =
        run(
            configuration(),
            Authorization.none(),
            crashesOnThirdPage,
            StateStore.directory(state.resolve("checkpoints")),
            FileImportConnector.fromSftp(sftp, ProcessedFiles.inFile(processedFile)));
    assertThat(again.itemsRead()).as("the file is marked processed").isZero();
  }

  @Test
  void jsonLinesAndHeaderlessCsv_throughJobImporting_pageByPage() throws Exception {
    put(
        "inbox/a.jsonl",
        plain(
            "{\"Email\":\"ann@example.com\",\"First Name\":\"Ann\",\"Points\":1,\"Campaign\":{\"id\":7}}\n"
                + "not json\n"
                + "{\"Email\":\"bob@example.com\",\"First Name\":\"Bob\",\"Points\":2}\n"));
    put("inbox/b.csv", plain("cy@example.com;Cy;3\n"));
    Map<String, String> settings = new HashMap<>(configuration());
    settings.putAll(
        Map.of(
            "pattern", "*",
            "page_size", "2",
            "header", "false",
            "columns", "Email, First Name, Points",
            "delimiter", ";"));
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);
    List<FileRow> seen = new ArrayList<>();
    Sink<FileRow> both =
        rows -> {
          seen.addAll(rows);
          return sink.commit(rows);
        };

    RunSnapshot run;
    try (JobRunner runner = JobRunner.create()) {
      run =
          runner
              .add(Job.importing("json", connector, config, Authorization.none(), both).build())
              .runNow()
              .get(60, TimeUnit.SECONDS);
    }

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(seen).extracting(FileRow::line).containsExactly(1L, 2L, 3L, 1L);
    assertThat(seen.get(1).failure()).hasValueSatisfying(p -> assertThat(p).contains("line 2"));
    assertThat(store.size()).isEqualTo(3);
    assertThat(events.get(0).fields()).containsEntry("Campaign", Map.of("id", 7));
    Page<FileRow> after =
        connector.read(
            new ConnectorContext(config, Authorization.none(), java.time.Clock.systemUTC()),
            Checkpoint.initial());
    assertThat(after.records()).as("both files are marked processed").isEmpty();
  }

  @Test
  void check_refusesAPublicKeyPastedAsThePrivateKey() {
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), configuration());
    Authorization wrong =
        new dev.tributary.core.auth.PgpPrivateKey(
            dev.tributary.core.auth.Secret.of(Fixtures.KEY.armoredPublicKey()),
            dev.tributary.core.auth.Secret.empty());

    assertThat(connector.check(ConnectorContext.of(config, wrong)).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("public key"));
  }
}
