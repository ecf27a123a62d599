package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.droppingAfter;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.TransientException;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message whose plaintext could not be read or written to the end must not decrypt: closing the
 * encrypting stream on the way out of a failure would finish a shorter message, MDC and all, that
 * decrypts without error (a receiver would import half a file as if it were whole). The encryptor
 * leaves it unfinished instead, and frees its helper thread.
 */
class AbortedEncryptionTest {
  static final int MIB = 1 << 20;

  /**
   * Incompressible (stored), compressible (ZLIB, and BZIP2 by our own encoder), armored, and AEAD
   * (BouncyCastle's writer).
   */
  static Stream<Arguments> messages() {
    byte[] random = new byte[3 * MIB];
    new Random(7).nextBytes(random);
    byte[] text =
        "id,email\n1,a@example.com\n".repeat(3 * MIB / 25).getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of(
            "random, uncompressed", to(PgpTestKeys.ALICE_RSA), PgpTestKeys.ALICE_RSA, random),
        Arguments.of("text, ZLIB", to(PgpTestKeys.ALICE_RSA), PgpTestKeys.ALICE_RSA, text),
        Arguments.of(
            "text, BZIP2",
            to(PgpTestKeys.ALICE_RSA).compression(Compression.BZIP2),
            PgpTestKeys.ALICE_RSA,
            text),
        Arguments.of(
            "text, BZIP2, SEIPD v2",
            to(PgpTestKeys.EVE_V6).allowAead(true).compression(Compression.BZIP2),
            PgpTestKeys.EVE_V6,
            text),
        Arguments.of(
            "random, armored",
            to(PgpTestKeys.ALICE_RSA).armor(true),
            PgpTestKeys.ALICE_RSA,
            random),
        Arguments.of(
            "random, SEIPD v2",
            to(PgpTestKeys.EVE_V6).allowAead(true),
            PgpTestKeys.EVE_V6,
            random));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void encryptFromAStream_whoseReadingFails_leavesAMessageThatDoesNotDecrypt(
      String name, PgpEncryptor.Builder encryptor, TestKey key, byte[] data) {
    PgpEncryptor e = encryptor.build();
    for (int failAt : new int[] {1000, MIB, MIB + 12345}) {
      Set<Thread> before = helperThreads();
      ByteArrayOutputStream target = new ByteArrayOutputStream();

      assertThatThrownBy(() -> e.encrypt(droppingAfter(data, failAt), target))
          .as("failing at %d", failAt)
          .isInstanceOf(TransientException.class)
          .hasRootCauseMessage("connection reset");

      assertDoesNotDecrypt(key, target.toByteArray(), failAt);
      assertHelperThreadsEnd(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void encryptWithAWriter_thatThrows_leavesAMessageThatDoesNotDecrypt_andFinishesOtherwise(
      String name, PgpEncryptor.Builder encryptor, TestKey key, byte[] data) {
    PgpEncryptor e = encryptor.build();
    Set<Thread> before = helperThreads();

    ByteArrayOutputStream ioFailure = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                e.encrypt(
                    ioFailure,
                    out -> {
                      out.write(data, 0, MIB + 7);
                      throw new IOException("the database went away");
                    }))
        .isInstanceOf(TransientException.class)
        .hasMessage("encryption failed: the database went away");
    assertDoesNotDecrypt(key, ioFailure.toByteArray(), MIB + 7);

    ByteArrayOutputStream bug = new ByteArrayOutputStream();
    IllegalStateException thrown = new IllegalStateException("a bug in the caller");
    assertThatThrownBy(
            () ->
                e.encrypt(
                    bug,
                    out -> {
                      out.write(data, 0, 2 * MIB);
                      throw thrown;
                    }))
        .isSameAs(thrown);
    assertDoesNotDecrypt(key, bug.toByteArray(), 2 * MIB);
    assertHelperThreadsEnd(before);

    // A writer whose own try-with-resources closes what it was given on its way out of a failure.
    ByteArrayOutputStream closedByTheWriter = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                e.encrypt(
                    closedByTheWriter,
                    out -> {
                      try (java.io.Writer w =
                          new java.io.OutputStreamWriter(out, StandardCharsets.ISO_8859_1)) {
                        w.write(new String(data, 0, MIB + 3, StandardCharsets.ISO_8859_1));
                        throw new IOException("the query failed");
                      }
                    }))
        .isInstanceOf(TransientException.class)
        .hasMessage("encryption failed: the query failed");
    assertDoesNotDecrypt(key, closedByTheWriter.toByteArray(), MIB + 3);

    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    e.encrypt(whole, out -> out.write(data));
    assertThat(decrypt(with(key), whole.toByteArray())).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void abort_writesNothingMore_refusesWrites_andMakesCloseDoNothing(
      String name, PgpEncryptor.Builder encryptor, TestKey key, byte[] data) throws IOException {
    Set<Thread> before = helperThreads();
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    PgpEncryptor.EncryptionStream out = encryptor.build().encrypt(target);
    out.write(data, 0, MIB);

    out.abort();
    int size = target.size();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    out.close();
    out.abort();

    assertThat(target.size()).isEqualTo(size);
    assertHelperThreadsEnd(before);
    assertDoesNotDecrypt(key, target.toByteArray(), MIB);
    assertHelperThreadsEnd(before);
  }

  static void assertDoesNotDecrypt(TestKey key, byte[] message, int written) {
    assertThatThrownBy(() -> decrypt(with(key), message))
        .as("the unfinished message of %d bytes written", written)
        .isInstanceOf(PgpDataException.class);
  }

  static Set<Thread> helperThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            t ->
                t.getName().equals("tributary-pgp-mdc")
                    || t.getName().equals("tributary-pgp-decrypt")
                    || t.getName().equals("tributary-pgp-read"))
        .collect(Collectors.toSet());
  }

  /**
   * The MDC threads, those decrypting a compressed packet ahead and those reading ahead ({@code
   * helperThreads}) started since {@code before} end: an aborted message parks none for ever.
   */
  static void assertHelperThreadsEnd(Set<Thread> before) {
    for (Thread t : helperThreads()) {
      if (!before.contains(t)) {
        try {
          t.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
        assertThat(t.isAlive()).as("%s still runs", t).isFalse();
      }
    }
  }
}
