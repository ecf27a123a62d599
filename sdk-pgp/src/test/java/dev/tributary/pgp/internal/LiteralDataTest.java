package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link LiteralData}: BouncyCastle reads back the name (any UTF-8 up to 255 bytes), the time in
 * whole seconds up to 2106-02-07 and the data of the packets it writes; what does not fit is
 * refused, or fitted by cutting whole characters and clamping the time.
 */
class LiteralDataTest {
  private static final long MAX_SECONDS = 0xFFFFFFFFL;

  /** 127 two-byte characters and one byte: exactly 255 bytes of UTF-8. */
  private static final String NAME_255_BYTES = "é".repeat(127) + "a";

  @Test
  void bouncyCastleReadsBackNameTimeAndData() throws Exception {
    String[] names = {"", "export.csv", "Grüße — 日本語 😀.txt", NAME_255_BYTES, "x".repeat(255)};
    Instant[] times = {
      Instant.EPOCH,
      Instant.parse("2024-02-29T12:34:56Z"),
      Instant.ofEpochSecond(1_700_000_000, 999_999_999),
      Instant.ofEpochSecond(MAX_SECONDS)
    };
    Random random = new Random(14);
    for (String name : names) {
      for (Instant time : times) {
        byte[] data = Chunks.random(name.length(), random.nextInt(600_000));
        PGPLiteralData read =
            (PGPLiteralData) new BcPGPObjectFactory(packet(name, time, data)).nextObject();
        String what = name + " at " + time;

        assertThat(read.getFormat()).as(what).isEqualTo(PGPLiteralData.BINARY);
        assertThat(read.getRawFileName()).as(what).isEqualTo(name.getBytes(StandardCharsets.UTF_8));
        assertThat(read.getFileName()).as(what).isEqualTo(name);
        assertThat(read.getModificationTime().toInstant())
            .as(what)
            .isEqualTo(Instant.ofEpochSecond(time.getEpochSecond()));
        Chunks.assertSameBytes(read.getInputStream().readAllBytes(), data, what);
      }
    }
  }

  @Test
  void open_refusesANameOver255Bytes_andATimeOutOfRange() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> LiteralData.open(out, NAME_255_BYTES + "a", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256")
        .hasMessageContaining("255");
    assertThatThrownBy(() -> LiteralData.open(out, "a", Instant.ofEpochSecond(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1969-12-31T23:59:59Z");
    assertThat(out.size()).as("nothing written").isZero();
  }

  @Test
  void fileNameProblem_countsUtf8Bytes_notCharacters() {
    assertThat(LiteralData.fileNameProblem(NAME_255_BYTES)).isNull();
    assertThat(LiteralData.fileNameProblem("é".repeat(128)))
        .contains("256 bytes")
        .contains("at most 255");
    assertThat(LiteralData.fileNameProblem("😀".repeat(64))).contains("256 bytes");
    assertThat(LiteralData.fileNameProblem("😀".repeat(63) + "abc")).isNull();
  }

  @Test
  void fitFileName_cutsWholeCharacters_toAtMost255Bytes() {
    String[][] cases = {
      // name, what fits
      {"é".repeat(200), "é".repeat(127)},
      {"a" + "é".repeat(200), "a" + "é".repeat(127)},
      {"😀".repeat(100), "😀".repeat(63)},
      {"ab" + "😀".repeat(100), "ab" + "😀".repeat(63)},
      {"abc" + "😀".repeat(100), "abc" + "😀".repeat(63)},
      {"日".repeat(100), "日".repeat(85)},
      {"x".repeat(300), "x".repeat(255)},
      {NAME_255_BYTES, NAME_255_BYTES},
      {"short.csv", "short.csv"},
      {"", ""}
    };
    for (String[] c : cases) {
      String fitted = LiteralData.fitFileName(c[0]);
      byte[] utf8 = fitted.getBytes(StandardCharsets.UTF_8);
      assertThat(fitted).as("fitted %s", c[0]).isEqualTo(c[1]);
      assertThat(c[0]).startsWith(fitted);
      assertThat(utf8.length).isLessThanOrEqualTo(255);
      assertThat(new String(utf8, StandardCharsets.UTF_8)).as("whole characters").isEqualTo(fitted);
      assertThat(LiteralData.fileNameProblem(fitted)).isNull();
    }
  }

  @Test
  void timeProblem_andFitTime_atTheEdgesOf32BitSeconds() {
    Instant beforeEpoch = Instant.ofEpochSecond(-1);
    Instant lastSecond = Instant.ofEpochSecond(MAX_SECONDS);
    Instant afterLast = Instant.ofEpochSecond(MAX_SECONDS + 1);

    assertThat(LiteralData.timeProblem(beforeEpoch)).contains("1970-01-01 to 2106-02-07");
    assertThat(LiteralData.timeProblem(Instant.EPOCH.minusNanos(1))).isNotNull();
    assertThat(LiteralData.timeProblem(Instant.EPOCH)).isNull();
    assertThat(LiteralData.timeProblem(lastSecond)).isNull();
    assertThat(LiteralData.timeProblem(lastSecond.plusNanos(999_999_999))).isNull();
    assertThat(LiteralData.timeProblem(afterLast)).contains("2106-02-07T06:28:16Z");
    assertThat(lastSecond).isEqualTo(Instant.parse("2106-02-07T06:28:15Z"));

    assertThat(LiteralData.fitTime(beforeEpoch)).isEqualTo(Instant.EPOCH);
    assertThat(LiteralData.fitTime(Instant.MIN)).isEqualTo(Instant.EPOCH);
    assertThat(LiteralData.fitTime(Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    assertThat(LiteralData.fitTime(lastSecond)).isEqualTo(lastSecond);
    assertThat(LiteralData.fitTime(afterLast)).isEqualTo(lastSecond);
    assertThat(LiteralData.fitTime(Instant.MAX)).isEqualTo(lastSecond);
    Instant inRange = Instant.parse("2024-02-29T12:34:56.789Z");
    assertThat(LiteralData.fitTime(inRange)).isEqualTo(Instant.parse("2024-02-29T12:34:56Z"));
    for (Instant t : new Instant[] {beforeEpoch, afterLast, Instant.MIN, Instant.MAX}) {
      assertThat(LiteralData.timeProblem(LiteralData.fitTime(t))).as("%s fitted", t).isNull();
    }
  }

  private static byte[] packet(String name, Instant time, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream literal = LiteralData.open(out, name, time)) {
      Chunks.write(literal, data, Chunks.oddSizes(new Random(data.length), 100_000));
    }
    return out.toByteArray();
  }
}
