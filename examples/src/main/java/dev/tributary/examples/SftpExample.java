package dev.tributary.examples;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.sftp.AfterRead;
import dev.tributary.sftp.DoneFile;
import dev.tributary.sftp.ExistingTarget;
import dev.tributary.sftp.FileImport;
import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.Readiness;
import dev.tributary.sftp.SftpClient;
import dev.tributary.sftp.UploadOptions;
import dev.tributary.sftp.UploadResult;
import dev.tributary.testing.EmbeddedSftpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Recipe: export a gzipped CSV to an SFTP server in one stream, with a pinned host key, an atomic
 * upload and a done-file; then import what arrived, each file once, and archive it. Runs against
 * the embedded server of {@code tributary-sdk-testing}, so it needs no setup.
 */
public final class SftpExample {
  static final String USER = "acme";
  static final String PASSWORD = "correct horse battery";

  private SftpExample() {}

  public static void main(String[] args) throws IOException {
    try (EmbeddedSftpServer server = EmbeddedSftpServer.builder().user(USER, PASSWORD).start()) {
      run(server.host(), server.port(), server.hostKeyFingerprint(), System.out);
    }
  }

  /**
   * The recipe against the SFTP server at {@code host:port}, whose host key has the fingerprint
   * {@code hostKeyFingerprint}, as user {@value #USER}; progress goes to {@code out}.
   */
  static void run(String host, int port, String hostKeyFingerprint, PrintStream out)
      throws IOException {
    try (SftpClient sftp =
        SftpClient.builder(host)
            .port(port)
            .authorization(Authorization.sftpPassword(USER, Secret.of(PASSWORD)))
            // Pin the fingerprint the server's administrator gave you:
            .hostKeys(HostKeyPolicy.fingerprints(hostKeyFingerprint))
            .build()) {
      UploadResult result = export(sftp);
      out.println(
          "exported "
              + result.path()
              + " ("
              + result.size()
              + " bytes, md5 "
              + result.md5Hex().orElse("-")
              + "), done-file "
              + result.doneFilePath().orElse("-"));

      FileImport inbox =
          FileImport.builder(sftp, "outbox", "*.csv.gz")
              .readiness(Readiness.doneFile(".done"))
              .afterRead(AfterRead.moveTo("archive"))
              .build();
      FileImport.Result run =
          inbox.run(
              (file, key, data) -> {
                BufferedReader csv =
                    new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(data), StandardCharsets.UTF_8));
                out.println("importing " + file.path() + ": " + csv.lines().count() + " lines");
              });
      out.println(
          "imported "
              + run.imported().size()
              + " file(s); archive now holds "
              + sftp.listRecursive("archive", "*").size()
              + " entries");
    }
  }

  /** Encode → gzip → SFTP as one stream: no temporary file, constant memory. */
  static UploadResult export(SftpClient sftp) throws IOException {
    UploadOptions options =
        UploadOptions.builder()
            .existingTarget(ExistingTarget.OVERWRITE)
            .createDirectories(true)
            .doneFile(DoneFile.withChecksum(".done"))
            .build();
    // The file appears under its final name only when the writer has returned.
    return sftp.upload(
        "outbox/contacts-2026-12-01.csv.gz",
        options,
        out -> {
          try (Writer csv =
              new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            csv.write("email,first_name\n");
            for (int i = 0; i < 10_000; i++) {
              csv.write("user" + i + "@example.com,User " + i + "\n");
            }
          }
        });
  }
}
