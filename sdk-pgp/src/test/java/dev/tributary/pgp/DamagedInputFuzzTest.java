package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic mutation fuzzing of everything sdk-pgp parses: messages our encryptor wrote (SEIPD
 * v1 and v2, every compression, signed or not, small and in several partial-body pieces, binary and
 * armored), the packets inside them (damaged, then encrypted again with a valid MDC), armored and
 * binary keys and certificates, and detached signatures. Each input is damaged once (a bit flipped,
 * bytes set, deleted, inserted, duplicated or swapped, the end cut off; armored text also in its
 * characters, lines and headers), mostly in its first 200 bytes and at its packet headers and
 * lengths. Every case must either give back exactly the original plaintext or fail with one of the
 * documented exceptions, in words: one line of printable text without class names, stack frames,
 * passphrases or key material; within a few seconds; the one integrity error for damage inside the
 * encrypted data; {@code decryptFile} leaving no file behind; and no helper thread left running at
 * the end.
 *
 * <p>The seeds are fixed: a failure names its sample, its case seed and its mutation. Keys and
 * certificates are fixtures, so their damage repeats exactly; messages and signatures are made
 * afresh on each run (OpenPGP encryption draws a session key, an IV or salt), so the same seed
 * damages a like input in the same way, and a failing input is also saved under {@code
 * target/damaged-input-fuzz/} for a regression test. Failures are collected per family and grouped
 * by kind, so one run shows every kind at once. {@code -Dfuzz.scale=10} runs ten times the cases,
 * {@code -Dfuzz.trace=<seed>} prints how one case failed, {@code -Dfuzz.verbose=true} the time each
 * sample took.
 */
class DamagedInputFuzzTest {
  private static final long SEED = 0x7B1B_2026_1201L;
  private static final long DEADLINE_SECONDS = 5;

  /** -Dfuzz.scale=10 runs ten times the cases (other seeds too): for a deeper run by hand. */
  private static final int SCALE = Integer.getInteger("fuzz.scale", 1);

  /**
   * What a message that reaches a user must not contain: class names, stack frames, object hashes,
   * a "null" where a value should be ("the null cipher" is a cipher's name), a negative ID (an
   * end-of-data -1 read as a value). Besides, it must be one line of printable text of at most 600
   * characters, without a passphrase or 8 characters of a test key's armor ({@link #junk}).
   */
  private static final Pattern JUNK =
      Pattern.compile(
          "org\\.bouncycastle|java\\.[a-z]+\\.|\\n\\s*at |\\tat |[A-Za-z]Exception\\b|Error:"
              + "|@[0-9a-f]{6,}|^null$|: null\\b|\\(null\\)|=null|\\bID -[0-9]");

  private static final List<String> SECRETS =
      List.of(PgpTestKeys.BOB_25519.passphrase(), PgpTestKeys.DAVE_SEQUOIA.passphrase());

  private static final byte[] SMALL =
      "id,email\n1,a@example.com\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LARGE = large();

  private static Set<Thread> threadsBefore = Set.of();
  private static ExecutorService runner = newRunner();

  @TempDir Path dir;

  @BeforeAll
  static void snapshotThreads() {
    threadsBefore = helperThreads();
  }

  @AfterAll
  static void noHelperThreadIsLeft() throws InterruptedException {
    runner.shutdownNow();
    for (Thread t : helperThreads()) {
      if (!threadsBefore.contains(t)) {
        t.join(10_000);
        assertThat(t.isAlive()).as("%s still runs after the fuzz cases", t).isFalse();
      }
    }
  }

  @Test
  void damagedMessages_decryptToTheOriginalOrFailInWords() throws Exception {
    fuzzDecryption(messageSamples(), 31, 28, 6, m -> m, DamagedInputFuzzTest::messageProblem);
  }

