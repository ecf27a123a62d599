package dev.tributary.examples.cli.sop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sop.SOP;
import sop.exception.SOPGPException;

/**
 * The conformance adapter keeps the keys, certificates and passwords of a call in a temporary
 * folder: an operation the suite built and never ran left its folder, with the files in it, behind
 * in the system's temporary folder. Each test below gives the call a file of its own content and
 * looks for it in every {@code sop-conformance*} folder there afterwards (other runs may have
 * folders of their own at the same time).
 */
class CliSopTempFilesTest {
  final SOP sop = new CliSop("tributary", SopRunner.inProcess());
  final byte[] marker = ("marker " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);

  /** The files under the temporary folder's {@code sop-conformance*} folders holding the marker. */
  List<Path> leftBehind() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(tmp)) {
      for (Path d :
          dirs.filter(p -> p.getFileName().toString().startsWith("sop-conformance")).toList()) {
        try (Stream<Path> files = Files.walk(d)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            if (Arrays.equals(readOrEmpty(f), marker)) {
              found.add(f);
            }
          }
        } catch (NoSuchFileException | UncheckedIOException e) {
          // another run's folder, deleted while listed
        }
      }
    }
    return found;
  }

  static byte[] readOrEmpty(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  @Test
  void operationsBuiltButNeverRun_leaveNoFiles() throws Exception {
    sop.encrypt().withPassword(new String(marker, StandardCharsets.UTF_8)).withCert(marker);
    sop.decrypt().withKey(marker).withKeyPassword(marker);
    sop.detachedSign().key(marker).withKeyPassword(marker);
    sop.detachedVerify().cert(marker).signatures(new ByteArrayInputStream(marker));
    sop.generateKey().withKeyPassword(marker);
    assertThat(leftBehind()).isEmpty();
  }

  @Test
  void callsThatRanOrFailed_leaveNoFiles() throws Exception {
    byte[] cert = PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey().getBytes(StandardCharsets.US_ASCII);
    byte[] ran =
        sop.encrypt()
            .withCert(cert)
            .withPassword(new String(marker, StandardCharsets.UTF_8))
            .plaintext(marker)
            .toByteArrayAndResult()
            .getBytes();
    assertThat(ran).isNotEmpty();
    assertThatThrownBy(() -> sop.decrypt().withKey(marker).ciphertext(ran).toByteArrayAndResult())
        .isInstanceOf(SOPGPException.class);
    assertThat(leftBehind()).isEmpty();
  }
}
