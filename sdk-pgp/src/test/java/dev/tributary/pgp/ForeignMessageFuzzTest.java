package dev.tributary.pgp;

import static dev.tributary.pgp.DamagedInputFuzzTest.Outcome;
import static dev.tributary.pgp.DamagedInputFuzzTest.decryptor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.DamagedInputFuzzTest.Failures;
import dev.tributary.pgp.DamagedInputFuzzTest.MessageSample;
import dev.tributary.pgp.Packets.Packet;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DamagedInputFuzzTest} for messages that other programs wrote, whose packets take forms our
 * encryptor never writes: GnuPG 2.2's old-format session key packet headers, compressed packets of
 * indeterminate length, partial-body lengths of its own sizes, literal packets with a file name,
 * one-pass signed messages ({@code gpg --sign --encrypt}), hidden recipients ({@code
 * --throw-keyids}), several recipients; Sequoia's ({@code sqop} 0.27: SEIPD v1 for every test key,
 * as Sequoia 1.x writes no SEIPD v2 and cannot read v6 keys) new-format headers, its partial-body
 * lengths, text-mode literal data and signatures; and both armored, and with a marker packet before
 * or a padding packet after, which RFC 9580 allows.
 *
 * <p>Each binary message is damaged systematically in each of its packets (a bit flipped in every
 * header octet and partial-body length, at the session key packet's version, key ID, algorithm and
 * key material, at the encrypted data's version, its first octets, its middle and its last 22
 * octets, the MDC packet; cut off there; each packet removed or repeated, the first two swapped;
 * garbage, a marker, a padding packet or a copy of a packet appended), and every message, binary or
 * armored, also at random ({@link Mutation}) with a fixed seed. Every case must give back exactly
 * the original plaintext or fail with a {@link PgpDataException} (the one {@link
 * PgpIntegrityException} for anything changed or cut off inside the encrypted data) or a {@link
 * PgpWrongKeyException}, in words, within seconds; and {@code decryptFile} must leave no file when
 * it fails; nothing may follow a message but marker and padding packets.
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
 * PgpWrongKeyException}: the key ID picks the key to try.
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

  /** What RFC 9580 (section 10.3) allows after a message, of what {@link #systematic} appends. */
  private static final Pattern ALLOWED_AFTER = Pattern.compile("(.*, )?a (marker|padding) packet");

  /** An old-format marker packet (tag 10), as PGP 5 wrote before its messages. */
  static final byte[] MARKER = {(byte) 0xA8, 0x03, 'P', 'G', 'P'};

  private static Set<Thread> threadsBefore = Set.of();

  @TempDir Path dir;

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
      List<Mutation> cases = new ArrayList<>(systematic(message, packets, random));
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
        String place = place(message, packets, m);
        String label =
            String.format(
                "%s via %s, case %d, %s in %s",
                sample.name(), DamagedInputFuzzTest.MODES[mode], i, m, place);
        Outcome o =
            DamagedInputFuzzTest.run(
                () -> DamagedInputFuzzTest.decrypt(sample, m.bytes(), mode, out));
        String problem = problem(sample, packets, m, o);
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
      MessageSample sample, List<Packet> packets, Mutation m, Outcome o) {
    if (o.failure() == null) {
      boolean allowed = !m.kind().equals("appended") || ALLOWED_AFTER.matcher(m.detail()).matches();
      return allowed
          ? DamagedInputFuzzTest.plaintextProblem(sample, o.value())
          : "what was appended to the message was ignored, not refused";
    }
    String problem =
        DamagedInputFuzzTest.thrownProblem(
            o.failure(), PgpDataException.class, PgpWrongKeyException.class);
    if (problem == null && sealed(packets, m) && !(o.failure() instanceof PgpIntegrityException)) {
      return "damage inside the encrypted data gave no integrity error";
    }
    return problem;
  }

  /**
   * Whether {@code m} changed an octet of the encrypted data in place, after its version and not in
   * a partial-body length, or cut the message off inside it: either must be the integrity error.
   */
  static boolean sealed(List<Packet> packets, Mutation m) {
    for (Packet p : packets) {
      if (p.tag() != 18) {
        continue;
      }
      int at = m.position();
      boolean inPlace = m.kind().equals("flip") || m.kind().startsWith("set");
      return inPlace
          ? at > p.body() && at < p.end() && !p.lengths().contains(at)
          : m.kind().equals("truncate") && at >= p.body() && at < p.end();
    }
    return false;
  }

  /**
   * The damage done to {@code message} in each of its {@code packets}: bit flips in every header
   * octet, in up to six partial-body lengths and at the places of each packet that matter; cuts
   * there and at every eighth; each packet removed or repeated, the first two swapped; and things
   * appended. None for armored text.
   */
  static List<Mutation> systematic(byte[] m, List<Packet> packets, Random r) {
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
      String name = packetName(p.tag());
      cases.add(
          new Mutation(
              "packet removed",
              p.start(),
              name,
              Mutation.splice(m, p.start(), packet.length, new byte[0])));
      cases.add(
          new Mutation("packet repeated", p.start(), name, Mutation.splice(m, p.end(), 0, packet)));
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
        "its first packet again, a " + packetName(head.tag()),
        Arrays.copyOfRange(m, head.start(), head.end()));
    appended.put(
        "its last packet again, a " + packetName(last.tag()),
        Arrays.copyOfRange(m, last.start(), last.end()));
    appended.forEach(
        (what, suffix) ->
            cases.add(
                new Mutation("appended", m.length, what, TrailingDataTest.concat(m, suffix))));
    return cases;
  }

  /** Where {@code m} damaged the message, for the summary: a packet and the part of it. */
  static String place(byte[] message, List<Packet> packets, Mutation m) {
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
        return kind + " in " + packetName(p.tag()) + ", " + part(p, at);
      }
    }
    return kind + " after the end";
  }

  private static String part(Packet p, int at) {
    int offset = at - p.body();
    if (at < p.body()) {
      return "header";
    }
    if (p.lengths().contains(at)) {
      return "partial-body length";
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

  static String packetName(int tag) {
    return switch (tag) {
      case 1 -> "session key packet";
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
    boolean armored = (message[0] & 0x80) == 0;
    return new MessageSample(
        name,
        message,
        plaintext,
        armored,
        decryptor,
        false,
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
