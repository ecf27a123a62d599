package dev.tributary.connectors.file;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpKey;
import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.SftpClient;
import dev.tributary.testing.EmbeddedSftpServer;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Profiles, sources and file readers shared by the file connector tests. */
final class Fixtures {
  static final PgpTestKeys.TestKey KEY = PgpTestKeys.ALICE_RSA;

  private Fixtures() {}

  static SftpClient client(EmbeddedSftpServer server, String user, String password) {
    return SftpClient.builder(server.host())
        .port(server.port())
        .authorization(Authorization.sftpPassword(user, Secret.of(password)))
        .hostKeys(HostKeyPolicy.fingerprints(server.hostKeyFingerprint()))
        .build();
  }

  static Profile ann() {
    return Profile.builder("p-1")
        .identity("email", "ann@example.com")
        .field("first_name", "Ann")
        .field("plan", "pro")
        .field("points", new BigDecimal("1250.50"))
        .field("tags", Set.of("a"))
        .audience("vip")
        .build();
  }

  static Profile bob() {
    return Profile.builder("p-2")
        .identity("email", "bob@example.com")
        .field("first_name", "Bob, \"the builder\"")
        .field("plan", "=HYPERLINK(\"http://evil\")")
        .field("points", 7L)
        .build();
  }

  /** A profile generated from its number: the same number gives the same profile. */
  static Profile generated(long i) {
    return Profile.builder("g-" + i)
        .identity("email", "user" + i + "@example.com")
        .field("first_name", "User " + i)
        .field("plan", i % 3 == 0 ? "pro" : "free")
        .field("points", i * 10)
        .audience("all")
        .build();
  }

  /**
   * A source of {@code count} generated profiles that makes each page when asked and keeps none:
   * {@code onPage} sees the page number before each page is made.
   */
  static Source<Profile> generatedSource(long count, java.util.function.LongConsumer onPage) {
    return (from, max) -> {
      long start = from.cursor() == null ? 0 : Long.parseLong(from.cursor());
      onPage.accept(start / max);
      long end = Math.min(count, start + max);
      List<Profile> page = new ArrayList<>((int) (end - start));
      for (long i = start; i < end; i++) {
        page.add(generated(i));
      }
      return new Page<>(page, Checkpoint.at(Long.toString(end)), end == count);
    };
  }

  /** Decrypts with {@link #KEY}. */
  static byte[] decrypt(byte[] encrypted) {
    PgpDecryptor decryptor = PgpDecryptor.builder().key(PgpKey.of(KEY.privateKey())).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    decryptor.decrypt(new ByteArrayInputStream(encrypted), out);
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  /** Parses CSV with Jackson into rows of cells, an independent reading of what was written. */
  static List<List<String>> csv(byte[] data, char separator) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it =
        mapper
            .readerForListOf(String.class)
            .with(CsvSchema.emptySchema().withColumnSeparator(separator))
            .readValues(new String(data, StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
