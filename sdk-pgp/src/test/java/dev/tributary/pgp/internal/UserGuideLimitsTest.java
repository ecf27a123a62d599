package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.SignaturePolicy;
import dev.tributary.pgp.SignatureVerification;
import dev.tributary.pgp.SymmetricAlgorithm;
import dev.tributary.pgp.TextLineEndings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defaults and limits the user guide's PGP page (src/site/markdown/pgp.md) states are the
 * code's: each phrase is built from the constant it quotes, so that changing the constant or the
 * phrase alone fails here. The guide is read with its line breaks as spaces.
 */
class UserGuideLimitsTest {
  private static final Path GUIDE = Path.of("..", "src", "site", "markdown", "pgp.md");
  private static String guide;

  @BeforeAll
  static void readGuide() throws IOException {
    guide = Files.readString(GUIDE, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
  }

  private static String mib(long bytes) {
    assertThat(bytes % (1 << 20)).as("%d bytes in whole MiB", bytes).isZero();
    return (bytes >> 20) + " MiB";
  }

  private static String kib(long bytes) {
    assertThat(bytes % (1 << 10)).as("%d bytes in whole KiB", bytes).isZero();
    return (bytes >> 10) + " KiB";
  }

  @Test
  void encryptionDefaults() throws ReflectiveOperationException {
    PgpEncryptor.Builder builder = PgpEncryptor.builder();
    assertThat(field(builder, "symmetricAlgorithm")).isEqualTo(SymmetricAlgorithm.AES_256);
    assertThat(field(builder, "compression")).isEqualTo(Compression.ZLIB);
    assertThat(field(builder, "compressionLevel"))
        .isEqualTo(PgpEncryptor.DEFAULT_COMPRESSION_LEVEL);
    assertThat(field(builder, "skipIncompressible")).isEqualTo(true);
    assertThat(field(builder, "allowAead")).isEqualTo(false);
    assertThat(field(builder, "armor")).isEqualTo(false);
    assertThat(guide)
        .contains("| `skipCompressionOfCompressedData(…)` | true |")
        .contains("| `allowAead(true)` | false |")
        .contains("| `symmetricAlgorithm(…)` | AES-256 |")
        .contains("| `armor(true)` | binary |");
    assertThat(guide)
        .contains(
            "SEIPD v1 with an MDC and AES-256 — what GnuPG 2.2 and 2.4, Sequoia and every current"
                + " tool read — ZLIB compression at level "
                + PgpEncryptor.DEFAULT_COMPRESSION_LEVEL
                + ", binary output")
        .contains("| ZLIB, " + PgpEncryptor.DEFAULT_COMPRESSION_LEVEL + " |")
        .contains("SEIPD v2 in " + kib(1L << EncryptingOutputStream.AEAD_CHUNK_SIZE_EXPONENT))
        .contains("each chunk (" + kib(1L << EncryptingOutputStream.AEAD_CHUNK_SIZE_EXPONENT));
  }

  @Test
  void decryptionDefaults() throws ReflectiveOperationException {
    PgpDecryptor.Builder builder = PgpDecryptor.builder();
    assertThat(field(builder, "signaturePolicy")).isEqualTo(SignaturePolicy.OPTIONAL);
    assertThat(guide).contains("(default `" + SignaturePolicy.OPTIONAL + "`: checked and reported");
    assertThat(field(builder, "textLineEndings")).isEqualTo(TextLineEndings.NATIVE);
    assertThat(guide).contains("`" + TextLineEndings.NATIVE + "` (the default)");
  }

  private static Object field(Object o, String name) throws ReflectiveOperationException {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  @Test
  void policyDefaults() {
    PgpPolicy defaults = PgpPolicy.defaults();
    assertThat(defaults.maxDecompressedBytes()).isEqualTo(16L << 30);
    assertThat(guide)
        .contains("stops decompression after 16 GiB (`maxDecompressedBytes`")
        .contains("RSA/DSA/ElGamal keys under " + defaults.minimumRsaBits() + " bits")
        .contains(
            "RSA down to "
                + PgpPolicy.legacySenders().minimumRsaBits()
                + " bits, SHA-1 and"
                + " passwords hashed without iteration");
  }

  @Test
  void clockSkew() {
    assertThat(guide)
        .contains(
            "`SignatureVerification.CLOCK_SKEW_TOLERANCE` ("
                + SignatureVerification.CLOCK_SKEW_TOLERANCE.toMinutes()
                + " minutes)");
  }

  @Test
  void boundsOnWork() {
    assertThat(guide)
        .contains("more than " + SessionKeys.MAX_PACKETS + " session key packets")
        .contains(
            "passwords would have to be tried on more than "
                + SessionKeys.MAX_PASSWORD_PACKETS
                + " password packets")
        .contains("more than " + SessionKeys.MAX_KEY_TRIES + " private-key decryptions")
        .contains(
            "so a message asking for more than "
                + SignatureChecks.MAX_CHECKED
                + " is refused as `UNSUPPORTED`")
        .contains("at most " + SignatureChecks.MAX_CHECKED + " signatures by the verification keys")
        .contains("Argon2 asking for more than 2 GiB, or for more work than 2 GiB in two passes");
    assertThat(MessagePasswords.MAX_ARGON2_WORK_KIB)
        .as("more work than 2 GiB in two passes, in KiB")
        .isEqualTo(2 * (2L << 20));
  }

  @Test
  void sizes() {
    assertThat(guide)
        .contains("(at most " + mib(CleartextMessage.MAX_TEXT_BYTES) + ")")
        .contains("whose text (up to " + mib(CleartextMessage.MAX_TEXT_BYTES) + ")")
        .contains("at most " + Revocation.MAX_COMMENT_BYTES + " bytes");
  }

  @Test
  void passwordHashing() {
    int c = MessagePasswords.ITERATION_BYTE;
    long messageS2k = (16L + (c & 15)) << ((c >> 4) + 6);
    assertThat(guide).contains("a random 8-byte salt, " + mib(messageS2k) + " hashed");
    c = KeyProtection.V4_S2K_COUNT;
    long keyS2k = (16L + (c & 15)) << ((c >> 4) + 6);
    assertThat(guide).contains("iterated and salted SHA-256 over " + mib(keyS2k));
  }

  @Test
  void staleTemporaryFiles() {
    assertThat(AtomicFiles.STALE_AFTER).isEqualTo(Duration.ofMinutes(1));
    assertThat(guide).contains("that are stale — unchanged for a minute");
  }
}