  /**
   * The packets inside the encryption (one-pass signatures, compressed data, literal data,
   * signatures), damaged and then encrypted again with a valid MDC: what the sender's tool could
   * have written. Integrity holds, so the failure must say what is wrong with the content, not that
   * the message was modified in transit.
   */
  @Test
  void damagedContent_inIntactEncryption_decryptsOrFailsInWords() throws Exception {
    fuzzDecryption(
        contentSamples(),
        61,
        40,
        40,
        DamagedInputFuzzTest::sealForAlice,
        DamagedInputFuzzTest::contentProblem);
  }

  interface Sealer {
    byte[] seal(byte[] damaged) throws Exception;
  }

  interface Judge {
    @Nullable String problem(MessageSample sample, Mutation mutation, Outcome outcome);
  }

  /**
   * Damages each sample {@code smallCases} or {@code largeCases} times, seals it, decrypts it in
   * one of the ways {@link #MODES} names, and has {@code judge} say what is wrong with the outcome.
   */
  private void fuzzDecryption(
      List<MessageSample> samples,
      long salt,
      int smallCases,
      int largeCases,
      Sealer sealer,
      Judge judge)
      throws Exception {
    Failures failures = new Failures();
    Path out = Files.createDirectories(dir.resolve("out"));
    int index = 0;
    for (MessageSample sample : samples) {
      Random random = new Random(SEED + salt * index++);
      int cases = SCALE * (isSmall(sample) ? smallCases : largeCases);
      long start = System.nanoTime();
      for (int i = 0; i < cases; i++) {
        long seed = random.nextLong();
        Mutation m =
            Mutation.of(sample.message(), sample.armored(), sample.fragile(), new Random(seed));
        byte[] input = sealer.seal(m.bytes());
        int mode = Math.floorMod(seed, 6);
        String label = sample.name() + " via " + MODES[mode] + ", seed " + seed + ", " + m;
        Outcome o = run(() -> decrypt(sample, input, mode, out));
        String problem = judge.problem(sample, m, o);
        if (problem == null && mode == 5 && o.failure() != null) {
          problem = leftoverProblem(out);
        }
        failures.check(label, problem, o.failure(), input);
        clean(out);
      }
      timing(sample.name(), cases, start);
    }
    failures.assertNone();
  }

  static @Nullable String messageProblem(MessageSample s, Mutation m, Outcome o) {
    if (o.failure() == null) {
      return plaintextProblem(s, o.value());
    }
    String problem = thrownProblem(o.failure(), PgpDataException.class, PgpKeyException.class);
    return problem != null ? problem : sealedProblem(s, m, o.failure());
  }

  private static @Nullable String contentProblem(MessageSample s, Mutation m, Outcome o) {
    if (o.failure() == null) {
      // Unsigned content may change (a byte of the literal data); with a required signature not.
      return s.signed() ? plaintextProblem(s, o.value()) : null;
    }
    String problem = thrownProblem(o.failure(), PgpDataException.class);
    if (problem == null && o.failure() instanceof PgpIntegrityException) {
      return "the content was damaged, but the integrity error says it was in transit";
    }
    return problem;
  }

