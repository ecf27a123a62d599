package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.TransientException;
import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.pgp.internal.Bzip2OutputStream;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host stops a job by interrupting its thread. An interrupt that ends an encryption or decryption
 * must be told as what it is, a {@link TransientException}, never as damaged data (a malformed
 * message would be set aside as a bad file) or an {@code IllegalStateException}; and the thread's
 * interrupt flag stays set for the host to see. Whether a call must wait for a helper thread at all
 * depends on timing, so each case runs several times and accepts success too (flag still set).
 */
class InterruptedCallsTest {
  static final int ROUNDS = 40;

  /** Plaintext that would take seconds to compress: a call that runs to its end was not stopped. */
  static final long TOTAL = 512L << 20;

  /** How long an interrupted call may take to end: generous, for a noisy shared machine. */
  static final long PROMPTLY_NANOS = TimeUnit.SECONDS.toNanos(5);

  /**
   * The zeros in {@link #bzip2Bomb}: BouncyCastle decompresses them at some 100 MB/s, so a
   * decryption that runs to the end takes a second or more; our encoder takes seconds to make it.
   */
  static final long BOMB = 128L << 20;

  @TempDir Path dir;

  static byte[] data() {
    byte[] data = new byte[8 << 20];
    new Random(3).nextBytes(data);
    return data;
  }

