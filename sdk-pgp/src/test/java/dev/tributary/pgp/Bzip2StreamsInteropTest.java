package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.ExternalPrograms;
import dev.tributary.testing.PgpTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BZIP2 compressed data packet holding two bzip2 streams ({@link
 * TrailingDataTest#twoBzip2Streams}), which we refuse: GnuPG and sqop read only the first stream
 * too, and neither reads the message.
 */
class Bzip2StreamsInteropTest {
  @TempDir Path dir;

  @Test
  void twoBzip2Streams_gpgFails() throws Exception {
    ExternalPrograms.require("gpg", "gnupg");
    byte[] message = TrailingDataTest.twoBzip2Streams(TEXT);
    try (Gpg gpg = new Gpg()) {
      gpg.importKey(PgpTestKeys.ALICE_RSA.armoredPrivateKey());
      Tool.Result r = gpg.run(message, "--decrypt");
      assertThat(r.code()).as("exit code; stderr: %s", r.err()).isNotZero();
      assertThat(r.out()).as("at most the first stream's part").isNotEqualTo(TEXT);
    }
  }

  @Test
  void twoBzip2Streams_sqopFails() throws Exception {
    ExternalPrograms.require("sqop", "sqop");
    byte[] message = TrailingDataTest.twoBzip2Streams(TEXT);
    Path key = dir.resolve("alice.sec");
    Files.writeString(key, PgpTestKeys.ALICE_RSA.armoredPrivateKey(), StandardCharsets.US_ASCII);
    Tool.Result r = Tool.run(message, Map.of(), Tool.list("sqop", "decrypt", key.toString()));
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isNotZero();
    assertThat(r.out()).isNotEqualTo(TEXT);
  }
}
