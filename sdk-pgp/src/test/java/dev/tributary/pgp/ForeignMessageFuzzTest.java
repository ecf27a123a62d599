package dev.tributary.pgp;

import static dev.tributary.pgp.DamagedInputFuzzTest.Outcome;
import static dev.tributary.pgp.DamagedInputFuzzTest.decryptor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.DamagedInputFuzzTest.Failures;
import dev.tributary.pgp.DamagedInputFuzzTest.MessageSample;
import dev.tributary.pgp.Packets.Packet;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DamagedInputFuzzTest} for messages that other programs wrote, whose packets take forms our
 * encryptor never writes: GnuPG 2.2's old-format session key packet headers, compressed packets of
 * indeterminate length, partial-body lengths of its own sizes, literal packets with a file name,
 * one-pass signed messages ({@code gpg --sign --encrypt}), hidden recipients ({@code
 * --throw-keyids}), several recipients; Sequoia's ({@code sqop} 0.27: SEIPD v1 for every test key,
 * as Sequoia 1.x writes no SEIPD v2 and cannot read v6 keys) new-format headers, its partial-body
 * lengths, text-mode literal data and signatures; and both armored, and with a marker packet before
 * or a padding packet after, which RFC 9580 allows. SEIPD v2 comes from OpenPGP.js 6 ({@link
 * #openPgpJsSamples}): OCB, GCM and EAX, chunks of 64 octets to 256 KiB, to v6 keys and with
 * passwords, with padding packets inside and after. GnuPG 2.4's own AEAD format, the AEAD Encrypted
 * Data packet (tag 20, OCB), which no program here writes, is crafted as gpg 2.4 writes it ({@link
 * #gnupg24Samples}): its default 4 MiB chunks and 64-octet ones, in partial-body pieces, its empty
 * chunk after content that fills the last one, after PKESK v3 to RSA and Cv25519 keys and SKESK v5.
 * Messages are also opened by a given session key ({@code PgpDecryptor.Builder.sessionKey}): alone
 * (SEIPD v1, v2, tag 20), and a wrong one before the private key.
 *
 * <p>Each binary message is damaged systematically in each of its packets (a bit flipped in every
 * header octet and partial-body length, at the session key packet's version, key ID, algorithm and
 * key material, at the encrypted data's version, its first octets, its middle and its last 22
 * octets, the MDC packet; in SEIPD v2 at its cipher, AEAD mode, chunk size and salt (tag 20: its
 * IV), in the ciphertext and tag of the first, a middle and the last chunks and in the final tag
 * ({@link SeipdV2Chunks}); cut off there; each packet removed or repeated, the first two swapped;
 * garbage, a marker, a padding packet or a copy of a packet appended), and every message, binary or
 * armored, also at random ({@link Mutation}) with a fixed seed. Every case must give back exactly
 * the original plaintext or fail with a {@link PgpDataException} (the one {@link
 * PgpIntegrityException} for anything changed or cut off inside the encrypted data) or a {@link
 * PgpWrongKeyException}, in words, within seconds; and {@code decryptFile} must leave no file when
 * it fails; nothing may follow a message but marker and padding packets. A stream of AEAD-protected
 * data that fails must have handed out no octet of a chunk that did not authenticate ({@link
 * #releaseProblem}).
 *
 * <p>The plaintext comes back whole only after damage where it does not matter, and the printed
 * summary (outcomes by the place of the damage; {@code -Dfuzz.returned=true} prints each such case)
 * shows where: a session key packet repeated; another recipient's session key packet changed,
 * removed or moved (the message has one for the decrypting key too); the low bits of the bit count
 * of the session key packet's MPI, which do not change its length in octets; a marker packet before
 * the message removed or repeated, a marker or padding packet appended, a padding packet's body;
 * armor whose base64 still decodes to the same octets (white space, header lines, line breaks, a
 * cut checksum line: RFC 9580 says not to reject a message for its checksum); and a random "set" of
 * an octet to the value it had. A session key packet's changed key ID fails as {@link
 * PgpWrongKeyException}: the key ID picks the key to try; so does a change in the part of the data
 * that tests a session key given alone (SEIPD v1's prefix, the first AEAD chunk), where a change
 * and a wrong key look alike.
 *
 * <p>{@code -Dfuzz.scale=10} runs ten times the random cases, {@code -Dfuzz.verbose=true} prints
 * the time each sample took; as in {@link DamagedInputFuzzTest}, a failing input is saved under
 * {@code target/damaged-input-fuzz/}.
 */
class ForeignMessageFuzzTest {
  private static final long SEED = 0x7B1B_2026_1204L;
  private static final int SCALE = Integer.getInteger("fuzz.scale", 1);

  static final byte[] SMALL = "id,email\n1,a@example.com\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] LARGE = large();

  /** 1000 octets: 16 chunks of 64 octets in SEIPD v2. */
  static final byte[] MEDIUM = Arrays.copyOf(LARGE, 1000);

  private static final String PASSWORD = "a password the fuzz cases share";

  /** What RFC 9580 (section 10.3) allows after a message, of what {@link #systematic} appends. */
  private static final Pattern ALLOWED_AFTER = Pattern.compile("(.*, )?a (marker|padding) packet");

  /** An old-format marker packet (tag 10), as PGP 5 wrote before its messages. */
  static final byte[] MARKER = {(byte) 0xA8, 0x03, 'P', 'G', 'P'};

  private static Set<Thread> threadsBefore = Set.of();

  @TempDir Path dir;

  @RegisterExtension static final OpenPgpJs js = new OpenPgpJs();

  @BeforeAll
  static void snapshotThreads() {
    threadsBefore = DamagedInputFuzzTest.helperThreads();
  }

  @AfterAll
  static void noHelperThreadIsLeft() throws InterruptedException {
    for (Thread t : DamagedInputFuzzTest.helperThreads()) {
      if (!threadsBefore.contains(t)) {
        t.join(10_000);
        assertThat(t.isAlive()).as("%s still runs after the fuzz cases", t).isFalse();
      }
    }
  }

  @Test
  @RequiresProgram(value = "gpg", debianPackage = "gnupg")
  void gpgMessages_damaged_decryptToTheOriginalOrFailInWords() throws Exception {
    List<MessageSample> samples;
    try (Gpg gpg = new Gpg()) {
      samples = gpgSamples(gpg);
    }
    fuzz(samples, 17);
  }

  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void sqopMessages_damaged_decryptToTheOriginalOrFailInWords() throws Exception {
    fuzz(sqopSamples(Files.createDirectories(dir.resolve("sqop"))), 23);
  }

  /**
   * GnuPG 2.4's own AEAD format ({@link #gnupg24Samples}), which no program here writes: the AEAD
   * Encrypted Data packet (tag 20) crafted as GnuPG 2.4 writes it, around the packets gpg 2.2
   * writes inside its encryption. As for SEIPD v2, damage from the IV on, in any chunk, its tag or
   * the final tag, is the integrity error, and a stream hands out no octet of a chunk whose tag did
   * not check ({@link #releaseProblem}). Besides, messages opened by their session key alone or
   * after a wrong one ({@code PgpDecryptor.Builder.sessionKey}): this one, gpg 2.2's SEIPD v1.
   */
  @Test
  @RequiresProgram(value = "gpg", debianPackage = "gnupg")
  void gnupg24AeadMessages_andGivenSessionKeys_damaged_decryptToTheOriginalOrFailInWords()
      throws Exception {
    List<MessageSample> samples;
    try (Gpg gpg = new Gpg()) {
      samples = gnupg24Samples(gpg);
    }
    fuzz(samples, 31);
  }

  /**
   * SEIPD v2 from a real sender, OpenPGP.js 6 ({@link #openPgpJsSamples}): besides the outcomes
   * above, damage anywhere from the salt on, in any chunk or its tag or the final tag, gives the
   * integrity error, and what the stream handed out before it is the start of the plaintext and no
   * more than the chunks before the damage hold ({@link #releaseProblem}). OpenPGP.js runs under
   * node ({@link OpenPgpJs}: a skip without it, a failure in CI).
   */
  @Test
  void openPgpJsSeipdV2Messages_damaged_decryptToTheOriginalOrFailInWords() throws Exception {
    fuzz(openPgpJsSamples(js), 29);
  }

  /**
   * Damages each sample systematically (binary ones) and at random, decrypts it in one of the ways
   * {@link DamagedInputFuzzTest#MODES} names, and judges the outcome; prints the outcomes by kind
   * and place of the damage.
   */
  private void fuzz(List<MessageSample> samples, long salt) throws Exception {
    Failures failures = new Failures();
    Map<String, Map<String, Integer>> byPlace = new TreeMap<>();
    Path out = Files.createDirectories(dir.resolve("out"));
    int index = 0;
    for (MessageSample sample : samples) {
      Random random = new Random(SEED + salt * index++);
      byte[] message = sample.message();
      List<Packet> packets = sample.armored() ? List.of() : Packets.walk(message);
      SeipdV2Chunks v2 = SeipdV2Chunks.of(message, packets);
      int literalStart = v2 == null ? -1 : literalStart(sample, v2);
      List<Mutation> cases = new ArrayList<>(systematic(message, packets, v2, random));
      int randomCases =
          SCALE
              * (sample.plaintext().length == SMALL.length ? 30 : 10)
              * (sample.armored() ? 2 : 1);
      for (int i = 0; i < randomCases; i++) {
        long seed = random.nextLong();
        Mutation m = Mutation.of(message, sample.armored(), sample.fragile(), new Random(seed));
        cases.add(new Mutation(m.kind(), m.position(), m.detail() + ", seed " + seed, m.bytes()));
      }
      long start = System.nanoTime();
      for (int i = 0; i < cases.size(); i++) {
        Mutation m = cases.get(i);
        int mode = random.nextInt(DamagedInputFuzzTest.MODES.length);
        String place = place(message, packets, v2, m);
        String label =
            String.format(
                "%s via %s, case %d, %s in %s",
                sample.name(), DamagedInputFuzzTest.MODES[mode], i, m, place);
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        Outcome o =
            DamagedInputFuzzTest.run(
                () -> DamagedInputFuzzTest.decrypt(sample, m.bytes(), mode, out, released));
        String problem = problem(sample, packets, v2, m, o);
        if (problem == null && o.failure() != null && sample.aead()) {
          problem = releaseProblem(sample, v2, literalStart, m, released.toByteArray());
        }
        if (problem == null && mode == 5 && o.failure() != null) {
          problem = DamagedInputFuzzTest.leftoverProblem(out);
        }
        failures.check(label, problem, o.failure(), m.bytes());
        if (o.failure() == null && Boolean.getBoolean("fuzz.returned")) {
          System.out.println("RETURNED: " + label);
        }
        byPlace
            .computeIfAbsent(place, k -> new TreeMap<>())
            .merge(Failures.outcome(o.failure()), 1, Integer::sum);
        DamagedInputFuzzTest.clean(out);
      }
      DamagedInputFuzzTest.timing(sample.name(), cases.size(), start);
    }
    System.out.println("Outcomes by the place of the damage:");
    byPlace.forEach((place, outcomes) -> System.out.println("  " + place + ": " + outcomes));
    failures.assertNone();
  }

  /** Why the outcome is wrong, or null: see the class comment. */
  private static @Nullable String problem(
      MessageSample sample,
      List<Packet> packets,
      @Nullable SeipdV2Chunks v2,
      Mutation m,
      Outcome o) {
    if (o.failure() == null) {
      boolean allowed = !m.kind().equals("appended") || ALLOWED_AFTER.matcher(m.detail()).matches();
      return allowed
          ? DamagedInputFuzzTest.plaintextProblem(sample, o.value())
          : "what was appended to the message was ignored, not refused";
    }
    String problem =
        DamagedInputFuzzTest.thrownProblem(
            o.failure(), PgpDataException.class, PgpWrongKeyException.class);
    boolean keyTest =
        o.failure() instanceof PgpWrongKeyException
            && sample.name().contains(SESSION_KEY_ALONE)
            && inKeyTest(packets, v2, m);
    if (problem == null
        && sealed(packets, m)
        && !(o.failure() instanceof PgpIntegrityException)
        && !keyTest) {
      return "damage inside the encrypted data gave no integrity error";
    }
    return problem;
  }

  /** What the name of a sample says whose decryptor holds its session key and nothing else. */
  static final String SESSION_KEY_ALONE = "its session key given alone";

  /**
   * Whether {@code m} changed the part of the encrypted data that tests a given session key: SEIPD
   * v1's random prefix and its quick check, or the first AEAD chunk and its tag. Nothing else in a
   * message says which session key is right, so with a session key alone held, a change there and a
   * wrong key look alike: {@link PgpWrongKeyException} there is no lie (see {@code
   * GivenSessionKeys}). A cut is not: the packet ends before its length says, whatever the key.
   * With keys or passwords held as well, the key that opens a session key packet reads the data,
   * and its damage is the integrity error as everywhere.
   */
  private static boolean inKeyTest(List<Packet> packets, @Nullable SeipdV2Chunks v2, Mutation m) {
    if (m.kind().equals("truncate")) {
      return false;
    }
    if (v2 != null) {
      return v2.chunksBefore(m) == 0;
    }
    for (Packet p : packets) {
      if (p.tag() == 18) {
        return m.position() <= p.body() + 18; // the version octet and 18 octets of prefix
      }
    }
    return false;
  }

  /**
   * Whether {@code m} changed an octet of the encrypted data in place, after its version (SEIPD v2:
   * after its cipher, AEAD mode and chunk size, from the salt on; GnuPG's AEAD Encrypted Data
   * packet from its IV on) and not in a partial-body length, or cut the message off inside it:
   * either must be the integrity error.
   */
  static boolean sealed(List<Packet> packets, Mutation m) {
    for (Packet p : packets) {
      if (p.tag() != 18 && p.tag() != 20) {
        continue;
      }
      int at = m.position();
      boolean inPlace = m.kind().equals("flip") || m.kind().startsWith("set");
      if (!inPlace) {
        return m.kind().equals("truncate") && at >= p.body() && at < p.end();
      }
      // SEIPD v2 and GnuPG's tag 20 (version 1): from the salt or IV on, after the chunk size.
      boolean aead = p.tag() == 20 || m.bytes()[p.body()] == 2;
      int from = p.body() + (at != p.body() && aead ? 4 : 1);
      return at >= from && at < p.end() && !p.lengths().contains(at);
    }
    return false;
  }

  /**
   * Why what a streaming decryption of AEAD-protected data handed out before it failed is wrong, or
   * null: it must be the start of the plaintext and nothing else (each chunk is authenticated
   * before it is released, see {@code MessageDecryption}); and where the chunks are known (a binary
   * SEIPD v2 message holding a literal data packet alone), no more than the chunks whole before the
   * damage hold.
   */
  static @Nullable String releaseProblem(
      MessageSample sample,
      @Nullable SeipdV2Chunks v2,
      int literalStart,
      Mutation m,
      byte[] released) {
    byte[] plain = sample.plaintext();
    int n = released.length;
    if (n > plain.length || !Arrays.equals(released, 0, n, plain, 0, n)) {
      return "handed out " + n + " bytes that are not the start of the plaintext, then failed";
    }
    if (v2 == null || literalStart < 0) {
      return null;
    }
    int whole = v2.chunksBefore(m);
    if (whole < 0) {
      return null;
    }
    long allowed = Math.max(0, (long) whole * v2.chunkSize - literalStart);
    return n <= allowed
        ? null
        : String.format(
            "handed out %d bytes of plaintext, then failed; the %d chunks before the damage hold %d",
            n, whole, allowed);
  }

  /**
   * Where the plaintext starts inside the encryption of {@code sample} (see {@link
   * SeipdV2Chunks#literalDataStart}), or -1: read with the session key that its decryptor reveals,
   * if it does, by BouncyCastle (which reads GnuPG's empty last chunk as damage: {@link
   * SeipdV2Chunks#withoutEmptyChunk}).
   */
  private static int literalStart(MessageSample sample, SeipdV2Chunks v2) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    PgpSessionKey key =
        sample.decryptor().decrypt(new ByteArrayInputStream(sample.message()), plain).sessionKey();
    if (key == null) {
      return -1;
    }
    byte[] message = v2.withoutEmptyChunk(sample.message());
    return SeipdV2Chunks.literalDataStart(SeipdV2Chunks.innerPackets(message, key));
  }

  /**
   * The damage done to {@code message} in each of its {@code packets}: bit flips in every header
   * octet, in up to six partial-body lengths and at the places of each packet that matter; cuts
   * there and at every eighth; each packet removed or repeated, the first two swapped; and things
   * appended. None for armored text.
   */
  static List<Mutation> systematic(
      byte[] m, List<Packet> packets, @Nullable SeipdV2Chunks v2, Random r) {
    if (packets.isEmpty()) {
      return List.of();
    }
    Set<Integer> flips = new java.util.TreeSet<>();
    Set<Integer> cuts = new java.util.TreeSet<>();
    for (Packet p : packets) {
      int b = p.body();
      for (int i = p.start(); i < b; i++) {
        flips.add(i);
      }
      List<Integer> lengths = p.lengths();
      for (int i = 0; i < lengths.size(); i++) {
        if (i < 3 || i >= lengths.size() - 3) {
          flips.add(lengths.get(i));
          cuts.add(lengths.get(i));
        }
      }
      flips.addAll(List.of(b, b + 1, (b + p.end()) / 2, p.end() - 1));
      cuts.addAll(List.of(p.start() + 1, b, b + 1, (b + p.end()) / 2, p.end() - 1));
      if (p.tag() == 1) { // v3: version, key ID, algorithm, key material
        flips.addAll(List.of(b + 1, b + 5, b + 8, b + 9, b + 10, b + 11, p.end() - 2));
      }
      if (p.tag() == 18) { // version, the prefix and its repeated octets, the MDC packet
        int e = p.end();
        flips.addAll(List.of(b + 2, b + 16, b + 17, b + 18, b + 19, e - 22, e - 21, e - 20, e - 9));
        cuts.addAll(List.of(e - 22, e - 21, e - 2));
      }
    }
    for (int k = 0; k < 8; k++) {
      cuts.add(m.length * k / 8);
    }
    if (v2 != null) {
      flips.addAll(v2.flips());
      cuts.addAll(v2.cuts());
    }
    List<Mutation> cases = new ArrayList<>();
    for (int at : flips) {
      if (at >= 0 && at < m.length) {
        byte[] b = m.clone();
        int bit = r.nextInt(8);
        b[at] ^= (byte) (1 << bit);
        cases.add(new Mutation("flip", at, "bit " + bit, b));
      }
    }
    for (int at : cuts) {
      if (at >= 0 && at < m.length) {
        cases.add(
            new Mutation("truncate", at, "to " + at + " of " + m.length, Arrays.copyOf(m, at)));
      }
    }
    for (Packet p : packets) {
      byte[] packet = Arrays.copyOfRange(m, p.start(), p.end());
      String name = packetName(m, p);
      cases.add(
          new Mutation(
              "packet removed",
              p.start(),
              name,
              Mutation.splice(m, p.start(), packet.length, new byte[0])));
      cases.add(
          new Mutation("packet repeated", p.end(), name, Mutation.splice(m, p.end(), 0, packet)));
    }
    if (packets.size() > 1) {
      Packet first = packets.get(0);
      Packet second = packets.get(1);
      byte[] swapped =
          TrailingDataTest.concat(
              Arrays.copyOfRange(m, second.start(), second.end()),
              Arrays.copyOfRange(m, first.start(), first.end()),
              Arrays.copyOfRange(m, second.end(), m.length));
      cases.add(new Mutation("packets swapped", 0, "the first two", swapped));
    }
    byte[] garbage = new byte[17];
    r.nextBytes(garbage);
    Map<String, byte[]> appended = new java.util.LinkedHashMap<>();
    appended.put("a zero octet", new byte[1]);
    appended.put("17 random octets", garbage);
    appended.put("a marker packet", MARKER);
    appended.put("a padding packet", CraftedMessagesTest.paddingPacket(16));
    appended.put(
        "a marker packet that runs past the end", new byte[] {(byte) 0xA8, 0x40, 'P', 'G', 'P'});
    appended.put(
        "a marker packet that holds more", new byte[] {(byte) 0xCA, 0x05, 'P', 'G', 'P', 0, 0});
    Packet head = packets.get(0);
    Packet last = packets.get(packets.size() - 1);
    appended.put(
        "its first packet again, a " + packetName(m, head),
        Arrays.copyOfRange(m, head.start(), head.end()));
    appended.put(
        "its last packet again, a " + packetName(m, last),
        Arrays.copyOfRange(m, last.start(), last.end()));
    appended.forEach(
        (what, suffix) ->
            cases.add(
                new Mutation("appended", m.length, what, TrailingDataTest.concat(m, suffix))));
    return cases;
  }

  /** Where {@code m} damaged the message, for the summary: a packet and the part of it. */
  static String place(
      byte[] message, List<Packet> packets, @Nullable SeipdV2Chunks v2, Mutation m) {
    if (Arrays.equals(m.bytes(), message)) {
      return "no change (an octet set to the value it had)";
    }
    String kind =
        switch (m.kind()) {
          case "flip", "set" -> "changed";
          case "truncate" -> "cut";
          case "delete" -> "octets deleted";
          case "insert" -> "octets inserted";
          case "duplicate" -> "octets repeated";
          case "swap" -> "octets swapped";
          default -> m.kind();
        };
    if (m.kind().startsWith("text:")) {
      return "armor text, " + m.kind().substring(6);
    }
    if (packets.isEmpty()) {
      return kind + " in armor";
    }
    if (m.kind().startsWith("packet")) {
      return m.kind() + ": " + m.detail();
    }
    if (m.kind().equals("appended")) {
      return "appended: " + m.detail();
    }
    int at = m.position();
    for (Packet p : packets) {
      if (at >= p.start() && at < p.end()) {
        return kind + " in " + packetName(message, p) + ", " + part(message, p, v2, at);
      }
    }
    return kind + " after the end";
  }

  private static String part(byte[] m, Packet p, @Nullable SeipdV2Chunks v2, int at) {
    int offset = at - p.body();
    if (at < p.body()) {
      return "header";
    }
    if (p.lengths().contains(at)) {
      return "partial-body length";
    }
    int version = p.body() < p.end() ? m[p.body()] : -1;
    if (((p.tag() == 18 && version == 2) || p.tag() == 20) && v2 != null) {
      return v2.part(at);
    }
    if (p.tag() == 1 && version == 6) {
      return offset == 0
          ? "version"
          : offset <= 34
              ? "length, key version or fingerprint"
              : offset == 35 ? "algorithm" : "encrypted session key";
    }
    if (p.tag() == 1) {
      return offset == 0
          ? "version"
          : offset <= 8 ? "key ID" : offset == 9 ? "algorithm" : "encrypted session key";
    }
    if (p.tag() == 18) {
      return offset == 0
          ? "version"
          : at >= p.end() - 22 ? "MDC packet" : offset <= 18 ? "prefix" : "content";
    }
    return "body";
  }

  static String packetName(byte[] m, Packet p) {
    return p.tag() == 18 && p.body() < p.end() && m[p.body()] == 2
        ? "SEIPD v2"
        : packetName(p.tag());
  }

  static String packetName(int tag) {
    return switch (tag) {
      case 1 -> "session key packet";
      case 3 -> "password packet";
      case 10 -> "marker packet";
      case 18 -> "SEIPD v1";
      case 20 -> "AEAD data";
      case 21 -> "padding packet";
      default -> "packet " + tag;
    };
  }

  // ---- samples

  static List<MessageSample> gpgSamples(Gpg gpg) {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey bob = PgpTestKeys.BOB_25519;
    gpg.importSecretKey(alice).importKey(bob.armoredPublicKey());
    PgpDecryptor toAlice = decryptor(alice, null);
    PgpDecryptor toBob = decryptor(bob, null);
    PgpDecryptor toAliceSigned = decryptor(alice, alice);
    PgpDecryptor toBobSigned = decryptor(bob, alice);
    String a = alice.fingerprint();
    String b = bob.fingerprint();
    List<String> sign = List.of("--passphrase", alice.passphrase(), "--local-user", a, "--sign");
    List<MessageSample> s = new ArrayList<>();
    s.add(
        sample(
            "gpg to Alice, zip, a file name",
            gpg(gpg, SMALL, "zip", List.of("--set-filename", "r.csv", "-r", a)),
            SMALL,
            toAlice));
    s.add(sample("gpg to Bob, zlib", gpg(gpg, SMALL, "zlib", List.of("-r", b)), SMALL, toBob));
    s.add(
        sample(
            "gpg to Bob, uncompressed", gpg(gpg, SMALL, "none", List.of("-r", b)), SMALL, toBob));
    s.add(
        sample(
            "gpg to Alice, bzip2, armored",
            gpg(gpg, SMALL, "bzip2", List.of("-a", "-r", a)),
            SMALL,
            toAlice));
    s.add(
        sample(
            "gpg to Alice, uncompressed, large",
            gpg(gpg, LARGE, "none", List.of("-r", a)),
            LARGE,
            toAlice));
    s.add(sample("gpg to Bob, zip, large", gpg(gpg, LARGE, "zip", List.of("-r", b)), LARGE, toBob));
    s.add(
        sample(
            "gpg to Alice, signed by Alice, zlib",
            gpg(gpg, SMALL, "zlib", concat(sign, "-r", a)),
            SMALL,
            toAliceSigned));
    s.add(
        sample(
            "gpg to Bob, signed by Alice, uncompressed, large",
            gpg(gpg, LARGE, "none", concat(sign, "-r", b)),
            LARGE,
            toBobSigned));
    s.add(
        sample(
            "gpg to Alice, signed by Alice, bzip2, armored",
            gpg(gpg, SMALL, "bzip2", concat(sign, "-a", "-r", a)),
            SMALL,
            toAliceSigned));
    s.add(
        sample(
            "gpg to Bob, hidden recipient",
            gpg(gpg, SMALL, "zip", List.of("--throw-keyids", "-r", b)),
            SMALL,
            toBob));
    s.add(
        sample(
            "gpg to Alice and Bob, for Bob",
            gpg(gpg, SMALL, "zlib", List.of("-r", a, "-r", b)),
            SMALL,
            toBob));
    s.add(
        sample(
            "gpg to Alice after a marker packet",
            TrailingDataTest.concat(MARKER, gpg(gpg, SMALL, "zip", List.of("-r", a))),
            SMALL,
            toAlice));
    return s;
  }

  /**
   * GnuPG 2.4's AEAD messages, crafted ({@link Rfc9580Packets#gnupgAead}: OCB, in partial-body
   * pieces, GnuPG's default 4 MiB chunks or its least, 64 octets) around the packets gpg 2.2 writes
   * inside any encryption (a compressed packet of indeterminate length, literal data in
   * partial-body pieces), after the session key packets GnuPG 2.4 writes ({@link
   * Rfc9580Packets#gnupgSessionKeyPackets}: PKESK v3 to RSA and Cv25519 keys, SKESK v5 for a
   * password); and messages opened by a given session key: alone, and after a wrong one with the
   * private key held as well, GnuPG 2.4's and gpg 2.2's SEIPD v1.
   */
  static List<MessageSample> gnupg24Samples(Gpg gpg) throws Exception {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey bob = PgpTestKeys.BOB_25519;
    gpg.importSecretKey(alice).importKey(bob.armoredPublicKey());
    String a = alice.fingerprint();
    byte[] zlib = DamagedInputFuzzTest.innerPackets(gpg(gpg, SMALL, "zlib", List.of("-r", a)));
    byte[] zip = DamagedInputFuzzTest.innerPackets(gpg(gpg, SMALL, "zip", List.of("-r", a)));
    byte[] plain = DamagedInputFuzzTest.innerPackets(gpg(gpg, SMALL, "none", List.of("-r", a)));
    byte[] large = DamagedInputFuzzTest.innerPackets(gpg(gpg, LARGE, "none", List.of("-r", a)));
    PGPPublicKey toAlice = Rfc9580Packets.rsaSubkey(alice);
    PGPPublicKey toBob = CraftedMessagesTest.encryptionKey(bob);
    int aes256 = Rfc9580Packets.AES_256;
    int aes128 = Rfc9580Packets.AES_128;
    PgpDecryptor aliceDecryptor = revealing(alice);
    List<MessageSample> s = new ArrayList<>();
    s.add(
        gnupg24(
            "to Alice (RSA), zlib, 4 MiB chunks",
            gnupgMessage(aes256, List.of(toAlice), List.of(), 16, zlib, 8192),
            SMALL,
            aliceDecryptor));
    s.add(
        gnupg24(
            "to Bob (Cv25519), uncompressed, 4 MiB chunks",
            gnupgMessage(aes256, List.of(toBob), List.of(), 16, plain, 8192),
            SMALL,
            revealing(bob)));
    s.add(
        gnupg24(
            "with a password (SKESK v5), zip, 4 MiB chunks",
            gnupgMessage(aes256, List.of(), List.of(PASSWORD), 16, zip, 8192),
            SMALL,
            PgpDecryptor.builder().password(Secret.of(PASSWORD)).revealSessionKey(true).build()));
    // A literal data packet alone, with a length: the release rule's bound per chunk applies.
    GnupgMessage chunked =
        gnupgMessage(
            aes128,
            List.of(toAlice, toBob),
            List.of(PASSWORD),
            0,
            Rfc9580Packets.literal(MEDIUM),
            512);
    s.add(
        gnupg24(
            "to Alice, Bob and a password, for Bob, AES-128, 64-octet chunks",
            chunked,
            MEDIUM,
            revealing(bob)));
    ByteArrayOutputStream armored = new ByteArrayOutputStream();
    PgpArmor.armor(
        new ByteArrayInputStream(
            gnupgMessage(aes256, List.of(toAlice), List.of(), 16, zlib, 8192).message()),
        armored);
    s.add(
        sample(
            "GnuPG 2.4 form, to Alice, zlib, 4 MiB chunks, armored",
            armored.toByteArray(),
            SMALL,
            aliceDecryptor,
            true));
    s.add(
        gnupg24(
            "to Alice, uncompressed, large, 64 KiB chunks",
            gnupgMessage(aes256, List.of(toAlice), List.of(), 10, large, 8192),
            LARGE,
            aliceDecryptor));
    // Content that fills its last chunk: GnuPG's empty chunk follows (GnupgAeadChunkBoundaryTest).
    byte[] filling = Arrays.copyOf(LARGE, 16 * 64 - 12);
    s.add(
        gnupg24(
            "to Bob, 64-octet chunks, the content filling 16, then GnuPG's empty chunk",
            gnupgMessage(
                aes256, List.of(toBob), List.of(), 0, Rfc9580Packets.literal(filling), 512),
            filling,
            revealing(bob)));
    PgpSessionKey key = PgpSessionKey.of(SymmetricAlgorithm.AES_128, chunked.sessionKey());
    byte[] otherBytes = chunked.sessionKey();
    otherBytes[0] ^= 1;
    PgpSessionKey other = PgpSessionKey.of(SymmetricAlgorithm.AES_128, otherBytes);
    s.add(
        gnupg24(
            "64-octet chunks, " + SESSION_KEY_ALONE,
            chunked,
            MEDIUM,
            PgpDecryptor.builder().sessionKey(key).revealSessionKey(true).build()));
    s.add(
        gnupg24(
            "64-octet chunks, another session key given, then Bob's key",
            chunked,
            MEDIUM,
            PgpDecryptor.builder()
                .sessionKey(other)
                .key(PgpKey.of(bob.privateKey()))
                .revealSessionKey(true)
                .build()));
    byte[] v1 = gpg(gpg, SMALL, "zlib", List.of("-r", a));
    PgpSessionKey v1Key =
        aliceDecryptor
            .decrypt(new ByteArrayInputStream(v1), new ByteArrayOutputStream())
            .sessionKey();
    byte[] v1OtherBytes = v1Key.revealKey();
    v1OtherBytes[5] ^= 1;
    PgpSessionKey v1Other = PgpSessionKey.of(v1Key.algorithm(), v1OtherBytes);
    s.add(
        sample(
            "gpg to Alice, zlib, " + SESSION_KEY_ALONE,
            v1,
            SMALL,
            PgpDecryptor.builder().sessionKey(v1Key).build()));
    s.add(
        sample(
            "gpg to Alice, zlib, another session key given, then Alice's key",
            v1,
            SMALL,
            PgpDecryptor.builder().sessionKey(v1Other).key(PgpKey.of(alice.privateKey())).build()));
    return s;
  }

  private static PgpDecryptor revealing(TestKey key) {
    return PgpDecryptor.builder().key(PgpKey.of(key.privateKey())).revealSessionKey(true).build();
  }

  /** A GnuPG 2.4 message and its session key. */
  record GnupgMessage(byte[] message, byte[] key) {
    byte[] sessionKey() {
      return key.clone();
    }
  }

  /**
   * GnuPG 2.4's message: the session key packets for {@code recipients} and {@code passwords}, then
   * the AEAD Encrypted Data packet of {@code inner} in {@code cipher}, with chunk size octet {@code
   * c}, in partial-body pieces of {@code piece} octets.
   */
  private static GnupgMessage gnupgMessage(
      int cipher,
      List<PGPPublicKey> recipients,
      List<String> passwords,
      int c,
      byte[] inner,
      int piece)
      throws Exception {
    Rfc9580Packets.SessionKeyPackets keys =
        Rfc9580Packets.gnupgSessionKeyPackets(cipher, recipients, passwords);
    byte[] data = Rfc9580Packets.gnupgAead(keys.sessionKey(), cipher, c, inner, piece);
    return new GnupgMessage(Rfc9580Packets.concat(keys.packets(), data), keys.sessionKey());
  }

  private static MessageSample gnupg24(
      String name, GnupgMessage message, byte[] plaintext, PgpDecryptor decryptor) {
    return sample("GnuPG 2.4 form, " + name, message.message(), plaintext, decryptor, true);
  }

  static List<MessageSample> sqopSamples(Path dir) throws Exception {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey carol = PgpTestKeys.CAROL_SEQUOIA;
    TestKey dave = PgpTestKeys.DAVE_SEQUOIA;
    PgpDecryptor toCarol = decryptor(carol, null);
    PgpDecryptor toAliceSigned = decryptor(alice, carol);
    List<MessageSample> s = new ArrayList<>();
    s.add(sample("sqop to Carol", sqop(dir, SMALL, carol, null, "--no-armor"), SMALL, toCarol));
    s.add(
        sample(
            "sqop to Dave",
            sqop(dir, SMALL, dave, null, "--no-armor"),
            SMALL,
            decryptor(dave, null)));
    s.add(
        sample(
            "sqop to Alice, armored",
            sqop(dir, SMALL, alice, null, "--as=binary"),
            SMALL,
            decryptor(alice, null)));
    s.add(
        sample(
            "sqop to Carol, large", sqop(dir, LARGE, carol, null, "--no-armor"), LARGE, toCarol));
    s.add(
        sample(
            "sqop to Carol, text",
            sqop(dir, SMALL, carol, null, "--no-armor", "--as=text"),
            SMALL,
            toCarol));
    s.add(
        sample(
            "sqop to Alice, signed by Carol",
            sqop(dir, SMALL, alice, carol, "--no-armor"),
            SMALL,
            toAliceSigned));
    s.add(
        sample(
            "sqop to Carol, signed by Carol, large",
            sqop(dir, LARGE, carol, carol, "--no-armor"),
            LARGE,
            decryptor(carol, carol)));
    s.add(
        sample(
            "sqop to Alice, signed by Carol, armored",
            sqop(dir, SMALL, alice, carol, "--as=binary"),
            SMALL,
            toAliceSigned));
    s.add(
        sample(
            "sqop to Carol before a padding packet",
            TrailingDataTest.concat(
                sqop(dir, SMALL, carol, null, "--no-armor"), CraftedMessagesTest.paddingPacket(40)),
            SMALL,
            toCarol));
    return s;
  }

  /**
   * One message OpenPGP.js is asked for ({@link #jsEncrypt}), who decrypts it, and what it must
   * hold, as the request says: its packets as OpenPGP.js reads them, and for a binary one its chunk
   * size, its top-level packets (padding packets too, which OpenPGP.js's reading drops) and the
   * packets inside its encryption.
   */
  record JsMessage(String recipients, PgpDecryptor decryptor, ObjectNode request) {
    private JsonNode config() {
      return request.get("config");
    }

    private String mode() {
      return config().get("preferredAEADAlgorithm").asText();
    }

    boolean armored() {
      return request.path("armor").asBoolean();
    }

    byte[] plaintext() throws IOException {
      return request.get("data").binaryValue();
    }

    int chunkSize() {
      return 1 << (config().get("aeadChunkSizeByte").asInt() + 6);
    }

    String name() throws IOException {
      int size = chunkSize();
      String compression = request.get("compression").asText();
      return String.format(
          "OpenPGP.js %s, %s, %s chunks, %s%s%s%s%s",
          recipients,
          mode().toUpperCase(java.util.Locale.ROOT),
          size < 1024 ? size + "-octet" : (size >> 10) + " KiB",
          compression,
          plaintext().length == LARGE.length ? ", large" : "",
          armored() ? ", armored" : "",
          request.has("paddingInside") ? ", a padding packet inside" : "",
          request.has("paddingAfter") ? ", a padding packet after" : "");
    }

    String packets() {
      return (request.has("certs") ? "publicKeyEncryptedSessionKey v6, " : "")
          + (request.has("passwords") ? "symEncryptedSessionKey v6 " + mode() + ", " : "")
          + "symEncryptedIntegrityProtectedData v2 aes256 "
          + mode();
    }

    List<Integer> tags() {
      List<Integer> tags = new ArrayList<>();
      for (int tag : new int[] {1, 3, 18, 21}) {
        String field = tag == 1 ? "certs" : tag == 3 ? "passwords" : "paddingAfter";
        if (tag == 18 || request.has(field)) {
          tags.add(tag);
        }
      }
      return tags;
    }

    List<Integer> inner() {
      return !request.get("compression").asText().equals("uncompressed")
          ? List.of(8)
          : request.has("paddingInside") ? List.of(11, 21) : List.of(11);
    }
  }

  /**
   * OpenPGP.js 6's SEIPD v2 messages: to a v6 key it made (Ed25519, X25519) and to Eve (a v6 key of
   * ours), with a password (a v6 SKESK, its S2K iterated and salted or Argon2), and both; with OCB,
   * GCM and EAX; with 64-octet chunks (the least: {@code aeadChunkSizeByte} 0, so that damage lands
   * in many chunks), 4 KiB and 256 KiB (its default); compressed and not; and with a padding packet
   * inside (after the literal data) and after the message, which OpenPGP.js's encrypt() does not
   * write but its PaddingPacket does. Each binary message's packets, outside and inside the
   * encryption, and its chunk size are checked first.
   */
  static List<MessageSample> openPgpJsSamples(OpenPgpJs js) throws Exception {
    OpenPgpJsInteropTest.JsKey six =
        OpenPgpJsInteropTest.key(
            js.call(
                OpenPgpJsInteropTest.generate("curve25519", "Six <six@example.com>", "")
                    .set("config", OpenPgpJsInteropTest.v6())),
            "");
    PgpDecryptor toSix = PgpDecryptor.builder().key(six.key()).revealSessionKey(true).build();
    PgpDecryptor toEve =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.EVE_V6.privateKey()))
            .revealSessionKey(true)
            .build();
    PgpDecryptor withPassword =
        PgpDecryptor.builder().password(Secret.of(PASSWORD)).revealSessionKey(true).build();
    ArrayNode sixCert = OpenPgpJs.JSON.createArrayNode().add(six.publicKey());
    ArrayNode eveCert = OpenPgpJs.JSON.createArrayNode().add(PgpTestKeys.EVE_V6.armoredPublicKey());
    ArrayNode password = OpenPgpJs.JSON.createArrayNode().add(PASSWORD);
    String toV6 = "to a v6 key";
    List<JsMessage> specs =
        List.of(
            new JsMessage(toV6, toSix, jsEncrypt(MEDIUM, "ocb", 0, "uncompressed", sixCert)),
            new JsMessage(toV6, toSix, jsEncrypt(MEDIUM, "gcm", 0, "uncompressed", sixCert)),
            new JsMessage(toV6, toSix, jsEncrypt(MEDIUM, "eax", 0, "uncompressed", sixCert)),
            new JsMessage(toV6, toSix, jsEncrypt(LARGE, "ocb", 6, "zlib", sixCert)),
            new JsMessage(toV6, toSix, jsEncrypt(LARGE, "gcm", 6, "uncompressed", sixCert)),
            new JsMessage(
                toV6, toSix, jsEncrypt(SMALL, "eax", 12, "zip", sixCert).put("armor", true)),
            new JsMessage(
                toV6,
                toSix,
                jsEncrypt(SMALL, "ocb", 12, "uncompressed", sixCert)
                    .put("paddingInside", 16)
                    .put("paddingAfter", 20)),
            new JsMessage(
                "to Eve (a v6 key of ours)",
                toEve,
                jsEncrypt(SMALL, "ocb", 0, "uncompressed", eveCert)),
            new JsMessage(
                "with a password",
                withPassword,
                jsEncrypt(MEDIUM, "ocb", 0, "uncompressed", null).set("passwords", password)),
            new JsMessage(
                "with a password hashed by Argon2 (1 MiB)",
                withPassword,
                argon2(jsEncrypt(SMALL, "ocb", 0, "zip", null).set("passwords", password))),
            new JsMessage(
                "to a v6 key and a password",
                withPassword,
                jsEncrypt(SMALL, "gcm", 0, "zlib", sixCert)
                    .put("paddingAfter", 40)
                    .set("passwords", password)),
            new JsMessage(
                "with a password",
                withPassword,
                jsEncrypt(MEDIUM, "eax", 0, "uncompressed", null)
                    .put("armor", true)
                    .set("passwords", password)));
    List<OpenPgpJs.Answer> answers = js.run(specs.stream().map(JsMessage::request).toList());
    List<MessageSample> samples = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      JsMessage spec = specs.get(i);
      String name = spec.name();
      OpenPgpJs.Answer a = answers.get(i).ok();
      byte[] message = a.bytes("message");
      assertThat(String.join(", ", a.strings("packets"))).as(name).isEqualTo(spec.packets());
      if (!spec.armored()) {
        // What OpenPGP.js's own reading does not show: padding packets, the chunk size.
        assertThat(SeipdV2Chunks.tags(message)).as(name).isEqualTo(spec.tags());
        SeipdV2Chunks chunks = SeipdV2Chunks.of(message, Packets.walk(message));
        assertThat(chunks).as(name).isNotNull();
        assertThat(chunks.chunkSize).as(name).isEqualTo(spec.chunkSize());
        PgpSessionKey key =
            spec.decryptor()
                .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream())
                .sessionKey();
        assertThat(SeipdV2Chunks.tags(SeipdV2Chunks.innerPackets(message, key)))
            .as(name)
            .isEqualTo(spec.inner());
      }
      samples.add(sample(name, message, spec.plaintext(), spec.decryptor(), true));
    }
    // The first message again, opened by its session key alone (GivenSessionKeys' SEIPD v2 path).
    MessageSample first = samples.get(0);
    PgpSessionKey key =
        first
            .decryptor()
            .decrypt(new ByteArrayInputStream(first.message()), new ByteArrayOutputStream())
            .sessionKey();
    samples.add(
        sample(
            first.name() + ", " + SESSION_KEY_ALONE,
            first.message(),
            first.plaintext(),
            PgpDecryptor.builder().sessionKey(key).revealSessionKey(true).build(),
            true));
    return samples;
  }

  /**
   * OpenPGP.js's request to encrypt {@code data} to the certificates (or none) as SEIPD v2 with the
   * AEAD mode, chunk size octet and compression; a password is hashed with its iterated S2K at 64
   * KiB (coded count 96), not its 16 MiB, to keep the cases fast.
   */
  static ObjectNode jsEncrypt(
      byte[] data,
      String mode,
      int chunkSizeByte,
      String compression,
      @Nullable ArrayNode certificates) {
    ObjectNode config =
        OpenPgpJs.JSON
            .createObjectNode()
            .put("aeadProtect", true)
            .put("preferredAEADAlgorithm", mode)
            .put("aeadChunkSizeByte", chunkSizeByte)
            .put("s2kIterationCountByte", 96);
    ObjectNode r =
        OpenPgpJs.request("encrypt")
            .put("data", data)
            .put("compression", compression)
            .set("config", config);
    return certificates == null ? r : r.set("certs", certificates);
  }

  /** {@code request} with its password hashed by Argon2 at 1 MiB, one pass, one lane. */
  private static ObjectNode argon2(ObjectNode request) {
    ObjectNode config = (ObjectNode) request.get("config");
    config.put("s2kType", "argon2");
    config
        .putObject("s2kArgon2Params")
        .put("passes", 1)
        .put("parallelism", 1)
        .put("memoryExponent", 10);
    return request;
  }

  static byte[] gpg(Gpg gpg, byte[] plaintext, String compression, List<String> options) {
    List<String> args = new ArrayList<>(List.of("--compress-algo", compression));
    args.addAll(options);
    args.add("--encrypt");
    return gpg.run(plaintext, args.toArray(String[]::new)).ok().out();
  }

  static byte[] sqop(
      Path dir, byte[] plaintext, TestKey to, @Nullable TestKey signer, String... options)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("encrypt"));
    args.addAll(List.of(options));
    if (signer != null) {
      Path key = Files.createTempFile(dir, "key", ".asc");
      Files.writeString(key, signer.armoredPrivateKey(), StandardCharsets.US_ASCII);
      args.add("--sign-with=" + key);
    }
    Path cert = Files.createTempFile(dir, "cert", ".asc");
    Files.writeString(cert, to.armoredPublicKey(), StandardCharsets.US_ASCII);
    args.add(cert.toString());
    return Tool.sqop(plaintext, args.toArray(String[]::new)).ok().out();
  }

  static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  static MessageSample sample(
      String name, byte[] message, byte[] plaintext, PgpDecryptor decryptor) {
    return sample(name, message, plaintext, decryptor, false);
  }

  static MessageSample sample(
      String name, byte[] message, byte[] plaintext, PgpDecryptor decryptor, boolean aead) {
    boolean armored = (message[0] & 0x80) == 0;
    return new MessageSample(
        name,
        message,
        plaintext,
        armored,
        decryptor,
        aead,
        false,
        -1, // judged here, by region: see sealedProblem
        armored ? List.of() : Packets.fragileOffsets(message));
  }

  private static byte[] large() {
    // Some 100 KiB of random digits and line breaks: compressible, in several partial-body pieces.
    Random r = new Random(SEED);
    byte[] data = new byte[100 << 10];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (r.nextInt(40) == 0 ? '\n' : '0' + r.nextInt(10));
    }
    return data;
  }
}
