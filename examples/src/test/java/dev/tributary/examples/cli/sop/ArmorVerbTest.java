package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.PgpArmor;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code sop armor} and {@code sop dearmor} whose stdin fails to read midway (a disk error, a
 * dropped pipe) leave no output that could pass for the whole data: dearmor passed binary input on
 * as it was read, so a certificate cut between its packets could come out as a shorter one, and
 * armor wrote the start of an armored block.
 */
class ArmorVerbTest {
  static final byte[] ARMORED =
      PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey().getBytes(StandardCharsets.US_ASCII);

  static byte[] binary() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpArmor.dearmor(new ByteArrayInputStream(ARMORED), out);
    return out.toByteArray();
  }

  /**
   * {@code data}'s first {@code bytes} bytes, at most 100 at a time as from a pipe, then
   * "Input/output error", as from a failing disk.
   */
  static InputStream ioFailingAfter(byte[] data, int bytes) {
    return new FilterInputStream(new ByteArrayInputStream(data, 0, bytes)) {
      @Override
      public int read() throws IOException {
        return failAtEnd(in.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : failAtEnd(in.read(b, off, Math.min(len, 100)));
      }
    };
  }

  private static int failAtEnd(int read) throws IOException {
    if (read < 0) {
      throw new IOException("Input/output error");
    }
    return read;
  }

  static byte[] run(InputStream stdin, String verb) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = Sop.run(stdin, out, new PrintWriter(err), verb);
    assertThat(code).as("exit code of %s", verb).isNotZero();
    assertThat(err.toString()).contains("Input/output error");
    return out.toByteArray();
  }

  @Test
  void dearmor_ofACertificateWhoseReadingFails_writesNothing() {
    for (byte[] cert : new byte[][] {ARMORED, binary()}) {
      for (int at : new int[] {cert.length / 2, cert.length - 40}) {
        byte[] out = run(ioFailingAfter(cert, at), "dearmor");
        assertThat(out).as("failing after %d of %d bytes", at, cert.length).isEmpty();
      }
    }
  }

  @Test
  void armor_ofACertificateWhoseReadingFails_writesNoArmor() {
    byte[] binary = binary();
    for (int at : new int[] {binary.length / 2, binary.length - 1}) {
      byte[] out = run(ioFailingAfter(binary, at), "armor");
      assertThat(new String(out, StandardCharsets.US_ASCII))
          .as("failing after %d of %d bytes", at, binary.length)
          .doesNotContain("-----END")
          .isEmpty();
    }
  }
}
