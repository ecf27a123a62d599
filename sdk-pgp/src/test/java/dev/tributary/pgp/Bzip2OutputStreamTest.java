package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.internal.Bzip2OutputStream;
import dev.tributary.testing.ExternalPrograms;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.apache.bzip2.CBZip2InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Bzip2OutputStream} against three decoders: BouncyCastle's (which sdk-pgp decrypts with),
 * libbz2's {@code bzip2 -d} (GnuPG's and Sequoia's; it checks every CRC) and Go's {@code
 * compress/bzip2} (strict like OpenPGP.js: it refuses randomised blocks). The test lives here, not
 * in {@code internal}, for {@link Tool}; without {@code bzip2} or {@code go} their halves skip (and
 * fail in CI, see {@link ExternalPrograms}).
 */
class Bzip2OutputStreamTest {
  /** The most bytes, after run-length coding, a block of level 1 holds: 100,000 - 19. */
  static final int LEVEL_1_BLOCK = 99_981;

  @TempDir static Path goDir;

  /** Go's decoder, built once, or null when Go is not installed. */
  static Path goDecoder;

  @BeforeAll
  static void buildGoDecoder() {
    if (ExternalPrograms.find("go").isEmpty()) {
      return;
    }
    Path source = Path.of("src/test/go/bzip2cat/main.go").toAbsolutePath();
    Path binary = goDir.resolve("bzip2cat");
    Map<String, String> env =
        Map.of(
            "GOCACHE",
            goDir.resolve("cache").toString(),
            "GOPATH",
            goDir.resolve("path").toString(),
            "GOTOOLCHAIN",
            "local",
            "GOFLAGS",
            "-mod=mod");
    Tool.run(new byte[0], env, Tool.list("go", "build", "-o", binary.toString(), source.toString()))
        .ok();
    goDecoder = binary;
  }

  @Test
  void emptyInput_isAHeaderAndTheEndOfStream() {
    byte[] z = compress(new byte[0], 9, 1 << 16);
    assertThat(new String(z, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("BZh9");
    assertThat(z).hasSize(14); // the end marker (6), the CRC 0 (4)
    assertAllDecode(new byte[0], z);
  }

  @Test
  void oneByte_andEveryByteValue() {
    for (int b = 0; b < 256; b++) {
      assertBouncyCastleDecodes(new byte[] {(byte) b}, 9);
    }
    byte[] all = new byte[256 * 3];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) (i * 7);
    }
    roundTrip(new byte[] {42}, 9);
    roundTrip(all, 9);
  }