  @Test
  void decryption_interrupted_isATransientFailure_neverBadData() throws Exception {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).build(), data());
    List<Object> outcomes = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      outcomes.add(
          interrupted(
              () -> {
                try (InputStream in =
                    with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message))) {
                  in.readNBytes(1 << 20);
                  Thread.currentThread().interrupt();
                  in.transferTo(new ByteArrayOutputStream());
                }
              }));
      outcomes.add(
          interrupted(
              () -> {
                Thread.currentThread().interrupt();
                with(PgpTestKeys.ALICE_RSA)
                    .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream());
              }));
    }
    assertOnlyTransientFailures(outcomes);
  }

  @Test
  void encryption_interrupted_isATransientFailure() throws Exception {
    byte[] data = data();
    PgpEncryptor encryptor = to(PgpTestKeys.ALICE_RSA).build();
    List<Object> outcomes = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      outcomes.add(
          interrupted(
              () -> {
                Thread.currentThread().interrupt();
                encryptor.encrypt(new ByteArrayInputStream(data), new ByteArrayOutputStream());
              }));
      outcomes.add(
          interrupted(
              () ->
                  encryptor.encrypt(
                      new ByteArrayOutputStream(),
                      out -> {
                        out.write(data, 0, 1 << 20);
                        Thread.currentThread().interrupt();
                        out.write(data, 1 << 20, data.length - (1 << 20));
                      })));
    }
    assertOnlyTransientFailures(outcomes);
  }

  enum Api {
    WRITER,
    STREAM,
    FILE
  }

  /**
   * Where the plaintext is read ahead (the stream and file forms), BZIP2 keeps the caller's thread
   * from ever waiting for the reader: ZLIB there, or no compression anywhere, met a wait often
   * enough before the fix to end by chance.
   */
  static Stream<Arguments> encryptions() {
    return Stream.of(
        Arguments.of(Api.WRITER, Compression.ZLIB),
        Arguments.of(Api.WRITER, Compression.BZIP2),
        Arguments.of(Api.STREAM, Compression.BZIP2),
        Arguments.of(Api.FILE, Compression.BZIP2));
  }

  /** The writer form: the others wait for their reader's first buffer, which saw the interrupt. */
  static Stream<Arguments> writerEncryptions() {
    return Stream.of(
        Arguments.of(Api.WRITER, Compression.ZLIB), Arguments.of(Api.WRITER, Compression.BZIP2));
  }

  /**
   * Regression (black-box probes P02Interrupt enc-writer-z and encfile-csv): compression keeps the
   * thread busy without ever waiting for a helper thread, where alone an interrupt was seen, so an
   * interrupted encryption of 1 GB ran to its end and returned normally, or stopped seconds later.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("encryptions")
  void encryption_interruptedMidway_stopsPromptly_unfinished(Api api, Compression compression)
      throws Exception {
    Csv csv = new Csv();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(encryption(api, compression, csv), csv::consumed, 4 << 20);
    assertStoppedByInterrupt(o, "encryption was interrupted", before);
    assertThat(csv.consumed()).as("plaintext bytes read").isLessThan(TOTAL);
  }

  /**
   * Regression (P02Interrupt pre-encfile-csv): an interrupted thread still encrypted for seconds.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("writerEncryptions")
  void encryption_byAnInterruptedThread_stopsAtOnce(Api api, Compression compression)
      throws Exception {
    Csv csv = new Csv();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(encryption(api, compression, csv), csv::consumed, -1);
    assertStoppedByInterrupt(o, "encryption was interrupted", before);
    assertThat(csv.consumed()).as("plaintext bytes read").isLessThan(8 << 20);
  }

  /**
   * Regression (P02Interrupt decrypt-bz2): a BZIP2 bomb decompresses on the caller's thread without
   * a wait (its few KiB were decrypted ahead at once), and ran 23 s past the interrupt to its end.
   */
  @Test
  void decryption_ofABzip2Bomb_interruptedMidway_stopsPromptly() throws Exception {
    Sink sink = new Sink();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(decryption(sink), sink::written, 4 << 20);
    assertStoppedByInterrupt(o, "decryption was interrupted", before);
    assertThat(sink.written()).as("plaintext bytes written").isLessThan(BOMB);
  }

  @Test
  void decryption_ofABzip2Bomb_byAnInterruptedThread_stopsAtOnce() throws Exception {
    Sink sink = new Sink();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(decryption(sink), sink::written, -1);
    assertStoppedByInterrupt(o, "decryption was interrupted", before);
    assertThat(sink.written()).as("plaintext bytes written").isLessThan(1 << 20);
  }

  /**
   * Regression: reading a signed-only message ({@code PgpInlineSignatures.verify}, a {@code gpg
   * --sign} file) never looked at the interrupt flag, as decryption does: a BZIP2 bomb in one
   * decompressed on to its end after the interrupt.
   */
  @Test
  void verification_ofASignedBzip2Bomb_interruptedMidway_stopsPromptly() throws Exception {
    Sink sink = new Sink();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(verification(sink), sink::written, 4 << 20);
    assertStoppedByInterrupt(o, "reading the signed message was interrupted", before);
    assertThat(sink.written()).as("signed bytes written").isLessThan(BOMB);
  }

  @Test
  void verification_ofASignedBzip2Bomb_byAnInterruptedThread_stopsAtOnce() throws Exception {
    Sink sink = new Sink();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(verification(sink), sink::written, -1);
    assertStoppedByInterrupt(o, "reading the signed message was interrupted", before);
    assertThat(sink.written()).as("signed bytes written").isLessThan(1 << 20);
  }

  /**
   * Regression: a cleartext-signed message ({@code gpg --clearsign}), whose text is held in memory
   * up to 64 MiB, was read, hashed and written out to its end after an interrupt, which only
   * one-pass signed messages looked at.
   */
  @Test
  void verification_ofALargeCleartextMessage_interruptedMidway_stopsPromptly() throws Exception {
    Sink sink = new Sink();
    Counting message = new Counting(cleartextSigned());
    Set<Thread> before = helperThreads();
    Call verify = () -> PgpInlineSignatures.verify(message, sink, bob(), PgpPolicy.defaults());
    Outcome o = interruptedDuring(verify, message::consumed, 4 << 20);
    assertStoppedByInterrupt(o, "reading the signed message was interrupted", before);
    assertThat(message.consumed()).as("message bytes read").isLessThan(CLEARTEXT / 2);
    assertThat(sink.written()).as("text bytes written").isZero();
  }

  @Test
  void detach_ofALargeCleartextMessage_byAnInterruptedThread_stopsAtOnce() throws Exception {
    Sink sink = new Sink();
    Counting message = new Counting(cleartextSigned());
    Set<Thread> before = helperThreads();
    Call detach = () -> PgpInlineSignatures.detach(message, sink, new Sink(), true);
    Outcome o = interruptedDuring(detach, message::consumed, -1);
    assertStoppedByInterrupt(o, "reading the signed message was interrupted", before);
    assertThat(message.consumed()).as("message bytes read").isLessThan(1 << 20);
    assertThat(sink.written()).as("text bytes written").isZero();
  }

  @Test
  void verifyFile_ofALargeCleartextMessage_byAnInterruptedThread_leavesNoFile() throws Exception {
    Path signed = Files.write(dir.resolve("signed.asc"), cleartextSigned());
    Path plain = dir.resolve("plain.txt");
    Set<Thread> before = helperThreads();
    Call verify = () -> PgpInlineSignatures.verifyFile(signed, plain, bob(), PgpPolicy.defaults());
    Outcome o = interruptedDuring(verify, () -> 0, -1);
    Files.delete(signed);
    assertStoppedByInterrupt(o, "reading the signed message was interrupted", before);
  }

  /** How a test signs: a detached signature or an inline-signed message of each form. */
  enum Signing {
    DETACHED,
    DETACHED_TEXT,
    INLINE_BINARY,
    INLINE_TEXT,
    CLEARTEXT
  }

  /**
   * Regression: signing never looked at the interrupt flag, as encryption and decryption do, so a
   * host stopping its job waited for a large file's signature to the end, and got it.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Signing.class)
  void signing_interruptedMidway_stopsPromptly_withNoValidSignature(Signing how) throws Exception {
    Csv csv = new Csv();
    Kept out = new Kept();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(signing(how, csv, out), csv::consumed, 4 << 20);
    assertStoppedByInterrupt(o, "signing was interrupted", before);
    assertThat(csv.consumed()).as("data bytes read").isLessThan(TOTAL);
    assertNoValidSignature(how, out);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Signing.class)
  void signing_byAnInterruptedThread_stopsAtOnce(Signing how) throws Exception {
    Csv csv = new Csv();
    Kept out = new Kept();
    Set<Thread> before = helperThreads();
    Outcome o = interruptedDuring(signing(how, csv, out), csv::consumed, -1);
    assertStoppedByInterrupt(o, "signing was interrupted", before);
    assertThat(csv.consumed()).as("data bytes read").isZero();
    assertNoValidSignature(how, out);
  }

  /** {@link #TOTAL} bytes of CSV signed by Bob into {@code out}, armored but for INLINE_TEXT. */
  static Call signing(Signing how, Csv csv, OutputStream out) {
    List<PgpKey> bob = List.of(PgpKey.of(PgpTestKeys.BOB_25519.privateKey()));
    return switch (how) {
      case DETACHED -> () -> PgpSignatures.sign(csv.stream(), out, bob, true);
      case DETACHED_TEXT ->
          () -> PgpSignatures.sign(csv.stream(), out, bob, SignatureType.TEXT, false);
      case INLINE_BINARY ->
          () -> PgpInlineSignatures.sign(csv.stream(), out, bob, Mode.BINARY, true);
      case INLINE_TEXT -> () -> PgpInlineSignatures.sign(csv.stream(), out, bob, Mode.TEXT, false);
      case CLEARTEXT ->
          () -> PgpInlineSignatures.sign(csv.stream(), out, bob, Mode.CLEARTEXT, true);
    };
  }

  /**
   * A detached signature wrote nothing; an inline-signed message is left unfinished, which Bob's
   * certificate verifies no signature of (nor does it end in an armor footer).
   */
  static void assertNoValidSignature(Signing how, Kept out) {
    if (how == Signing.DETACHED || how == Signing.DETACHED_TEXT) {
      assertThat(out.written()).as("signature bytes written").isZero();
      return;
    }
    assertThat(out.written()).as("message bytes written").isLessThan(Kept.LIMIT);
    byte[] message = out.toByteArray();
    assertThat(new String(message, StandardCharsets.ISO_8859_1)).doesNotContain("-----END PGP");
    List<SignatureVerification> verifications;
    try {
      verifications =
          PgpInlineSignatures.verify(
              new ByteArrayInputStream(message), new Sink(), bob(), PgpPolicy.defaults());
    } catch (PgpDataException e) {
      return; // not a whole message
    }
    assertThat(verifications).as("verifications").noneMatch(SignatureVerification::valid);
  }

  /** Keeps the first {@link #LIMIT} bytes written to it, and counts them all. */
  static final class Kept extends ByteArrayOutputStream {
    static final int LIMIT = 32 << 20;
    private final AtomicLong written = new AtomicLong();

    long written() {
      return written.get();
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int keep = (int) Math.max(0, Math.min(len, LIMIT - written.get()));
      super.write(b, off, keep);
      written.addAndGet(len);
    }
  }

  static List<PgpCertificate> bob() {
    return List.of(PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()));
  }

  /** Text of a cleartext-signed message in {@link #cleartextSigned}: 60 MiB, under the limit. */
  static final long CLEARTEXT = 60L << 20;

  private static byte[] cleartext;

  /** {@link #CLEARTEXT} bytes of CSV lines signed by Bob in the cleartext signature framework. */
  static synchronized byte[] cleartextSigned() {
    if (cleartext == null) {
      byte[] line = "1234,someone@example.com,Someone,Example\n".getBytes(StandardCharsets.UTF_8);
      byte[] text = new byte[(int) CLEARTEXT];
      for (int i = 0; i < text.length; i++) {
        text[i] = line[i % line.length];
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PgpInlineSignatures.sign(
          new ByteArrayInputStream(text),
          out,
          List.of(PgpKey.of(PgpTestKeys.BOB_25519.privateKey())),
          PgpInlineSignatures.Mode.CLEARTEXT,
          true);
      cleartext = out.toByteArray();
    }
    return cleartext;
  }

  /** A message in memory that counts the bytes read from it, from any thread. */
  static final class Counting extends ByteArrayInputStream {
    private final AtomicLong consumed = new AtomicLong();

    Counting(byte[] b) {
      super(b);
    }

    long consumed() {
      return consumed.get();
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      consumed.addAndGet(Math.max(n, 0));
      return n;
    }

    @Override
    public synchronized int read() {
      int c = super.read();
      consumed.addAndGet(c < 0 ? 0 : 1);
      return c;
    }
  }

  /** The signed bomb verified into {@code sink}. */
  Call verification(Sink sink) throws IOException {
    byte[] message = signedBzip2Bomb();
    List<PgpCertificate> bob = List.of(PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()));
    return () ->
        PgpInlineSignatures.verify(
            new ByteArrayInputStream(message), sink, bob, PgpPolicy.defaults());
  }

  private static byte[] signedBomb;

  /**
   * {@link #BOMB} zeros signed by Bob, as {@code gpg --sign --compress-algo bzip2} makes them: the
   * one-pass signature, the literal data and the signature in one BZIP2 packet (by our encoder:
   * BouncyCastle's took a minute and more over so many zeros).
   */
  static synchronized byte[] signedBzip2Bomb() throws IOException {
    if (signedBomb == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0xA3); // an old-format compressed data packet of indeterminate length, as gpg's
      out.write(Compression.BZIP2.id());
      try (OutputStream compressed = new Bzip2OutputStream(out, 9)) {
        PgpInlineSignatures.sign(
            new InputStream() {
              private long left = BOMB;

              @Override
              public int read() {
                return left-- > 0 ? 0 : -1;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n > 0 || len == 0 ? n : -1;
              }
            },
            compressed,
            List.of(PgpKey.of(PgpTestKeys.BOB_25519.privateKey())),
            PgpInlineSignatures.Mode.BINARY,
            false);
      }
      signedBomb = out.toByteArray();
    }
    return signedBomb;
  }

  /** {@link #TOTAL} bytes of CSV, encrypted through {@code api}; a file is read from a pipe. */
  Call encryption(Api api, Compression compression, Csv csv) throws Exception {
    PgpEncryptor encryptor = to(PgpTestKeys.ALICE_RSA).compression(compression).build();
    return switch (api) {
      case WRITER -> () -> encryptor.encrypt(OutputStream.nullOutputStream(), csv::writeTo);
      case STREAM -> () -> encryptor.encrypt(csv.stream(), OutputStream.nullOutputStream());
      case FILE -> {
        Path source = dir.resolve("plain.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", source.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo's exit code").isZero();
        Thread feeder =
            new Thread(
                () -> {
                  try (OutputStream out = Files.newOutputStream(source)) {
                    csv.writeTo(out);
                  } catch (IOException e) {
                    // the reader closed the pipe
                  }
                },
                "csv-feeder");
        feeder.setDaemon(true);
        feeder.start();
        yield () -> encryptor.encryptFile(source, dir.resolve("plain.csv.pgp"));
      }
    };
  }

  /**
   * The bomb decrypted into {@code sink}. ({@code decryptFile} stopped before the fix too: its file
   * channel fails the next write of an interrupted thread.)
   */
  Call decryption(Sink sink) {
    byte[] message = bzip2Bomb();
    return () -> with(PgpTestKeys.ALICE_RSA).decrypt(new ByteArrayInputStream(message), sink);
  }

  private static byte[] bomb;

  /** {@link #BOMB} zeros, BZIP2-compressed (to a few KiB) and encrypted to Alice. */
  static synchronized byte[] bzip2Bomb() {
    if (bomb == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      to(PgpTestKeys.ALICE_RSA)
          .compression(Compression.BZIP2)
          .build()
          .encrypt(
              out,
              plaintext -> {
                byte[] zeros = new byte[1 << 20];
                for (long n = 0; n < BOMB; n += zeros.length) {
                  plaintext.write(zeros);
                }
              });
      bomb = out.toByteArray();
    }
    return bomb;
  }

  record Outcome(Throwable failure, boolean flagSet, long nanosFromInterrupt) {}

  /**
   * Runs {@code call} on a new thread and interrupts that thread once {@code progress} has reached
   * {@code after} bytes, or before the call when {@code after} is negative.
   */
  static Outcome interruptedDuring(Call call, LongSupplier progress, long after)
      throws InterruptedException {
    Throwable[] failure = new Throwable[1];
    boolean[] flag = new boolean[1];
    long[] ended = new long[1];
    Thread t =
        new Thread(
            () -> {
              if (after < 0) {
                Thread.currentThread().interrupt();
              }
              try {
                call.run();
              } catch (Throwable e) {
                failure[0] = e;
              }
              flag[0] = Thread.currentThread().isInterrupted();
              ended[0] = System.nanoTime();
            },
            "interrupted-call");
    long interruptedAt = System.nanoTime();
    t.start();
    if (after >= 0) {
      while (progress.getAsLong() < after && t.isAlive()) {
        Thread.sleep(5);
      }
      interruptedAt = System.nanoTime();
      t.interrupt();
    }
    t.join(60_000);
    assertThat(t.isAlive()).as("the call still runs a minute after the interrupt").isFalse();
    return new Outcome(failure[0], flag[0], ended[0] - interruptedAt);
  }

  /**
   * The call failed as interrupted, promptly, with the flag still set; its helper threads end, and
   * {@link #dir} holds no output, finished or partial, only the inputs made there.
   */
  void assertStoppedByInterrupt(Outcome o, String message, Set<Thread> before)
      throws IOException, InterruptedException {
    assertThat(o.failure())
        .as("the call's failure")
        .isInstanceOf(TransientException.class)
        .hasMessage(message);
    assertThat(o.flagSet()).as("the interrupt flag at the end").isTrue();
    assertThat(o.nanosFromInterrupt())
        .as("nanoseconds from the interrupt to the end of the call")
        .isLessThan(PROMPTLY_NANOS);
    for (Thread t : helperThreads()) {
      if (!before.contains(t)) {
        t.join(5_000);
        assertThat(t.isAlive()).as("%s still runs", t).isFalse();
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("files left")
          .isSubsetOf("plain.csv");
    }
  }

  static Set<Thread> helperThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tributary-pgp-"))
        .collect(Collectors.toSet());
  }

  /**
   * {@link #TOTAL} bytes of CSV rows, made as they are read and counted as they go: a 1 MiB block
   * of varied rows over and over, more than deflate's 32 KiB window, so it compresses as real CSV
   * does.
   */
  static final class Csv {
    private static final byte[] BLOCK = rows(1 << 20);
    private final AtomicLong consumed = new AtomicLong();

    long consumed() {
      return consumed.get();
    }

    InputStream stream() {
      return new InputStream() {
        @Override
        public int read() {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          long done = consumed.get();
          if (done >= TOTAL) {
            return -1;
          }
          int at = (int) (done % BLOCK.length);
          int n = (int) Math.min(Math.min(len, TOTAL - done), BLOCK.length - at);
          System.arraycopy(BLOCK, at, b, off, n);
          consumed.addAndGet(n);
          return n;
        }
      };
    }

    void writeTo(OutputStream out) throws IOException {
      stream().transferTo(out);
    }

    static byte[] rows(int size) {
      StringBuilder text = new StringBuilder(size + 100);
      Random random = new Random(11);
      while (text.length() < size) {
        text.append(random.nextInt(1_000_000)).append(",customer ").append(random.nextInt(99_999));
        text.append(",ACME Corp,").append(random.nextInt(100_000) / 100.0).append(",2026-12-0");
        text.append(1 + random.nextInt(9)).append('\n');
      }
      return text.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Discards what is written, counting it. */
  static final class Sink extends OutputStream {
    private final AtomicLong written = new AtomicLong();

    long written() {
      return written.get();
    }

    @Override
    public void write(int b) {
      written.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) {
      written.addAndGet(len);
    }
  }

  interface Call {
    void run() throws Exception;
  }

  /**
   * Runs {@code call} on a fresh thread; returns "ok" or its failure, after checking that the
   * interrupt flag is still set at the end either way.
   */
  static Object interrupted(Call call) throws InterruptedException {
    Object[] outcome = new Object[1];
    boolean[] flag = new boolean[1];
    Thread t =
        new Thread(
            () -> {
              try {
                call.run();
                outcome[0] = "ok";
              } catch (Throwable e) {
                outcome[0] = e;
              }
              flag[0] = Thread.currentThread().isInterrupted();
            });
    t.start();
    t.join(60_000);
    assertThat(t.isAlive()).as("the call still runs after a minute").isFalse();
    assertThat(flag[0]).as("interrupt flag after %s", outcome[0]).isTrue();
    return outcome[0];
  }

  static void assertOnlyTransientFailures(List<Object> outcomes) {
    // Each call waits for a helper thread at least at its end (the last buffers' hash) but for
    // rare timings: without one interrupted call this test would check nothing.
    assertThat(outcomes).as("outcomes").anyMatch(o -> o instanceof Throwable);
    for (Object o : outcomes) {
      if (o instanceof Throwable e) {
        assertThat(e).as("an interrupted call").isInstanceOf(TransientException.class);
        assertThat(e).hasMessageContaining("interrupted");
      } else {
        assertThat(o).isEqualTo("ok");
      }
    }
  }
}
