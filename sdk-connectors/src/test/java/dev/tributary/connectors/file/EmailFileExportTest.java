package dev.tributary.connectors.file;

import static dev.tributary.connectors.file.Fixtures.ann;
import static dev.tributary.connectors.file.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import dev.tributary.testing.TestSources;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CSV e-mail export against GreenMail, a real SMTP server in the test's JVM. */
class EmailFileExportTest extends ConnectorCompatibilityKit {
  @RegisterExtension
  final GreenMailExtension mail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("exports@example.com", "exports", "mail-pw"));

  @TempDir Path work;

  FileExportConnector connector(String password) {
    MailServer server =
        MailServer.builder("127.0.0.1", "exports@example.com")
            .port(mail.getSmtp().getPort())
            .security(MailServer.Security.NONE)
            .login("exports", Secret.of(password))
            .build();
    return FileExportConnector.byEmail(server, work);
  }

  @Override
  protected FileExportConnector connector() {
    return connector("mail-pw");
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of(
        "audience", "vip",
        "fields", "first_name, plan",
        "to", "ops@example.com, partner@example.org",
        "file_name", "{{.audience}}-{{.date}}.{{.extension}}");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.none();
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector().write(context, List.of(ann()));
  }

  RunSnapshot run(FileExportConnector c, Map<String, String> settings, Source<Profile> audience)
      throws Exception {
    ConnectorConfig config = ConnectorConfig.parse(c.descriptor(), settings);
    try (JobRunner runner =
        JobRunner.builder()
            .clock(Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC))
            .build()) {
      return runner
          .add(FileExportTask.job("vip-mail", c, config, Authorization.none(), audience).build())
          .runNow()
          .get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void export_sendsOneMessageToEveryRecipient_withTheCsvAttached_andFormulasEscaped()
      throws Exception {
    RunSnapshot run = run(connector(), configuration(), TestSources.paged(List.of(ann(), bob())));

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient's mailbox
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("vip: 2 profiles (2026-12-01)");
    assertThat(message.getFrom()[0].toString()).isEqualTo("exports@example.com");
    assertThat(message.getMessageID()).endsWith(".export@tributary.invalid>");
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getBodyPart(0).getContent().toString())
        .contains("vip-2026-12-01.csv", "2 profiles", "2026-12-01T06:00:00Z");
    Part attachment = parts.getBodyPart(1);
    assertThat(attachment.getFileName()).isEqualTo("vip-2026-12-01.csv");
    assertThat(attachment.getContentType()).startsWith("text/csv");
    byte[] csv;
    try (InputStream in = attachment.getInputStream()) {
      csv = in.readAllBytes();
    }
    assertThat(Fixtures.csv(csv, ','))
        .containsExactly(
            List.of("profile_id", "email", "first_name", "plan"),
            List.of("p-1", "ann@example.com", "Ann", "pro"),
            List.of(
                "p-2", "bob@example.com", "Bob, \"the builder\"", "'=HYPERLINK(\"http://evil\")"));
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).as("the temporary attachment is deleted").isEmpty();
    }
  }

  @Test
  void encryptedExport_attachesThePgpFile_whichDecryptsToTheCsv() throws Exception {
    FileExportConnector c = connector();
    ConnectorConfig config = ConnectorConfig.parse(c.descriptor(), configuration());
    c.export(
        new ConnectorContext(config, Fixtures.KEY.publicKey(), Clock.systemUTC()),
        ExportRun.adhoc(Instant.parse("2026-12-01T06:00:00Z")),
        "vip.csv.pgp",
        false,
        out -> out.write(ann()));

    Part attachment =
        (Part) ((Multipart) mail.getReceivedMessages()[0].getContent()).getBodyPart(1);
    assertThat(attachment.getContentType()).startsWith("application/pgp-encrypted");
    byte[] encrypted;
    try (InputStream in = attachment.getInputStream()) {
      encrypted = in.readAllBytes();
    }
    assertThat(Fixtures.csv(Fixtures.decrypt(encrypted), ',')).hasSize(2);
  }

  @Test
  void attachmentOverTheLimit_failsAsConfig_andSendsNothing() throws Exception {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("max_attachment_bytes", "1000");

    RunSnapshot run = run(connector(), settings, Fixtures.generatedSource(100, page -> {}));

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(run.failure()).hasMessageContaining("max_attachment_bytes");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void refusedLogin_isAConfigError_namingTheServer_withoutThePassword() throws Exception {
    RunSnapshot run =
        run(connector("wrong-password"), configuration(), TestSources.paged(List.of(ann())));

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(run.failure().getMessage())
        .contains("refused the login")
        .doesNotContain("wrong-password");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void badRecipient_isFoundByCheck() {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("to", "ops@example.com, not an address");
    ConnectorConfig config = ConnectorConfig.parse(connector().descriptor(), settings);

    CheckResult check = connector().check(ConnectorContext.of(config, Authorization.none()));

    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("to");
              assertThat(p.message()).contains("not an address");
            });
  }
}