  /**
   * The packets inside our encryptor's SEIPD v1 messages to Alice, small, every compression, signed
   * by Carol (required) or not.
   */
  static List<MessageSample> contentSamples() throws Exception {
    PgpKey carol = PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey());
    PgpDecryptor alice = decryptor(PgpTestKeys.ALICE_RSA, null);
    PgpDecryptor aliceSigned = decryptor(PgpTestKeys.ALICE_RSA, PgpTestKeys.CAROL_SEQUOIA);
    List<MessageSample> samples = new ArrayList<>();
    for (Compression c : Compression.values()) {
      for (boolean signed : new boolean[] {false, true}) {
        PgpEncryptor.Builder b =
            PgpEncryptor.builder()
                .recipient(cert(PgpTestKeys.ALICE_RSA))
                .compression(c)
                .skipCompressionOfCompressedData(false);
        if (signed) {
          b.signWith(carol);
        }
        byte[] content = innerPackets(encrypt(b.build(), SMALL));
        String name = String.format("content %s, %s", c, signed ? "signed" : "unsigned");
        samples.add(
            new MessageSample(
                name,
                content,
                SMALL,
                false,
                signed ? aliceSigned : alice,
                false,
                signed,
                -1,
                Packets.fragileOffsets(content)));
      }
    }
    return samples;
  }

  /** The packets inside a SEIPD v1 message to Alice, without its MDC packet. */
  @SuppressWarnings("deprecation") // BouncyCastle's direct decryption, as in CraftedMessagesTest
  static byte[] innerPackets(byte[] message) throws Exception {
    PGPEncryptedDataList list = (PGPEncryptedDataList) new BcPGPObjectFactory(message).nextObject();
    PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) list.get(0);
    PGPSecretKeyRing ring = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()).ring();
    PGPPrivateKey key = ring.getSecretKey(data.getKeyIdentifier()).extractPrivateKey(null);
    try (InputStream in = data.getDataStream(new BcPublicKeyDataDecryptorFactory(key))) {
      return in.readAllBytes();
    }
  }

  /** {@code content} encrypted to Alice with BouncyCastle, with a valid MDC. */
  static byte[] sealForAlice(byte[] content) throws IOException, PGPException {
    PGPEncryptedDataGenerator gen =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true));
    gen.addMethod(
        new BcPublicKeyKeyEncryptionMethodGenerator(CraftedMessagesTest.aliceEncryptionKey()));
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    try (OutputStream enc = gen.open(message, new byte[1 << 12])) {
      enc.write(content);
    }
    return message.toByteArray();
  }

  @Test
  void damagedKeysAndCertificates_parseOrFailInWords() {
    Failures failures = new Failures();
    List<KeySample> samples = keySamples();
    int index = 0;
    for (KeySample sample : samples) {
      Random random = new Random(SEED + 97L * index++);
      long start = System.nanoTime();
      for (int i = 0; i < SCALE * sample.cases(); i++) {
        long seed = random.nextLong();
        Mutation m =
            Mutation.of(sample.data(), sample.armored(), fragile(sample.data()), new Random(seed));
        String label = sample.name() + ", seed " + seed + ", " + m;
        Outcome o = run(() -> sample.use().apply(m.bytes()));
        String problem =
            o.failure() == null ? null : thrownProblem(o.failure(), PgpKeyException.class);
        failures.check(label, problem, o.failure(), m.bytes());
      }
      timing(sample.name(), SCALE * sample.cases(), start);
    }
    failures.assertNone();
  }

  @Test
  void damagedDetachedSignatures_verifyOrFailInWords() {
    Failures failures = new Failures();
    List<PgpCertificate> certificates =
        List.of(
            cert(PgpTestKeys.ALICE_RSA), cert(PgpTestKeys.CAROL_SEQUOIA), cert(PgpTestKeys.EVE_V6));
    int index = 0;
    for (SignatureSample sample : signatureSamples()) {
      Random random = new Random(SEED + 131L * index++);
      for (int i = 0; i < SCALE * 60; i++) {
        long seed = random.nextLong();
        Mutation m =
            Mutation.of(
                sample.signature(),
                sample.armored(),
                fragile(sample.signature()),
                new Random(seed));
        String label = sample.name() + ", seed " + seed + ", " + m;
        Outcome o =
            run(
                () -> {
                  List<SignatureVerification> v =
                      PgpSignatures.verify(
                          new ByteArrayInputStream(SMALL),
                          new ByteArrayInputStream(m.bytes()),
                          certificates,
                          PgpPolicy.defaults());
                  return verificationProblems(v);
                });
        String problem =
            o.failure() != null
                ? thrownProblem(o.failure(), PgpDataException.class)
                : (String) o.value();
        failures.check(label, problem, o.failure(), m.bytes());
      }
    }
    failures.assertNone();
  }

  // ---- messages

  static final String[] MODES = {"decrypt", "decrypt", "decrypt", "open", "open", "decryptFile"};

  record MessageSample(
      String name,
      byte[] message,
      byte[] plaintext,
      boolean armored,
      PgpDecryptor decryptor,
      boolean aead,
      boolean signed,
      int bodyStart,
      List<Integer> fragile) {}

  static List<MessageSample> messageSamples() {
    long start = System.nanoTime();
    PgpKey carol = PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey());
    PgpDecryptor alice = decryptor(PgpTestKeys.ALICE_RSA, null);
    PgpDecryptor bob = decryptor(PgpTestKeys.BOB_25519, null);
    PgpDecryptor eve = decryptor(PgpTestKeys.EVE_V6, null);
    PgpDecryptor aliceSigned = decryptor(PgpTestKeys.ALICE_RSA, PgpTestKeys.CAROL_SEQUOIA);
    PgpDecryptor bobSigned = decryptor(PgpTestKeys.BOB_25519, PgpTestKeys.CAROL_SEQUOIA);
    // Signatures checked but not required: a damaged one is reported, in words too.
    PgpDecryptor eveSigned =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.EVE_V6.privateKey()))
            .verifyWith(cert(PgpTestKeys.CAROL_SEQUOIA))
            .build();
    List<MessageSample> samples = new ArrayList<>();
    for (boolean aead : new boolean[] {false, true}) {
      for (Compression c : Compression.values()) {
        for (boolean signed : new boolean[] {false, true}) {
          for (byte[] plaintext : List.of(SMALL, LARGE)) {
            for (boolean armor : new boolean[] {false, true}) {
              TestKey to =
                  aead
                      ? PgpTestKeys.EVE_V6
                      : c.ordinal() % 2 == 0 ? PgpTestKeys.ALICE_RSA : PgpTestKeys.BOB_25519;
              // Signed SEIPD v1 messages go to the other key too, whose session key packet comes
              // first: the decryptor must pass it by.
              TestKey other =
                  to.equals(PgpTestKeys.ALICE_RSA) ? PgpTestKeys.BOB_25519 : PgpTestKeys.ALICE_RSA;
              List<PgpCertificate> recipients =
                  signed && !aead ? List.of(cert(other), cert(to)) : List.of(cert(to));
              PgpEncryptor.Builder b =
                  PgpEncryptor.builder()
                      .recipients(recipients)
                      .allowAead(aead)
                      .compression(c)
                      .skipCompressionOfCompressedData(false)
                      .armor(armor);
              if (signed) {
                b.signWith(carol);
              }
              byte[] message = encrypt(b.build(), plaintext);
              PgpDecryptor d =
                  to.equals(PgpTestKeys.EVE_V6)
                      ? (signed ? eveSigned : eve)
                      : to.equals(PgpTestKeys.ALICE_RSA)
                          ? (signed ? aliceSigned : alice)
                          : (signed ? bobSigned : bob);
              String name =
                  String.format(
                      "SEIPD v%d to %s, %s, %s, %d bytes, %s",
                      aead ? 2 : 1,
                      recipients.size() > 1 ? other.name() + " and " + to.name() : to.name(),
                      c,
                      signed ? "signed" : "unsigned",
                      plaintext.length,
                      armor ? "armored" : "binary");
              samples.add(
                  new MessageSample(
                      name,
                      message,
                      plaintext,
                      armor,
                      d,
                      aead,
                      signed,
                      armor ? -1 : Packets.encryptedDataBodyStart(message),
                      fragile(message)));
            }
          }
        }
      }
    }
    timing("making the messages", samples.size(), start);
    return samples;
  }

  static PgpDecryptor decryptor(TestKey key, @Nullable TestKey signer) {
    PgpDecryptor.Builder b = PgpDecryptor.builder().key(PgpKey.of(key.privateKey()));
    if (signer != null) {
      b.verifyWith(cert(signer)).signaturePolicy(SignaturePolicy.REQUIRED);
    }
    return b.build();
  }

  static byte[] decrypt(MessageSample sample, byte[] message, int mode, Path out)
      throws IOException {
    return decrypt(sample, message, mode, out, new ByteArrayOutputStream());
  }

  /**
   * Decrypts {@code message} in one of the ways {@link #MODES} names; the streaming ones ({@code
   * decrypt}, {@code open}) leave the plaintext handed out in {@code released}, on a failure too.
   */
  static byte[] decrypt(
      MessageSample sample, byte[] message, int mode, Path out, ByteArrayOutputStream released)
      throws IOException {
    PgpDecryptor d = sample.decryptor();
    switch (MODES[mode]) {
      case "decrypt" -> {
        DecryptionResult r = d.decrypt(new ByteArrayInputStream(message), released);
        return checked(r, released.toByteArray());
      }
      case "open" -> {
        try (PgpDecryptor.DecryptionStream in = d.open(new ByteArrayInputStream(message))) {
          in.transferTo(released);
          return checked(in.result(), released.toByteArray());
        }
      }
      default -> {
        Path source = Files.write(out.resolveSibling("message.pgp"), message);
        Path target = out.resolve("plain.csv");
        DecryptionResult r = d.decryptFile(source, target);
        try (var files = Files.list(out)) {
          List<Path> left = files.collect(Collectors.toList());
          if (!left.equals(List.of(target))) {
            throw new AssertionError("after a decryption the directory holds " + left);
          }
        }
        return checked(r, Files.readAllBytes(target));
      }
    }
  }

  /** The plaintext, once the signatures' problems are in words too. */
  private static byte[] checked(DecryptionResult result, byte[] plaintext) {
    String problem = verificationProblems(result.signatures());
    if (problem != null) {
      throw new AssertionError(problem);
    }
    return plaintext;
  }

  static @Nullable String plaintextProblem(MessageSample sample, @Nullable Object value) {
    return Arrays.equals((byte[]) value, sample.plaintext())
        ? null
        : "returned " + ((byte[]) value).length + " bytes that are not the plaintext";
  }

  /**
   * A small binary message changed in place inside its encrypted data, after the header fields the
   * cipher needs, or cut off there, must give the one integrity error: anything else would tell an
   * attacker more than "modified".
   */
  private static @Nullable String sealedProblem(MessageSample s, Mutation m, Throwable thrown) {
    if (s.bodyStart() < 0 || thrown instanceof PgpIntegrityException) {
      return null;
    }
    // In place: from the first octet the cipher does not need to be known (v2: the salt on).
    int from = m.kind().equals("truncate") ? s.bodyStart() : s.bodyStart() + (s.aead() ? 4 : 1);
    boolean inPlace = m.kind().equals("flip") || m.kind().startsWith("set");
    boolean sealed =
        (inPlace && m.position() >= from && m.position() < s.message().length && isSmall(s))
            || (m.kind().equals("truncate") && m.position() >= from);
    return sealed ? "damage inside the encrypted data gave no integrity error" : null;
  }

  private static boolean isSmall(MessageSample s) {
    return s.plaintext().length == SMALL.length;
  }

  static @Nullable String leftoverProblem(Path out) {
    try (var files = Files.list(out)) {
      List<Path> left = files.collect(Collectors.toList());
      return left.isEmpty() ? null : "decryptFile failed and left " + left;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void clean(Path out) {
    try (var files = Files.list(out)) {
      for (Path p : files.collect(Collectors.toList())) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] large() {
    // More than 256 KiB after compression too: several partial-body pieces in every sample.
    byte[] data = new byte[300 << 10];
    new Random(SEED).nextBytes(data);
    return data;
  }

  // ---- keys and certificates

  interface KeyUse {
    @Nullable Object apply(byte[] data) throws Exception;
  }

  record KeySample(String name, byte[] data, boolean armored, int cases, KeyUse use) {}

  static List<KeySample> keySamples() {
    List<KeySample> samples = new ArrayList<>();
    for (TestKey key :
        List.of(
            PgpTestKeys.ALICE_RSA,
            PgpTestKeys.BOB_25519,
            PgpTestKeys.CAROL_SEQUOIA,
            PgpTestKeys.EVE_V6)) {
      byte[] message = encrypt(PgpEncryptor.builder().recipient(cert(key)).build(), SMALL);
      // Unlocking Bob's key runs its S2K (GnuPG's iterated SHA-1, some 0.3 s) each time.
      int[] privateCases = key.isProtected() ? new int[] {5, 2, 4} : new int[] {50, 15, 30};
      byte[] armoredCert = key.armoredPublicKey().getBytes(StandardCharsets.ISO_8859_1);
      byte[] armoredKey = key.armoredPrivateKey().getBytes(StandardCharsets.ISO_8859_1);
      byte[] binaryCert = cert(key).encoded();
      byte[] binaryKey = PgpKey.of(key.privateKey()).encoded();
      Secret passphrase = Secret.of(key.passphrase());
      KeyUse parseCert = d -> use(PgpCertificate.parse(latin1(d)));
      KeyUse readCerts =
          d -> {
            PgpCertificate.readAll(d).forEach(DamagedInputFuzzTest::use);
            return null;
          };
      KeyUse parseKey = d -> use(PgpKey.parse(latin1(d), passphrase), message);
      KeyUse readKeys =
          d -> {
            for (PgpKey k : PgpKey.readAll(d, passphrase)) {
              use(k, message);
            }
            return null;
          };
      String name = key.name();
      samples.add(new KeySample(name + " certificate, armored", armoredCert, true, 50, parseCert));
      samples.add(new KeySample(name + " certificates, armored", armoredCert, true, 20, readCerts));
      samples.add(new KeySample(name + " certificates, binary", binaryCert, false, 40, readCerts));
      samples.add(
          new KeySample(
              name + " private key, armored", armoredKey, true, privateCases[0], parseKey));
      samples.add(
          new KeySample(
              name + " private keys, armored", armoredKey, true, privateCases[1], readKeys));
      samples.add(
          new KeySample(
              name + " private keys, binary", binaryKey, false, privateCases[2], readKeys));
    }
    return samples;
  }

  /** A certificate that parsed must also describe itself and take a message, or fail in words. */
  private static @Nullable Object use(PgpCertificate c) {
    c.fingerprint();
    c.keyId();
    c.userIds();
    c.describe();
    c.armored();
    encrypt(PgpEncryptor.builder().recipient(c).build(), SMALL);
    return null;
  }

  /** A private key that parsed must also unlock and decrypt a message to it, or fail in words. */
  private static @Nullable Object use(PgpKey k, byte[] message) {
    k.fingerprint();
    k.describe();
    k.certificate().fingerprint();
    k.checkPassphrase();
    PgpDecryptor decryptor = PgpDecryptor.builder().key(k).build();
    byte[] plain;
    try {
      plain = EncryptDecryptTest.decrypt(decryptor, message);
    } catch (PgpDataException e) {
      // A damaged key may still open the session key packet, to a wrong session key.
      String problem = thrownProblem(e, PgpDataException.class);
      if (problem != null) {
        throw new AssertionError(problem, e);
      }
      return null;
    }
    if (!Arrays.equals(plain, SMALL)) {
      throw new AssertionError("a damaged key decrypted a message to other bytes");
    }
    return null;
  }

  // ---- detached signatures

  record SignatureSample(String name, byte[] signature, boolean armored) {}

  static List<SignatureSample> signatureSamples() {
    List<SignatureSample> samples = new ArrayList<>();
    List<List<TestKey>> signers =
        List.of(
            List.of(PgpTestKeys.ALICE_RSA),
            List.of(PgpTestKeys.CAROL_SEQUOIA),
            List.of(PgpTestKeys.EVE_V6),
            List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.CAROL_SEQUOIA));
    for (List<TestKey> keys : signers) {
      for (boolean armor : new boolean[] {false, true}) {
        List<PgpKey> pgpKeys = keys.stream().map(k -> PgpKey.of(k.privateKey())).toList();
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        PgpSignatures.sign(new ByteArrayInputStream(SMALL), sig, pgpKeys, armor);
        String names = keys.stream().map(TestKey::name).collect(Collectors.joining(" and "));
        samples.add(
            new SignatureSample(
                "signature by " + names + (armor ? ", armored" : ", binary"),
                sig.toByteArray(),
                armor));
      }
    }
    return samples;
  }

  private static @Nullable String verificationProblems(List<SignatureVerification> verifications) {
    for (SignatureVerification v : verifications) {
      String problem = v.problem();
      if (problem != null && (problem.isBlank() || junk(problem))) {
        return "a signature's problem is not in words: " + problem;
      }
    }
    return null;
  }

  // ---- running and judging

  record Outcome(@Nullable Object value, @Nullable Throwable failure) {}

  interface Action {
    @Nullable Object call() throws Exception;
  }

  /** Runs one case on the runner thread, at most {@link #DEADLINE_SECONDS}. */
  static Outcome run(Action action) {
    if (runner.isShutdown()) {
      runner = newRunner(); // ForeignMessageFuzzTest runs cases after this class's @AfterAll
    }
    Future<Object> f = runner.submit(action::call);
    try {
      return new Outcome(f.get(DEADLINE_SECONDS, TimeUnit.SECONDS), null);
    } catch (ExecutionException e) {
      return new Outcome(null, e.getCause());
    } catch (TimeoutException e) {
      f.cancel(true);
      runner.shutdownNow();
      runner = newRunner(); // the stuck thread may never end; the next case gets a fresh one
      return new Outcome(
          null, new AssertionError("no answer within " + DEADLINE_SECONDS + " s: it hangs"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static ExecutorService newRunner() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-case");
          t.setDaemon(true);
          return t;
        });
  }

  /** Why {@code thrown} is not an acceptable failure, or null if it is. */
  @SafeVarargs
  static @Nullable String thrownProblem(
      Throwable thrown, Class<? extends TributaryException>... allowed) {
    if (Arrays.stream(allowed).noneMatch(c -> c.isInstance(thrown))) {
      return "threw " + thrown.getClass().getName() + ": " + thrown.getMessage();
    }
    String message = thrown.getMessage();
    if (message == null || message.isBlank()) {
      return "threw " + thrown.getClass().getSimpleName() + " with a blank message";
    }
    if (junk(message)) {
      return "threw "
          + thrown.getClass().getSimpleName()
          + " whose message is not in words: "
          + message;
    }
    if (thrown instanceof PgpDataException d
        && d.reason() == PgpDataException.Reason.INTEGRITY_CHECK_FAILED
        && !(thrown instanceof PgpIntegrityException
            && message.equals(PgpIntegrityException.MESSAGE))) {
      return "an integrity failure that is not the one PgpIntegrityException: " + message;
    }
    return null;
  }

  private static boolean junk(String message) {
    return JUNK.matcher(message).find()
        || SECRETS.stream().anyMatch(message::contains)
        || message.length() > 600
        || message.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || quotesKeyMaterial(message);
  }

  /** Every 8 characters of the test keys' armored base64 (PgpKeyException: never quoted). */
  private static final Set<String> KEY_TEXT = keyText();

  private static Set<String> keyText() {
    Set<String> grams = new java.util.HashSet<>();
    for (TestKey key : PgpTestKeys.ENCRYPTION_KEYS) {
      for (String text : List.of(key.armoredPublicKey(), key.armoredPrivateKey())) {
        text.lines()
            .filter(l -> !l.startsWith("-----") && !l.contains(":") && !l.startsWith("="))
            .forEach(
                l -> {
                  for (int i = 0; i + 8 <= l.length(); i++) {
                    grams.add(l.substring(i, i + 8));
                  }
                });
      }
    }
    return grams;
  }

  private static boolean quotesKeyMaterial(String message) {
    for (int i = 0; i + 8 <= message.length(); i++) {
      if (KEY_TEXT.contains(message.substring(i, i + 8))) {
        return true;
      }
    }
    return false;
  }

  /** The failures of one family, grouped by kind so that one run shows each kind once. */
  static final class Failures {
    private final Map<String, List<String>> byKind = new LinkedHashMap<>();
    private final Map<String, Integer> outcomes = new java.util.TreeMap<>();
    private int cases;

    void check(String label, @Nullable String problem, @Nullable Throwable thrown, byte[] input) {
      cases++;
      outcomes.merge(outcome(thrown), 1, Integer::sum);
      if (thrown != null && label.contains("seed " + System.getProperty("fuzz.trace") + ",")) {
        thrown.printStackTrace(System.out); // -Dfuzz.trace=<seed>: how one case failed
      }
      if (problem == null) {
        return;
      }
      String where = "";
      if (thrown != null) {
        StackTraceElement[] trace = thrown.getStackTrace();
        where = trace.length == 0 ? "" : " at " + trace[0];
        for (StackTraceElement e : trace) {
          if (e.getClassName().startsWith("dev.tributary.pgp.")
              && !e.getClassName().startsWith("dev.tributary.pgp.DamagedInput")) {
            where += " via " + e;
            break;
          }
        }
      }
      String kind = problem.replaceAll("[0-9]+", "#") + where;
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(label + ", saved as " + save(input));
    }

    /** "returned", or the type of what was thrown, with its reason. */
    static String outcome(@Nullable Throwable thrown) {
      return thrown == null
          ? "returned"
          : thrown.getClass().getSimpleName()
              + (thrown instanceof PgpDataException d ? " " + d.reason() : "");
    }

    /**
     * Keeps a failing input: messages and signatures are made afresh on each run (session keys,
     * IVs, salts and signature times differ), so the seed alone repeats the damage, not the input.
     */
    private static Path save(byte[] input) {
      try {
        Path saved =
            Path.of(
                "target",
                "damaged-input-fuzz",
                Integer.toHexString(Arrays.hashCode(input)) + ".bin");
        Files.createDirectories(saved.getParent());
        return Files.write(saved, input);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void assertNone() {
      System.out.println(cases + " cases: " + outcomes);
      StringBuilder report = new StringBuilder();
      byKind.forEach(
          (kind, labels) -> {
            report.append("\n").append(labels.size()).append(" case(s): ").append(kind);
            labels.stream().limit(3).forEach(l -> report.append("\n    e.g. ").append(l));
          });
      assertThat(byKind).as("%d cases; failures:%s", cases, report).isEmpty();
    }
  }

  // ---- helpers

  /** With -Dfuzz.verbose=true, how long each sample's cases took, to tune their counts. */
  static void timing(String sample, int cases, long startNanos) {
    if (!Boolean.getBoolean("fuzz.verbose")) {
      return;
    }
    System.out.printf(
        "%s: %d cases in %d ms%n", sample, cases, (System.nanoTime() - startNanos) / 1_000_000);
  }

  static PgpCertificate cert(TestKey key) {
    return PgpCertificate.of(key.publicKey());
  }

  /** Where to damage binary data more often: see {@link Packets#fragileOffsets}. */
  static List<Integer> fragile(byte[] data) {
    return data.length > 0 && (data[0] & 0x80) != 0 ? Packets.fragileOffsets(data) : List.of();
  }

  static String latin1(byte[] data) {
    return new String(data, StandardCharsets.ISO_8859_1);
  }

  static Set<Thread> helperThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tributary-pgp-"))
        .collect(Collectors.toSet());
  }
}
