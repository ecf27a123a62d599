package dev.tributary.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.model.Profile;
import dev.tributary.examples.cli.TributaryCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The quickstart in-process: the summary's facts match what the steps must have done. */
class QuickstartTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int cli(String... args) {
    return TributaryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void quickstart_runsEveryStep_andItsSummaryAddsUp() throws Exception {
    SampleProfiles sample = new SampleProfiles(30);
    long members = sample.audience().size();
    long atKnownCompanies =
        sample.audience().stream()
            .map(p -> p.identity("email").orElseThrow())
            .filter(e -> e.endsWith("@acme.example") || e.endsWith("@globex.example"))
            .count();

    Summary s = Quickstart.run(new PrintWriter(out, true), 30);

    assertThat(s.profiles()).isEqualTo(30);
    assertThat(s.audience()).isEqualTo(members);
    assertThat(s.exportedFile()).matches("vip-\\d{8}T\\d{6}Z\\.csv\\.gz\\.pgp");
    assertThat(s.exportedProfiles()).isEqualTo(members);
    assertThat(s.exportedBytes()).isPositive();
    assertThat(s.imported()).isEqualTo(members);
    assertThat(s.merged()).as("two people were known twice from other sources").isEqualTo(2);
    assertThat(s.created()).isEqualTo(members - 2);
    assertThat(s.rawEvents()).as("profile_id and audience:vip are unmapped").isEqualTo(members);
    assertThat(s.webhooksSent()).isEqualTo(4);
    assertThat(s.webhooksVerified()).isEqualTo(4);
    assertThat(s.enriched()).isEqualTo(atKnownCompanies);
    assertThat(s.notFound()).isEqualTo(members - atKnownCompanies);
    assertThat(s.alerts()).isEqualTo(3);
    assertThat(out.toString())
        .contains(
            "[6/6] Alerts",
            "job vip-export: run 1 SUCCEEDED",
            "refused: HTTP 401",
            members + " imported & merged",
            "4 sent, 4 verified by the receiver",
            "Hey Ann!");
    assertThat(out.toString())
        .as("the alert reads plan, which is not surfaced, from alert_fields")
        .contains(" plan: upgrade now")
        .doesNotContain("<no value>");
  }

  @Test
  void command_exitsZero_withTheSummary_andNothingOnStandardError() {
    int code = cli("quickstart");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Summary", "Quickstart finished in");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void command_aFailingStep_exitsOne_namingTheStep_andStopsThereWithoutPrintingSecrets() {
    List<String> secrets = new ArrayList<>();
    Path[] serverRoot = new Path[1];
    List<String> stepsStarted = new ArrayList<>();
    CommandLine cli =
        new CommandLine(
            new QuickstartCommand(
                (step, sandbox) -> {
                  stepsStarted.add(step);
                  if (step.equals("export")) {
                    secrets.add(sandbox.partnerKey.armored().reveal());
                    serverRoot[0] = sandbox.sftpServer.root();
                    // a file where the export's directory should be: the SFTP check refuses it
                    Files.writeString(serverRoot[0].resolve("outbox"), "not a directory\n");
                  }
                }));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("--profiles", "8");

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: the export step failed: ")
        .contains("outbox")
        .contains("       (java.lang.IllegalStateException)");
    assertThat(stepsStarted).containsExactly("export");
    assertThat(out.toString()).contains("[2/6] Export").doesNotContain("[3/6]", "Summary");
    assertThat(secrets).singleElement().asString().contains("PRIVATE KEY");
    assertThat(out.toString() + err.toString())
        .doesNotContain(secrets.get(0))
        .doesNotContain("PRIVATE KEY")
        .doesNotContainIgnoringCase("password");
    assertThat(serverRoot[0]).as("the sandbox is closed and its files deleted").doesNotExist();
  }

  @Test
  void command_tooFewProfiles_isAUsageError() {
    assertThat(cli("quickstart", "--profiles", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("--profiles must be at least 8, not 3");
  }

  @Test
  void sampleProfiles_areTheSameEveryRun() {
    Profile first = new SampleProfiles(8).all().get(0);
    assertThat(first.identities())
        .containsEntry("email", "ann1@acme.example")
        .containsEntry("customer_id", "C-0001");
    assertThat(new SampleProfiles(8).all()).isEqualTo(new SampleProfiles(8).all());
  }
}
