package dev.tributary.connectors.file;

import static dev.tributary.connectors.file.Fixtures.ann;
import static dev.tributary.connectors.file.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import dev.tributary.core.state.StateStore;
import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.SftpClient;
import dev.tributary.sftp.SftpClientBuilder;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.EmbeddedSftpServerExtension;
import dev.tributary.testing.TestSources;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The file export to SFTP, against the embedded SFTP server, under a real JobRunner. */
class SftpFileExportTest extends ConnectorCompatibilityKit {
  static final Instant START = Instant.parse("2026-12-01T01:30:05Z");

  @RegisterExtension
  final EmbeddedSftpServerExtension server =
      new EmbeddedSftpServerExtension(EmbeddedSftpServer.builder().user("acme", "s3cret-pw"));

  @TempDir Path state;

  SftpClient sftp;
  FileExportConnector connector;

  @BeforeEach
  void connect() {
    sftp = Fixtures.client(server.server(), "acme", "s3cret-pw");
    connector = FileExportConnector.toSftp(sftp);
  }

  @AfterEach
  void close() {
    sftp.close();
  }

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of(
        "audience", "vip",
        "fields", "first_name, plan, points, tags",
        "audiences", "vip",
        "gzip", "true",
        "directory", "out",
        "done_file", ".done",
        "time_zone", "Europe/Berlin");
  }

  @Override
  protected Authorization authorization() {
    return Fixtures.KEY.publicKey();
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector.write(context, List.of(ann()));
  }

  Path root() {
    return server.server().root();
  }

  RunSnapshot run(Map<String, String> settings, Authorization auth, Source<Profile> audience)
      throws Exception {
    return run(settings, auth, audience, StateStore.inMemory());
  }

  RunSnapshot run(
      Map<String, String> settings, Authorization auth, Source<Profile> audience, StateStore store)
      throws Exception {
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);
    try (JobRunner runner =
        JobRunner.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).stateStore(store).build()) {
      JobHandle job =
          runner.add(FileExportTask.job("vip-export", connector, config, auth, audience).build());
      return job.runNow().get(60, TimeUnit.SECONDS);
    }
  }

  List<Path> files(String dir) throws IOException {
    try (Stream<Path> s = Files.list(root().resolve(dir))) {
      return s.sorted().toList();
    }
  }

  @Test
  void export_pgpGzipCsv_decryptsAndParsesBackToTheAudience_withTheTemplatedNameAndDoneFile()
      throws Exception {
    RunSnapshot run =
        run(configuration(), authorization(), TestSources.paged(List.of(ann(), bob())));

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsRead()).isEqualTo(2);
    assertThat(run.itemsWritten()).isEqualTo(2);
    Path file = root().resolve("out/vip-20261201T013005Z.csv.gz.pgp");
    assertThat(files("out"))
        .containsExactly(file, root().resolve("out/vip-20261201T013005Z.csv.gz.pgp.done"));
    byte[] encrypted = Files.readAllBytes(file);
    assertThat(run.bytes()).isEqualTo(encrypted.length);
    List<List<String>> rows = Fixtures.csv(Fixtures.gunzip(Fixtures.decrypt(encrypted)), ',');
    assertThat(rows)
        .containsExactly(
            List.of("profile_id", "email", "first_name", "plan", "points", "tags", "audience:vip"),
            List.of("p-1", "ann@example.com", "Ann", "pro", "1250.50", "a", "true"),
            List.of(
                "p-2",
                "bob@example.com",
                "Bob, \"the builder\"",
                "=HYPERLINK(\"http://evil\")",
                "7",
                "",
                "false"));
    assertThat(Files.readString(root().resolve("out/vip-20261201T013005Z.csv.gz.pgp.done")))
        .contains("size=" + encrypted.length);
  }

  @Test
  void export_csvDialect_semicolonsQuotedCrlfNoHeader_andFormulasEscaped() throws Exception {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.putAll(
        Map.of(
            "gzip", "false",
            "delimiter", ";",
            "quote_all", "true",
            "crlf", "true",
            "header", "false",
            "escape_formulas", "true",
            "include_profile_id", "false",
            "file_name", "{{.date}}/{{.audience}}-{{.time}}-{{.run_id}}.{{.extension}}"));
    RunSnapshot run = run(settings, Authorization.none(), TestSources.paged(List.of(ann(), bob())));

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    Path file = root().resolve("out/2026-12-01/vip-023005-vip-export-1.csv"); // Berlin is UTC+1
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "\"ann@example.com\";\"Ann\";\"pro\";\"1250.50\";\"a\";\"true\"\r\n"
                + "\"bob@example.com\";\"Bob, \"\"the builder\"\"\";"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\";\"7\";\"\";\"false\"\r\n");
  }

  @Test
  void export_jsonLines_oneObjectPerProfile() throws Exception {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.putAll(Map.of("format", "jsonl", "gzip", "false", "file_name", "vip.{{.extension}}"));
    run(settings, Authorization.none(), TestSources.paged(List.of(ann(), bob())));

    List<String> lines = Files.readAllLines(root().resolve("out/vip.jsonl"));
    assertThat(lines)
        .containsExactly(
            "{\"profile_id\":\"p-1\",\"email\":\"ann@example.com\",\"first_name\":\"Ann\","
                + "\"plan\":\"pro\",\"points\":1250.50,\"tags\":[\"a\"],\"audience:vip\":true}",
            "{\"profile_id\":\"p-2\",\"email\":\"bob@example.com\",\"first_name\":\"Bob, \\\"the"
                + " builder\\\"\",\"plan\":\"=HYPERLINK(\\\"http://evil\\\")\",\"points\":7,"
                + "\"tags\":null,\"audience:vip\":false}");
  }

  @Test
  void export_profileWithAValueAFileCannotCarry_isRejected_andTheOthersAreWritten()
      throws Exception {
    Profile nan =
        Profile.builder("p-3")
            .identity("email", "nan@example.com")
            .field("points", Double.NaN)
            .build();
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("gzip", "false");
    RunSnapshot run =
        run(settings, Authorization.none(), TestSources.paged(List.of(ann(), nan, bob())));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsRead()).isEqualTo(3);
    assertThat(run.itemsWritten()).isEqualTo(2);
    assertThat(run.itemsRejected()).isEqualTo(1);
    assertThat(run.errors(ErrorClass.VALIDATION)).isEqualTo(1);
    List<List<String>> rows = Fixtures.csv(Files.readAllBytes(files("out").get(0)), ',');
    assertThat(rows).extracting(r -> r.get(0)).containsExactly("profile_id", "p-1", "p-2");
  }

  @Test
  void fileNameThatLeavesTheDirectory_isRefusedByCheck_andFailsTheRunAsConfig() throws Exception {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("file_name", "../{{.audience}}.csv");
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);

    CheckResult check = connector.check(ConnectorContext.of(config, Authorization.none()));
    RunSnapshot run = run(settings, Authorization.none(), TestSources.paged(List.of(ann())));

    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("file_name");
              assertThat(p.message()).contains("\"../vip.csv\"", "may not leave");
            });
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(root().resolve("vip.csv")).doesNotExist();
  }

  CheckResult check(FileExportConnector export, String directory) {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("directory", directory);
    ConnectorConfig config = ConnectorConfig.parse(export.descriptor(), settings);
    return export.check(ConnectorContext.of(config, authorization()));
  }

  List<Path> tree() throws IOException {
    try (Stream<Path> s = Files.walk(root())) {
      return s.map(root()::relativize).sorted().toList();
    }
  }

  @Test
  void check_takesAnExistingDirectory_orAMissingOneBelowADirectory_andLeavesNothingBehind()
      throws Exception {
    Files.createDirectories(root().resolve("exists"));
    List<Path> before = tree();

    for (String directory : List.of("", "exists", "./exists/", "new", "exists/new/deeper")) {
      assertThat(check(connector, directory).problems()).as(directory).isEmpty();
    }
    assertThat(tree()).as("check writes nothing").isEqualTo(before);
  }

  @Test
  void check_refusesADirectoryThatIsAFile_orLiesBelowOne() throws Exception {
    Files.writeString(root().resolve("out"), "not a directory");

    assertThat(check(connector, "out").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("directory");
              assertThat(p.message())
                  .isEqualTo(
                      "\"out\" on "
                          + sftp.target()
                          + " is a file, not a directory: the export cannot put files in or"
                          + " below it");
            });
    // OpenSSH answers "no such file" below a file, so the check finds "out"; MINA SSHD answers
    // for "out/sub" itself, as neither file nor directory
    assertThat(check(connector, "out/sub").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("directory");
              assertThat(p.message()).startsWith("\"out").contains("not a directory");
            });
  }

  @Test
  void check_refusesABaseDirectoryThatDoesNotExist_sinceUploadsDoNotCreateIt() {
    try (SftpClient based = clientOf(server.server().port()).baseDirectory("nowhere").build()) {
      assertThat(check(FileExportConnector.toSftp(based), "out").problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.setting()).isEqualTo("directory");
                assertThat(p.message())
                    .isEqualTo(
                        "the SFTP client's base directory does not exist on " + based.target());
              });
    }
    assertThat(root().resolve("nowhere")).doesNotExist();
  }

  @Test
  void check_logsIn_soARefusedLoginIsAProblem_withoutThePassword() {
    try (SftpClient wrong = Fixtures.client(server.server(), "acme", "not-the-pw")) {
      assertThat(check(FileExportConnector.toSftp(wrong), "out").problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.setting()).isEqualTo("authorization");
                assertThat(p.message())
                    .startsWith("login to " + wrong.target() + " was refused")
                    .doesNotContain("not-the-pw");
              });
    }
  }

  /** A client of the embedded server's host, logging in as acme, on {@code port}. */
  SftpClientBuilder clientOf(int port) {
    return SftpClient.builder(server.server().host())
        .port(port)
        .authorization(Authorization.sftpPassword("acme", Secret.of("s3cret-pw")))
        .hostKeys(HostKeyPolicy.fingerprints(server.server().hostKeyFingerprint()));
  }

  static int closedPort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void check_unreachableServer_isAProblemNamingTheDirectory() throws Exception {
    int closedPort = closedPort();
    try (SftpClient nowhere = clientOf(closedPort).maxAttempts(1).build()) {
      assertThat(check(FileExportConnector.toSftp(nowhere), "out").problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.setting()).isEqualTo("directory");
                assertThat(p.message())
                    .startsWith("cannot look the directory up on the SFTP server: ")
                    .contains(Integer.toString(closedPort));
              });
    }
  }

  @Test
  void check_refusesADirectoryThatWouldLeaveTheBase_beforeConnecting() throws Exception {
    // a client of a closed port: a check that tried to connect would report that instead
    try (SftpClient unconnectable = clientOf(closedPort()).maxAttempts(1).build()) {
      for (FileExportConnector c : List.of(FileExportConnector.toSftp(unconnectable), connector)) {
        for (String directory : List.of("/etc", "../out")) {
          assertThat(check(c, directory).problems())
              .as(directory)
              .singleElement()
              .satisfies(
                  p -> {
                    assertThat(p.setting()).isEqualTo("directory");
                    assertThat(p.message()).startsWith("unsafe remote path");
                  });
        }
      }
    }
  }

  @Test
  void fileNameWithAMisspeltKey_isRefusedByCheck_namingTheKnownKeys() {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("file_name", "{{.audiance}}.csv");
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);

    CheckResult check = connector.check(ConnectorContext.of(config, Authorization.none()));

    assertThat(check.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("audiance", "known keys", "timestamp"));
  }

  @Test
  void skipEmpty_sendsNoFileForAnEmptyAudience_otherwiseAHeaderOnlyFile() throws Exception {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.putAll(Map.of("gzip", "false", "file_name", "{{.audience}}.csv"));
    run(settings, Authorization.none(), TestSources.paged(List.of()));
    assertThat(Files.readString(root().resolve("out/vip.csv")))
        .isEqualTo("profile_id,email,first_name,plan,points,tags,audience:vip\n");

    settings.putAll(Map.of("skip_empty", "true", "file_name", "empty.csv"));
    RunSnapshot run = run(settings, Authorization.none(), TestSources.paged(List.of()));
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(root().resolve("out/empty.csv")).doesNotExist();
  }

  @Test
  void largeAudience_isStreamedToTheServerWhileTheSourceIsStillBeingRead() throws Exception {
    long count = 200_000;
    int pageSize = 1000;
    AtomicLong partBytesSeenMidway = new AtomicLong(-1);
    Source<Profile> audience =
        Fixtures.generatedSource(
            count,
            page -> {
              if (page == 150) { // three quarters through: the upload must be well under way
                partBytesSeenMidway.set(partFileBytes());
              }
            });
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("file_name", "big.{{.extension}}");

    RunSnapshot run = run(settings, authorization(), audience);

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsWritten()).isEqualTo(count);
    assertThat(partBytesSeenMidway.get())
        .as("bytes already at the server while the source was three quarters read")
        .isGreaterThan(100_000);
    byte[] csv =
        Fixtures.gunzip(Fixtures.decrypt(Files.readAllBytes(root().resolve("out/big.csv.gz.pgp"))));
    List<List<String>> rows = Fixtures.csv(csv, ',');
    assertThat(rows).hasSize((int) count + 1);
    assertThat(rows.get((int) count)).startsWith("g-" + (count - 1), "user199999@example.com");
    assertThat(pageSize).isEqualTo(1000);
  }

  long partFileBytes() {
    try (Stream<Path> s = Files.list(root().resolve("out"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".part"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }
}
