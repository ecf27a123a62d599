package dev.tributary.examples.quickstart;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.PgpPrivateKey;
import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.job.JobRunner;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpKey;
import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.SftpClient;
import dev.tributary.testing.EmbeddedSftpServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Everything the quickstart runs against, made fresh on this machine: an embedded SFTP server on a
 * free loopback port with a random password, a client that pins the server's host key, a PGP key
 * pair generated for this run (the partner's public key encrypts the export; its private key
 * decrypts it on import), and a job runner reporting to the console. Closing stops all of it and
 * deletes the server's files.
 */
final class Sandbox implements AutoCloseable {
  final EmbeddedSftpServer sftpServer;
  final SftpClient sftp;
  final PgpKey partnerKey;
  final JobRunner runner;
  final RunWatcher runs = new RunWatcher();

  Sandbox(Console console) {
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    EmbeddedSftpServer server = EmbeddedSftpServer.builder().user("quickstart", password).start();
    try {
      this.sftp =
          SftpClient.builder(server.host())
              .port(server.port())
              .authorization(Authorization.sftpPassword("quickstart", Secret.of(password)))
              .hostKeys(HostKeyPolicy.fingerprints(server.hostKeyFingerprint()))
              .build();
      this.partnerKey =
          PgpKey.generate(
              KeyProfile.CURVE25519,
              "Quickstart Partner <partner@example.invalid>",
              Secret.empty());
      this.runner = JobRunner.builder().listener(console).listener(runs).build();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    this.sftpServer = server;
  }

  PgpPublicKey publicKey() {
    return Authorization.pgpPublicKey(partnerKey.certificate().armored());
  }

  PgpPrivateKey privateKey() {
    return Authorization.pgpPrivateKey(partnerKey.armored(), Secret.empty());
  }

  @Override
  public void close() throws InterruptedException {
    try {
      runner.shutdown(Duration.ofSeconds(10));
    } finally {
      sftp.close();
      sftpServer.close();
    }
  }
}
