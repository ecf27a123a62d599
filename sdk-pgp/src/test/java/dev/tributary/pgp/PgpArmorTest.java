package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tributary.core.TransientException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PgpArmor}: labels, round trips, pass-through, refusals in words, streaming. */
class PgpArmorTest {
  /** One of each kind of OpenPGP data, binary, with the label armor must give it. */
  static final class Sample {
    private final String kind;
    private final byte[] binary;
    private final String label;

    Sample(String kind, byte[] binary, String label) {
      this.kind = kind;
      this.binary = binary.clone();
      this.label = label;
    }

    byte[] binary() {
      return binary.clone();
    }

    String label() {
      return label;
    }

    @Override
    public String toString() {
      return kind;
    }
  }

  static final List<Sample> SAMPLES = samples();

  private static List<Sample> samples() {
    PgpKey key = PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey());
    ByteArrayOutputStream signature = new ByteArrayOutputStream();
    PgpSignatures.sign(new ByteArrayInputStream(TEXT), signature, List.of(key), false);
    byte[] message =
        EncryptDecryptTest.encrypt(EncryptDecryptTest.to(PgpTestKeys.CAROL_SEQUOIA).build(), TEXT);
    return List.of(
        new Sample("key", key.encoded(), "PRIVATE KEY BLOCK"),
        new Sample("certificate", key.certificate().encoded(), "PUBLIC KEY BLOCK"),
        new Sample("signature", signature.toByteArray(), "SIGNATURE"),
        new Sample("message", message, "MESSAGE"));
  }

  static byte[] armor(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpArmor.armor(new ByteArrayInputStream(in), out);
    return out.toByteArray();
  }

  static byte[] dearmor(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpArmor.dearmor(new ByteArrayInputStream(in), out);
    return out.toByteArray();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("SAMPLES")
  void armor_labelsByTheFirstPacket_andDearmorGivesTheSameBytes(Sample sample) {
    String armored = text(armor(sample.binary()));

    assertThat(armored)
        .startsWith("-----BEGIN PGP " + sample.label() + "-----\n\n")
        .endsWith("\n-----END PGP " + sample.label() + "-----\n")
        .doesNotContain("\r")
        .containsPattern("\n=[A-Za-z0-9+/]{4}\n-----END");
    assertThat(armored.lines().filter(l -> l.length() > 64)).isEmpty();
    assertThat(dearmor(ascii(armored))).isEqualTo(sample.binary());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("SAMPLES")
  void dearmor_ofBinary_passesItThroughUnchanged(Sample sample) {
    assertThat(dearmor(sample.binary())).isEqualTo(sample.binary());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("SAMPLES")
  void armor_ofArmor_isNormalizedToWhatArmoringTheBinaryGives(Sample sample) {
    byte[] canonical = armor(sample.binary());
    String crlfWithHeadersAndBlanks =
        "\n  \n"
            + text(canonical)
                .replace("-----\n\n", "-----\nComment: made by hand\n\n")
                .replace("\n", "\r\n");

    assertThat(armor(canonical)).isEqualTo(canonical);
    assertThat(armor(ascii(crlfWithHeadersAndBlanks))).isEqualTo(canonical);
  }

  @Test
  void armor_ofArmorUnderTheWrongLabel_takesTheLabelOfItsFirstPacket() {
    Sample cert = SAMPLES.get(1);
    String asMessage = text(armor(cert.binary())).replace("PUBLIC KEY BLOCK", "MESSAGE");

    assertThat(text(armor(ascii(asMessage)))).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n");
  }

  @Test
  void dearmor_ofTheLibrarysOwnCertificateArmor_givesItsBinary() {
    PgpCertificate cert = PgpCertificate.of(PgpTestKeys.CAROL_SEQUOIA.publicKey());
    assertThat(dearmor(ascii(cert.armored()))).isEqualTo(cert.encoded());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "armor|''|the input is empty: no OpenPGP data",
        "dearmor|''|the input is empty: no OpenPGP data",
        "armor|id,email|the input is not OpenPGP data: it neither starts with an OpenPGP packet",
        "dearmor|id,email|the input is not OpenPGP data: it neither starts with an OpenPGP packet",
      })
  void emptyInputOrPlainText_isRefusedAsNotOpenPgp(String verb, String input, String words) {
    assertThatThrownBy(() -> run(verb, ascii(input)))
        .isInstanceOfSatisfying(
            PgpDataException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OPENPGP))
        .hasMessageStartingWith(words);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"armor", "dearmor"})
  void gpgEnarmorsArmoredFile_isRefusedWithTheReason(String verb) {
    byte[] armoredFile =
        ascii(text(armor(SAMPLES.get(1).binary())).replace("PUBLIC KEY BLOCK", "ARMORED FILE"));
    assertThatThrownBy(() -> run(verb, armoredFile))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("gpg --enarmor writes ARMORED FILE");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"armor", "dearmor"})
  void cleartextSignedMessage_isRefused(String verb) {
    byte[] cleartext = ascii("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nhello\n");
    assertThatThrownBy(() -> run(verb, cleartext))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("cleartext-signed message");
  }

  @Test
  void binaryStartingWithTheReservedPacketType_isRefused() {
    assertThatThrownBy(() -> armor(new byte[] {(byte) 0xC0, 1, 2}))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(
            "the input is not OpenPGP data: the first octet of its data (0xC0) does not begin an"
                + " OpenPGP packet");
  }

  @Test
  void armorWithoutData_isRefused() {
    byte[] empty = ascii("-----BEGIN PGP MESSAGE-----\n\n-----END PGP MESSAGE-----\n");
    assertThatThrownBy(() -> dearmor(empty))
        .isInstanceOf(PgpDataException.class)
        .hasMessage("the armored block is empty: it holds no OpenPGP data");
  }

  /** Damaged armor, and the words each is refused in, by armor and dearmor alike. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "armor|checksum|the armor checksum (the line beginning with '=' before the footer) does not"
            + " match: the message was changed or damaged when it was copied",
        "dearmor|checksum|the armor checksum (the line beginning with '=' before the footer) does not"
            + " match: the message was changed or damaged when it was copied",
        "armor|base64|the armored message is damaged: its data holds '!' (0x21), which is not a"
            + " base64 character",
        "dearmor|base64|the armored message is damaged: its data holds '!' (0x21), which is not a"
            + " base64 character",
        "armor|footer|the armor footer -----END PGP MESSAGE----- is missing at the end: the input"
            + " was cut off; use all of it, including the last line",
        "dearmor|footer|the armor footer -----END PGP MESSAGE----- is missing at the end: the input"
            + " was cut off; use all of it, including the last line",
        "armor|after|the input continues after its armor footer -----END PGP MESSAGE-----: only"
            + " blank lines or another armored block may follow it",
        "dearmor|after|the input continues after its armor footer -----END PGP MESSAGE-----: only"
            + " blank lines or another armored block may follow it",
      })
  void damagedArmor_isRefusedInWordsThatSayWhatIsWrong(String verb, String damage, String words) {
    String armored = text(armor(SAMPLES.get(3).binary()));
    String damaged =
        switch (damage) {
          case "checksum" -> armored.replaceFirst("\n=[A-Za-z0-9+/]{4}\n", "\n=AAAA\n");
          case "base64" -> armored.replaceFirst("\n\n(..)", "\n\n$1!");
          case "footer" -> armored.substring(0, armored.indexOf("-----END"));
          default -> armored + "more text\n";
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> run(verb, ascii(damaged), out))
        .isInstanceOfSatisfying(
            PgpDataException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage(words);
    if (verb.equals("armor")) {
      assertThat(text(out.toByteArray())).doesNotContain("-----END");
    }
  }

  /**
   * Armored blocks one after another are read as their packets one after another, as GnuPG's
   * --dearmor reads them (sqop's dropped all but the first; ours wrote the first, then refused).
   */
  @Test
  void armoredBlocksOneAfterAnother_areConverted_asTheirPacketsOneAfterAnother() {
    byte[] first = SAMPLES.get(1).binary();
    byte[] second = SAMPLES.get(3).binary();
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    byte[] armored = ascii(text(armor(first)) + "\n \r\n" + text(armor(second)));

    assertThat(dearmor(armored)).isEqualTo(both);
    assertThat(text(armor(armored))).isEqualTo(text(armor(both)));
  }

  /**
   * Every block after the first is read from the same stream, what the block before it read ahead
   * pushed back into it: each was read through a new stream over those of all the blocks before it,
   * so that 1,000 blocks of a few octets took 0.5 s (quadratic time), and 10,000 threw a
   * StackOverflowError. 100,000 take well under a second.
   */
  @Test
  void manyTinyArmoredBlocks_areConverted_withoutAStreamPerBlockBeforeThem() throws IOException {
    byte[][] blocks = new byte[256][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = armor(new byte[] {(byte) 0xCB, 1, (byte) i});
    }
    ByteArrayOutputStream armored = new ByteArrayOutputStream();
    ByteArrayOutputStream packets = new ByteArrayOutputStream();
    int firstThousand = 0;
    for (int i = 0; i < 100_000; i++) {
      armored.write(blocks[i % blocks.length]);
      armored.write(i % 3 == 0 ? ascii("\r\n \n") : new byte[0]);
      packets.write(new byte[] {(byte) 0xCB, 1, (byte) i});
      firstThousand = i == 999 ? armored.size() : firstThousand;
    }
    byte[] input = armored.toByteArray();
    byte[] expected = packets.toByteArray();

    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> dearmor(input)))
        .isEqualTo(expected);
    assertThat(text(armor(input))).isEqualTo(text(armor(expected)));

    // A source that gives a few octets at a time: the peeks at each block's start span its reads.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpArmor.dearmor(
        new ByteArrayInputStream(input, 0, firstThousand) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        },
        out);
    assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(expected, 3 * 1000));
  }

  @Test
  void neitherStreamIsClosed_andTheTargetIsFlushed() {
    boolean[] closed = new boolean[2];
    boolean[] flushed = new boolean[1];
    InputStream in =
        new ByteArrayInputStream(SAMPLES.get(1).binary()) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    OutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void flush() {
            flushed[0] = true;
          }

          @Override
          public void close() {
            closed[1] = true;
          }
        };

    PgpArmor.armor(in, out);

    assertThat(closed).containsExactly(false, false);
    assertThat(flushed[0]).isTrue();
  }

  @Test
  void failingTarget_isATransientFailure() {
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    assertThatThrownBy(
            () -> PgpArmor.dearmor(new ByteArrayInputStream(SAMPLES.get(1).binary()), failing))
        .isInstanceOf(TransientException.class)
        .hasMessage("dearmoring failed: disk full");
  }

  /**
   * 32 MiB through armor and dearmor, joined by a pipe, comes out byte-exact; and the first MiB
   * comes out of dearmor while most of the input has not been generated yet, so neither step holds
   * the data.
   */
  @Test
  void largeMessage_streamsThroughArmorAndDearmor_byteExact() throws Exception {
    long size = 32L << 20;
    AtomicLong generated = new AtomicLong();
    MessageDigest inDigest = MessageDigest.getInstance("SHA-256");
    MessageDigest outDigest = MessageDigest.getInstance("SHA-256");
    PipedInputStream armored = new PipedInputStream(1 << 16);
    PipedOutputStream armorOut = new PipedOutputStream(armored);
    CompletableFuture<Void> armoring =
        CompletableFuture.runAsync(
            () -> {
              try (armorOut) {
                PgpArmor.armor(generator(size, generated, inDigest), armorOut);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    long[] counted = new long[1];
    long[] generatedAtFirstMib = {-1};
    OutputStream sink =
        new DigestOutputStream(OutputStream.nullOutputStream(), outDigest) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            counted[0] += len;
            if (generatedAtFirstMib[0] < 0 && counted[0] >= 1 << 20) {
              generatedAtFirstMib[0] = generated.get();
            }
          }
        };

    PgpArmor.dearmor(armored, sink);
    armoring.get(60, TimeUnit.SECONDS);

    assertThat(counted[0]).isEqualTo(size);
    assertThat(outDigest.digest()).isEqualTo(inDigest.digest());
    assertThat(generatedAtFirstMib[0]).isBetween(1L << 20, 4L << 20);
  }

  /** {@code size} octets of a literal data packet's look, pseudo-random, made as they are read. */
  private static InputStream generator(long size, AtomicLong generated, MessageDigest digest) {
    SplittableRandom random = new SplittableRandom(42);
    return new InputStream() {
      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long left = size - generated.get();
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          b[off + i] = (byte) random.nextInt();
        }
        if (generated.get() == 0) {
          b[off] = (byte) 0xCB; // a literal data packet, new format: the label is MESSAGE
        }
        digest.update(b, off, n);
        generated.addAndGet(n);
        return n;
      }
    };
  }

  private static void run(String verb, byte[] input) {
    run(verb, input, new ByteArrayOutputStream());
  }

  private static void run(String verb, byte[] input, OutputStream out) {
    if (verb.equals("armor")) {
      PgpArmor.armor(new ByteArrayInputStream(input), out);
    } else {
      PgpArmor.dearmor(new ByteArrayInputStream(input), out);
    }
  }
}