  @Test
  void runsOfEveryLength_aroundTheRunLengthLimits() {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int len = 1; len <= 520; len++) {
      byte[] run = new byte[len];
      Arrays.fill(run, (byte) len);
      data.writeBytes(run);
      data.write('|');
    }
    roundTrip(data.toByteArray(), 1);
    // runs only: 4 equal bytes and a count of 251 over and over, one byte value in use
    byte[] zeros = new byte[1 << 20];
    roundTrip(zeros, 9);
  }

  /** Blocks end at 99,981 bytes after run-length coding (level 1), as libbzip2's do. */
  @Test
  void blockBoundaries() {
    for (int n :
        new int[] {LEVEL_1_BLOCK - 1, LEVEL_1_BLOCK, LEVEL_1_BLOCK + 1, 2 * LEVEL_1_BLOCK}) {
      byte[] data = new byte[n]; // no runs: one byte in, one in the block
      for (int i = 0; i < n; i++) {
        data[i] = (byte) (i % 253);
      }
      roundTrip(data, 1);
    }
    for (int before = LEVEL_1_BLOCK - 6; before <= LEVEL_1_BLOCK; before++) {
      byte[] data = new byte[before + 300]; // a run that does not fit in what is left
      for (int i = 0; i < before; i++) {
        data[i] = (byte) (i % 253);
      }
      Arrays.fill(data, before, data.length, (byte) 'r');
      assertBouncyCastleDecodes(data, 1);
    }
  }

  @Test
  void manyBlocks_ofVariedText() {
    byte[] csv = variedCsv(40_000); // about 1.5 MB: 16 blocks of level 1
    roundTrip(csv, 1);
    roundTrip(csv, 9);
  }

  @Test
  void randomBytes() {
    byte[] data = new byte[1_500_000];
    new Random(7).nextBytes(data);
    roundTrip(data, 9);
  }

  /**
   * Blocks that make a comparison sort of rotations quadratic, which is why BouncyCastle randomises
   * them; prefix doubling sorts each in a fraction of a second.
   */
  @Test
  @Timeout(120)
  void repetitiveBlocks_sortQuickly_andAreNotRandomised() {
    byte[] random = new byte[1000];
    new Random(3).nextBytes(random);
    List<byte[]> inputs =
        List.of(
            repeat("ab".getBytes(StandardCharsets.US_ASCII), 1_000_000),
            repeat("aaab".getBytes(StandardCharsets.US_ASCII), 500_000),
            repeat(random, 2000),
            repeat("2026-12-01,export,42\n".getBytes(StandardCharsets.US_ASCII), 100_000),
            fibonacciString(2_000_000));
    for (byte[] data : inputs) {
      byte[] z = compress(data, 9, 1 << 20);
      assertThat(z[14] & 0x80).as("the first block's randomised bit").isZero();
      assertAllDecode(data, z);
    }
  }

  /** However the data is cut into writes, the stream is the same. */
  @Test
  void writesOfOneByte_andOfMebibytes_giveTheSameStream() {
    byte[] data = variedCsv(8000);
    byte[] whole = compress(data, 1, data.length);
    assertThat(compress(data, 1, 1)).isEqualTo(whole);
    assertThat(compress(data, 1, 4093)).isEqualTo(whole);
    assertAllDecode(data, whole);
  }

  /** The block and stream CRCs of one block are those libbz2 writes for the same data. */
  @Test
  void crcs_areThoseBzip2Writes() {
    ExternalPrograms.require("bzip2", "bzip2");
    byte[] data = variedCsv(100);
    byte[] ours = compress(data, 9, 1 << 16);
    byte[] theirs = Tool.run(data, Map.of(), Tool.list("bzip2", "-9", "-c")).ok().out();
    assertThat(Arrays.copyOfRange(ours, 10, 14))
        .as("block CRC")
        .isEqualTo(Arrays.copyOfRange(theirs, 10, 14));
    assertThat(Tool.run(ours, Map.of(), Tool.list("bzip2", "-t")).code()).isZero();
  }

  @Test
  void writingAfterClose_fails() throws IOException {
    Bzip2OutputStream out = new Bzip2OutputStream(new ByteArrayOutputStream(), 9);
    out.close();
    out.close();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> out.write(new byte[3], 0, 3)).isInstanceOf(IOException.class);
  }

  /** For an aborted message: nothing more is written, not even the block being filled. */
  @Test
  void abandon_writesNothingMore_andMakesCloseDoNothing() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    Bzip2OutputStream out = new Bzip2OutputStream(target, 9);
    out.write(variedCsv(1000));
    out.flush();
    int size = target.size();
    out.abandon();
    out.close();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    assertThat(target.size()).isEqualTo(size);
  }

  static byte[] compress(byte[] data, int level, int writeSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Bzip2OutputStream z = new Bzip2OutputStream(out, level)) {
      for (int off = 0; off < data.length; off += writeSize) {
        int n = Math.min(writeSize, data.length - off);
        if (n == 1) {
          z.write(data[off]);
        } else {
          z.write(data, off, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Compresses at the level and checks all three decoders give the data back. */
  static void roundTrip(byte[] data, int level) {
    assertAllDecode(data, compress(data, level, 1 << 16));
  }

  static void assertBouncyCastleDecodes(byte[] data, int level) {
    assertThat(bouncyCastle(compress(data, level, 1 << 16))).isEqualTo(data);
  }

  static void assertAllDecode(byte[] data, byte[] z) {
    assertThat(bouncyCastle(z)).as("BouncyCastle").isEqualTo(data);
    ExternalPrograms.require("bzip2", "bzip2");
    Tool.Result bzip2 = Tool.run(z, Map.of(), Tool.list("bzip2", "-d", "-c"));
    assertThat(bzip2.ok().out()).as("bzip2 -d").isEqualTo(data);
    ExternalPrograms.require("go", "golang-go");
    Tool.Result go = Tool.run(z, Map.of(), Tool.list(goDecoder.toString()));
    assertThat(go.ok().out()).as("Go's compress/bzip2").isEqualTo(data);
  }

  static byte[] bouncyCastle(byte[] z) {
    try (InputStream in = new CBZip2InputStream(new ByteArrayInputStream(z))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] repeat(byte[] unit, int times) {
    byte[] r = new byte[unit.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(unit, 0, r, i * unit.length, unit.length);
    }
    return r;
  }

  /** The Fibonacci word (a, ab, aba, abaab, …, each the two before) cut to n bytes. */
  static byte[] fibonacciString(int n) {
    StringBuilder before = new StringBuilder("a");
    StringBuilder word = new StringBuilder("ab");
    while (word.length() < n) {
      String last = word.toString();
      word.append(before);
      before = new StringBuilder(last);
    }
    return word.substring(0, n).getBytes(StandardCharsets.US_ASCII);
  }

  /** CSV whose rows differ, as an export's do (like OpenPgpJsInteropTest's). */
  static byte[] variedCsv(int rows) {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("id,email,score\n");
    for (int i = 0; i < rows; i++) {
      csv.append(i).append(",user").append(random.nextInt(1_000_000)).append("@example.com,");
      csv.append(random.nextInt(1000)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
