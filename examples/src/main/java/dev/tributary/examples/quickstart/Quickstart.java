package dev.tributary.examples.quickstart;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The quickstart: every pattern end to end on one machine, nothing to set up.
 *
 * <ol>
 *   <li>sample profiles and an audience;
 *   <li>a PGP-encrypted, gzipped CSV export of the audience to an embedded SFTP server, by a job on
 *       a schedule ({@link ExportStep});
 *   <li>that file imported back: decrypted, parsed and resolved into profiles, joining profiles
 *       known from other sources ({@link ImportStep});
 *   <li>audience entries and exits as signed webhooks to a local receiver that verifies them
 *       ({@link WebhookStep});
 *   <li>enrichment from a mock provider ({@link EnrichmentStep});
 *   <li>a personalised alert for a few profiles ({@link AlertStep}).
 * </ol>
 *
 * Progress is printed as it goes, then a summary. A failing step stops the run with a {@link
 * QuickstartException} naming it.
 */
public final class Quickstart {
  /** How many sample profiles the quickstart makes by default. */
  public static final int DEFAULT_PROFILES = 24;

  private Quickstart() {}

  /** Runs the quickstart with {@code profileCount} sample profiles, printing to {@code out}. */
  public static Summary run(PrintWriter out, int profileCount) throws InterruptedException {
    return run(out, profileCount, BeforeStep.NOTHING);
  }

  /** Called before each step after setup, inside it: lets a test break that step for real. */
  @FunctionalInterface
  interface BeforeStep {
    BeforeStep NOTHING = (step, sandbox) -> {};

    void accept(String step, Sandbox sandbox) throws Exception;
  }

  /** As {@link #run(PrintWriter, int)}, calling {@code before} ahead of each step. */
  static Summary run(PrintWriter out, int profileCount, BeforeStep before)
      throws InterruptedException {
    if (profileCount < 8) {
      throw new IllegalArgumentException("profileCount must be at least 8: " + profileCount);
    }
    Console console = new Console(out);
    out.println("Tributary quickstart: export, import, webhooks, enrichment and alerts, locally.");
    console.step(1, "Sample profiles and an audience");
    SampleProfiles profiles = new SampleProfiles(profileCount);
    console.line(
        "%d profiles; %d of them in the audience \"%s\"",
        profiles.all().size(), profiles.audience().size(), SampleProfiles.AUDIENCE);
    try (Sandbox sandbox = step("setup", () -> new Sandbox(console))) {
      console.line(
          "embedded SFTP server on %s:%d (host key %s); PGP key pair %s generated",
          sandbox.sftpServer.host(),
          sandbox.sftpServer.port(),
          sandbox.sftpServer.hostKeyFingerprint(),
          sandbox.partnerKey.keyId());
      Steps steps = new Steps(sandbox, before);
      console.step(2, "Export: the audience as an encrypted, gzipped CSV file over SFTP");
      ExportStep.Result export =
          steps.run("export", () -> ExportStep.run(sandbox, profiles, console));
      console.step(3, "Import: the file back, decrypted, parsed and identity-resolved");
      ImportStep.Result imported =
          steps.run("import", () -> ImportStep.run(sandbox, profiles, console));
      console.step(4, "Webhooks: audience changes, signed, to a receiver that verifies them");
      WebhookStep.Result hooks =
          steps.run("webhooks", () -> WebhookStep.run(sandbox, profiles, console));
      console.step(5, "Enrichment: company data from a provider merged into the profiles");
      EnrichmentStep.Result enriched =
          steps.run(
              "enrichment", () -> EnrichmentStep.run(sandbox, profiles, imported.store(), console));
      console.step(6, "Alerts: a personalised message for a few profiles");
      List<Map<String, Object>> alerts =
          steps.run("alerts", () -> AlertStep.run(profiles, imported.store(), 3, console));
      Summary summary =
          new Summary(
              profiles.all().size(),
              profiles.audience().size(),
              export.delivery().fileName(),
              export.delivery().profiles(),
              export.delivery().bytes(),
              imported.run().itemsWritten(),
              imported.stats().created(),
              imported.stats().updated(),
              imported.stats().merged(),
              imported.stats().events(),
              hooks.sent(),
              hooks.verified().size(),
              enriched.enriched(),
              enriched.notFound(),
              (int) alerts.stream().filter(a -> a.containsKey("alert")).count(),
              console.elapsed());
      print(out, summary);
      return summary;
    }
  }

  private static <T> T step(String name, Callable<T> step) {
    try {
      return step.call();
    } catch (QuickstartException e) {
      throw e;
    } catch (Exception e) {
      throw new QuickstartException(name, String.valueOf(e.getMessage()), e);
    }
  }

  private record Steps(Sandbox sandbox, BeforeStep before) {
    <T> T run(String name, Callable<T> step) {
      return step(
          name,
          () -> {
            before.accept(name, sandbox);
            return step.call();
          });
    }
  }

  static void print(PrintWriter out, Summary s) {
    out.println();
    out.println("Summary");
    out.printf(
        "  profiles     %d created, %d in audience %s%n",
        s.profiles(), s.audience(), SampleProfiles.AUDIENCE);
    out.printf(
        "  export       %d profiles exported to %s (%,d bytes, CSV + gzip + PGP over SFTP)%n",
        s.exportedProfiles(), s.exportedFile(), s.exportedBytes());
    out.printf(
        "  import       %d imported & merged: %d created, %d updated, %d merged; %d raw events%n",
        s.imported(), s.created(), s.updated(), s.merged(), s.rawEvents());
    out.printf(
        "  webhooks     %d sent, %d verified by the receiver%n",
        s.webhooksSent(), s.webhooksVerified());
    out.printf("  enrichment   %d enriched, %d not found%n", s.enriched(), s.notFound());
    out.printf("  alerts       %d rendered%n", s.alerts());
    out.printf("Quickstart finished in %.1f s.%n", s.elapsed().toMillis() / 1000.0);
    out.flush();
  }
}
