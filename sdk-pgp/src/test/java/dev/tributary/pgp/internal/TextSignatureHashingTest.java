package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpInlineSignatures;
import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.SignatureVerification;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.api.Test;

/**
 * Text signatures hashed in runs ({@link TextSignatureHashing}) hash exactly the octets
 * BouncyCastle's own octet-by-octet {@code update} hashes, and take its legacy fallback exactly
 * when it does: random texts of CR, LF, CR LF, lone CRs, CR CR LF and other octets, fed in random
 * pieces of 0 to a few octets (so that every kind of line ending is split across two updates),
 * compared octet for octet against BouncyCastle's, and real signatures each way with v4 and v6
 * keys.
 */
class TextSignatureHashingTest {
  private static final byte[][] PARTS = {
    {'a'},
    {'b'},
    {' '},
    {'\r'},
    {'\n'},
    {'\r', '\n'},
    {'\r', '\r', '\n'},
    {'\n', '\r'},
    {'-'},
    "a run of many octets".getBytes(StandardCharsets.US_ASCII)
  };

  private static byte[] randomText(Random random) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int parts = random.nextInt(40);
    for (int i = 0; i < parts; i++) {
      text.writeBytes(PARTS[random.nextInt(PARTS.length)]);
    }
    return text.toByteArray();
  }

  /** {@code text} cut into pieces of 0 to a few octets, or to a few dozen, in order. */
  private static List<byte[]> pieces(byte[] text, Random random) {
    List<byte[]> pieces = new ArrayList<>();
    int most = 1 + random.nextInt(random.nextBoolean() ? 6 : 80);
    for (int off = 0; off < text.length; ) {
      int n = Math.min(random.nextInt(most + 1), text.length - off);
      byte[] piece = new byte[n];
      System.arraycopy(text, off, piece, 0, n);
      pieces.add(piece);
      off += n;
    }
    return pieces;
  }

  /** What a verifier was given: its digest's octets and whether it was asked to verify. */
  private static final class Recorded {
    final ByteArrayOutputStream octets = new ByteArrayOutputStream();
    boolean asked;
  }

  /** Verifiers that record what they are given and find no signature good. */
  private static final class Recording implements PGPContentVerifierBuilderProvider {
    final List<Recorded> built = new ArrayList<>();

    @Override
    public org.bouncycastle.openpgp.operator.PGPContentVerifierBuilder get(int key, int hash) {
      return pub -> {
        Recorded r = new Recorded();
        built.add(r);
        return new PGPContentVerifier() {
          @Override
          public OutputStream getOutputStream() {
            return r.octets;
          }

          @Override
          public int getHashAlgorithm() {
            return hash;
          }

          @Override
          public int getKeyAlgorithm() {
            return key;
          }

          @Override
          public long getKeyID() {
            return pub.getKeyID();
          }

          @Override
          public boolean verify(byte[] expected) {
            r.asked = true;
            return false;
          }
        };
      };
    }

    List<String> summary() {
      List<String> s = new ArrayList<>();
      for (Recorded r : built) {
        s.add(escaped(r.octets.toByteArray()) + (r.asked ? " asked" : " not asked"));
      }
      return s;
    }
  }

  private static String escaped(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
  }

  @Test
  void verifying_hashesBothFormsAsBouncyCastleDoes_andFallsBackWhenItDoes() throws Exception {
    Random random = new Random(127);
    for (TestKey k : List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.EVE_V6)) {
      SigningKey key = SigningKey.of(k);
      PGPSignature sig = key.sign(new byte[] {'x'}, PGPSignature.CANONICAL_TEXT_DOCUMENT);
      for (int round = 0; round < 3000; round++) {
        byte[] text = randomText(random);
        List<byte[]> pieces = pieces(text, random);

        Recording theirs = new Recording();
        sig.init(theirs, key.pub);
        pieces.forEach(sig::update);
        assertThat(sig.verify()).isFalse();

        Recording ours = new Recording();
        TextSignatureHashing.Feed feed = TextSignatureHashing.verifying(sig, ours, key.pub);
        pieces.forEach(p -> feed.update(p, 0, p.length));
        assertThat(sig.verify()).isFalse();

        assertThat(ours.summary())
            .as("text %s in %d pieces", escaped(text), pieces.size())
            .isEqualTo(theirs.summary())
            .hasSize(2);
      }
    }
  }

  @Test
  void verifyingOnePass_hashesAsBouncyCastleDoes() throws Exception {
    Random random = new Random(1270);
    SigningKey key = SigningKey.of(PgpTestKeys.EVE_V6);
    PGPSignatureGenerator gen = key.generator(PGPSignature.CANONICAL_TEXT_DOCUMENT);
    PGPOnePassSignature ops = gen.generateOnePassVersion(false);
    gen.update(new byte[] {'x'});
    PGPSignature sig = gen.generate();
    for (int round = 0; round < 1000; round++) {
      byte[] text = randomText(random);
      List<byte[]> pieces = pieces(text, random);

      Recording theirs = new Recording();
      ops.init(theirs, key.pub);
      pieces.forEach(ops::update);
      assertThat(ops.verify(sig)).isFalse();

      Recording ours = new Recording();
      TextSignatureHashing.Feed feed = TextSignatureHashing.verifying(ops, ours, key.pub);
      pieces.forEach(p -> feed.update(p, 0, p.length));
      assertThat(ops.verify(sig)).isFalse();

      assertThat(ours.summary()).as("text %s", escaped(text)).isEqualTo(theirs.summary());
    }
  }

  /** A signer that records what it is given, for a signature of {@code type}. */
  private static PGPContentSignerBuilder recording(
      ByteArrayOutputStream octets, PGPPublicKey pub, int hash) {
    return (type, priv) ->
        new PGPContentSigner() {
          @Override
          public OutputStream getOutputStream() {
            return octets;
          }

          @Override
          public byte[] getSignature() {
            return new byte[0];
          }

          @Override
          public byte[] getDigest() {
            return new byte[0];
          }

          @Override
          public int getType() {
            return type;
          }

          @Override
          public int getHashAlgorithm() {
            return hash;
          }

          @Override
          public int getKeyAlgorithm() {
            return pub.getAlgorithm();
          }

          @Override
          public long getKeyID() {
            return pub.getKeyID();
          }
        };
  }

  @Test
  void generator_hashesAsBouncyCastleDoes_forTextAndBinary() throws Exception {
    Random random = new Random(12700);
    SigningKey key = SigningKey.of(PgpTestKeys.ALICE_RSA);
    for (int type :
        new int[] {PGPSignature.CANONICAL_TEXT_DOCUMENT, PGPSignature.BINARY_DOCUMENT}) {
      for (int round = 0; round < 3000; round++) {
        byte[] text = randomText(random);
        List<byte[]> pieces = pieces(text, random);
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        PGPSignatureGenerator bc =
            new PGPSignatureGenerator(recording(theirs, key.pub, 8), key.pub);
        PGPSignatureGenerator fast =
            TextSignatureHashing.generator(recording(ours, key.pub, 8), key.pub);
        bc.init(type, key.priv);
        fast.init(type, key.priv);
        for (byte[] p : pieces) {
          if (p.length == 1 && random.nextBoolean()) {
            bc.update(p[0]);
            fast.update(p[0]);
          } else {
            bc.update(p);
            fast.update(p, 0, p.length);
          }
        }
        assertThat(escaped(ours.toByteArray()))
            .as("type %d, text %s", type, escaped(text))
            .isEqualTo(escaped(theirs.toByteArray()));
      }
    }
  }

  @Test
  void realSignatures_verifyEachWay_v4AndV6() throws Exception {
    Random random = new Random(127000);
    for (TestKey k : List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.BOB_25519, PgpTestKeys.EVE_V6)) {
      SigningKey key = SigningKey.of(k);
      for (int round = 0; round < 25; round++) {
        byte[] text = randomText(random);
        List<byte[]> pieces = pieces(text, random);

        // Ours signs in pieces; BouncyCastle's octet-by-octet path verifies.
        PGPSignatureGenerator fast =
            Signing.generator(
                key.pub, key.priv, PGPSignature.CANONICAL_TEXT_DOCUMENT, new Date(), h -> {});
        pieces.forEach(p -> fast.update(p, 0, p.length));
        PGPSignature ourSig = reparse(fast.generate());
        ourSig.init(new BcPGPContentVerifierBuilderProvider(), key.pub);
        ourSig.update(text);
        assertThat(ourSig.verify()).as("%s: %s", k.name(), escaped(text)).isTrue();

        // BouncyCastle signs; ours verifies in pieces, through the JDK's RSA too.
        PGPSignature theirSig = key.sign(text, PGPSignature.CANONICAL_TEXT_DOCUMENT);
        assertThat(verifiesInPieces(theirSig, key.pub, pieces)).isTrue();

        // A signature over the legacy form (lone CRs made CR LF): BouncyCastle's verdict.
        PGPSignature legacy = key.sign(legacyForm(text), PGPSignature.CANONICAL_TEXT_DOCUMENT);
        legacy.init(new BcPGPContentVerifierBuilderProvider(), key.pub);
        legacy.update(text);
        boolean bcVerdict = legacy.verify();
        assertThat(verifiesInPieces(legacy, key.pub, pieces)).isEqualTo(bcVerdict);

        // Another text does not verify.
        byte[] other = (escaped(text) + "!").getBytes(StandardCharsets.US_ASCII);
        assertThat(verifiesInPieces(theirSig, key.pub, pieces(other, random))).isFalse();
      }
    }
  }

  @Test
  void cleartextSigning_readInPieces_signsTheStrippedLinesAsBouncyCastleHashesThem()
      throws Exception {
    Random random = new Random(1270000);
    for (TestKey k : List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.EVE_V6)) {
      SigningKey key = SigningKey.of(k);
      for (int round = 0; round < 60; round++) {
        byte[] text = randomText(random);
        List<byte[]> pieces = pieces(text, random);
        PGPSignatureGenerator gen =
            Signing.generator(
                key.pub, key.priv, PGPSignature.CANONICAL_TEXT_DOCUMENT, new Date(), h -> {});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CleartextSigning.write(new PiecesInputStream(pieces), out, List.of(gen));

        String message = out.toString(StandardCharsets.ISO_8859_1);
        int header = message.indexOf("\n\n") + 2;
        int footer = message.indexOf("-----BEGIN PGP SIGNATURE-----\n");
        String[] lines = lines(text);
        StringBuilder written = new StringBuilder();
        StringBuilder signed = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
          written.append(lines[i].startsWith("-") ? "- " : "").append(lines[i]).append('\n');
          signed.append(i > 0 ? "\r\n" : "").append(lines[i].replaceAll("[ \t\r]+$", ""));
        }
        assertThat(escaped(message.substring(header, footer).getBytes(StandardCharsets.ISO_8859_1)))
            .as("%s: %s", k.name(), escaped(text))
            .isEqualTo(escaped(written.toString().getBytes(StandardCharsets.ISO_8859_1)));

        PGPSignature sig;
        try (InputStream in =
            PGPUtil.getDecoderStream(
                new ByteArrayInputStream(
                    message.substring(footer).getBytes(StandardCharsets.US_ASCII)))) {
          sig =
              ((PGPSignatureList)
                      new PGPObjectFactory(in, new BcKeyFingerprintCalculator()).nextObject())
                  .get(0);
        }
        sig.init(new BcPGPContentVerifierBuilderProvider(), key.pub);
        sig.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(sig.verify()).as("%s: %s", k.name(), escaped(text)).isTrue();
      }
    }
  }

  /** Whether {@code len} octets of {@code b} from {@code off} hold a CR not followed by LF. */
  private static boolean loneCrOctetByOctet(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\r' && (i + 1 == off + len || b[i + 1] != '\n')) {
        return true;
      }
    }
    return false;
  }

  @Test
  void hasLoneCr_findsWhatAnOctetByOctetLookFinds_inAnyRange() {
    Random random = new Random(128);
    int lone = 0;
    for (int round = 0; round < 20000; round++) {
      byte[] text = randomText(random);
      int off = random.nextInt(text.length + 1);
      int len = random.nextInt(text.length - off + 1);
      boolean expected = loneCrOctetByOctet(text, off, len);
      lone += expected ? 1 : 0;
      assertThat(TextSignatureHashing.hasLoneCr(text, off, len))
          .as("%s from %d, %d octets", escaped(text), off, len)
          .isEqualTo(expected);
    }
    assertThat(lone).as("texts with a lone CR").isBetween(2000, 18000);
    // Each octet's place in an eight-octet word: a CR at the word's end, its LF in the next.
    for (int at = 0; at < 24; at++) {
      byte[] text = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
      text[at] = '\r';
      assertThat(TextSignatureHashing.hasLoneCr(text, 0, text.length)).isTrue();
      assertThat(TextSignatureHashing.hasLoneCr(text, 0, at + 1)).as("ends in CR").isTrue();
      assertThat(TextSignatureHashing.hasLoneCr(text, 0, at)).isFalse();
      text[at + 1] = '\n';
      assertThat(TextSignatureHashing.hasLoneCr(text, 0, text.length)).as("CR LF").isFalse();
    }
  }

  @Test
  void verifyingWithoutLegacy_feedsOnlyTheMainDigest_andRefusesALoneCr() throws Exception {
    Random random = new Random(1280);
    for (TestKey k : List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.EVE_V6)) {
      SigningKey key = SigningKey.of(k);
      PGPSignature sig = key.sign(new byte[] {'x'}, PGPSignature.CANONICAL_TEXT_DOCUMENT);
      Recording salt = new Recording(); // what a verifier is given before any data (v6: salt)
      sig.init(salt, key.pub);
      int withoutLoneCr = 0;
      for (int round = 0; round < 2000; round++) {
        byte[] text = randomText(random);
        List<byte[]> pieces = pieces(text, random);
        if (TextSignatureHashing.hasLoneCr(text, 0, text.length)) {
          // A lone CR in the text fails its update; one that ends it, the check that consults
          // the legacy form.
          Recording ours = new Recording();
          TextSignatureHashing.Feed feed =
              TextSignatureHashing.verifying(sig, ours, key.pub, false);
          assertThatThrownBy(
                  () -> {
                    pieces.forEach(p -> feed.update(p, 0, p.length));
                    sig.verify();
                  })
              .as("%s", escaped(text))
              .isInstanceOf(IllegalStateException.class);
          continue;
        }
        withoutLoneCr++;
        Recording theirs = new Recording();
        sig.init(theirs, key.pub);
        pieces.forEach(sig::update);
        assertThat(sig.verify()).isFalse();

        Recording ours = new Recording();
        TextSignatureHashing.Feed feed = TextSignatureHashing.verifying(sig, ours, key.pub, false);
        pieces.forEach(p -> feed.update(p, 0, p.length));
        assertThat(sig.verify()).isFalse();

        assertThat(ours.summary())
            .as("text %s", escaped(text))
            .containsExactly(theirs.summary().get(0), salt.summary().get(1));
      }
      assertThat(withoutLoneCr).isGreaterThan(100);
    }
  }

  /**
   * A cleartext-signed message of {@code lines} (each with its LF or CR LF), dash-escaped, with
   * {@code sig}; no Hash: header.
   */
  private static byte[] cleartextMessage(List<String> lines, PGPSignature sig) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("-----BEGIN PGP SIGNED MESSAGE-----\n\n".getBytes(StandardCharsets.US_ASCII));
    for (String line : lines) {
      out.writeBytes(
          ((line.startsWith("-") ? "- " : "") + line).getBytes(StandardCharsets.ISO_8859_1));
    }
    try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
      sig.encode(armor);
    }
    return out.toByteArray();
  }

  /** What the framework signs of {@code lines}: without trailing whitespace or the last ending. */
  private static byte[] signedText(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int ending = line.endsWith("\r\n") ? 2 : 1;
      text.append(line.substring(0, line.length() - ending).replaceAll("[ \t\r]+$", ""));
      if (i + 1 < lines.size()) {
        text.append(ending == 2 ? "\r\n" : "\n");
      }
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** BouncyCastle's own verdict on {@code sig} over {@code data}, hashed octet by octet. */
  private static boolean bouncyCastleVerdict(PGPSignature sig, PGPPublicKey pub, byte[] data)
      throws Exception {
    PGPSignature copy = reparse(sig);
    copy.init(new BcPGPContentVerifierBuilderProvider(), pub);
    copy.update(data);
    return copy.verify();
  }

  private static boolean verifiesThroughTheApi(byte[] message, TestKey k) {
    List<SignatureVerification> v =
        PgpInlineSignatures.verify(
            new ByteArrayInputStream(message),
            new ByteArrayOutputStream(),
            List.of(PgpCertificate.of(k.publicKey())),
            PgpPolicy.defaults());
    assertThat(v).hasSize(1);
    return v.get(0).valid();
  }

  /**
   * A cleartext-signed message's text is scanned for a lone CR before it is hashed, and its legacy
   * form hashed only when it has one: every verdict is still BouncyCastle's, a signature over the
   * legacy form of a text with a lone CR included (which only the legacy digest can verify).
   */
  @Test
  void cleartextMessages_verifyAsBouncyCastleDecides_withAndWithoutLoneCr() throws Exception {
    Random random = new Random(12800);
    String[] parts = {"a", "b", " ", "\t", "\r", "-", "x\ry", "a run of many octets"};
    for (TestKey k : List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.BOB_25519, PgpTestKeys.EVE_V6)) {
      SigningKey key = SigningKey.signingData(k);
      int[] seen = new int[4]; // valid without lone CR, with; valid by the legacy form; invalid
      for (int round = 0; round < 60; round++) {
        List<String> lines = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
          StringBuilder line = new StringBuilder();
          int n = random.nextInt(6);
          for (int j = 0; j < n; j++) {
            line.append(parts[random.nextInt(parts.length)]);
          }
          lines.add(line + (random.nextBoolean() ? "\n" : "\r\n"));
        }
        byte[] signed = signedText(lines);
        boolean loneCr = loneCrOctetByOctet(signed, 0, signed.length);
        int kind = round % 3;
        byte[] what =
            switch (kind) {
              case 0 -> signed;
              case 1 -> legacyForm(signed);
              default -> (escaped(signed) + "!").getBytes(StandardCharsets.US_ASCII);
            };
        PGPSignature sig = key.sign(what, PGPSignature.CANONICAL_TEXT_DOCUMENT);
        boolean theirs = bouncyCastleVerdict(sig, key.pub, signed);
        boolean ours = verifiesThroughTheApi(cleartextMessage(lines, sig), k);
        assertThat(ours)
            .as("%s, %s signed over %s", k.name(), escaped(signed), escaped(what))
            .isEqualTo(theirs);
        if (kind == 0) {
          assertThat(ours).as("%s: %s", k.name(), escaped(signed)).isTrue();
        }
        seen[!theirs ? 3 : kind == 1 && loneCr ? 2 : loneCr ? 1 : 0]++;
      }
      assertThat(java.util.Arrays.stream(seen).min().getAsInt())
          .as("%s: fewest of a kind of case, of %s", k.name(), java.util.Arrays.toString(seen))
          .isGreaterThan(2);

      // The fixed cases: a lone CR whose legacy form is signed, the same without a lone CR.
      List<String> lone = List.of("one\rtwo\r\n", "three\n");
      PGPSignature legacy =
          key.sign(legacyForm(signedText(lone)), PGPSignature.CANONICAL_TEXT_DOCUMENT);
      assertThat(bouncyCastleVerdict(legacy, key.pub, signedText(lone))).isTrue();
      assertThat(verifiesThroughTheApi(cleartextMessage(lone, legacy), k)).isTrue();
      assertThat(
              verifiesThroughTheApi(
                  cleartextMessage(List.of("one\r\n", "two\r\n", "three\n"), legacy), k))
          .as("the legacy form's text, written out: no lone CR")
          .isTrue();
      assertThat(
              verifiesThroughTheApi(cleartextMessage(List.of("onetwo\r\n", "three\n"), legacy), k))
          .as("without its CR")
          .isFalse();
    }
  }

  /** The lines of {@code text}, split at LF: none after a final LF. */
  private static String[] lines(byte[] text) {
    String s = new String(text, StandardCharsets.ISO_8859_1);
    if (s.isEmpty()) {
      return new String[0];
    }
    return (s.endsWith("\n") ? s.substring(0, s.length() - 1) : s).split("\n", -1);
  }

  /** Reads {@code pieces} one per read (an empty one is skipped: a read returns at least one). */
  private static final class PiecesInputStream extends InputStream {
    private final List<byte[]> pieces;
    private int next;

    PiecesInputStream(List<byte[]> pieces) {
      this.pieces = pieces;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      while (next < pieces.size() && pieces.get(next).length == 0) {
        next++;
      }
      if (next == pieces.size()) {
        return -1;
      }
      byte[] p = pieces.get(next++);
      int n = Math.min(len, p.length);
      System.arraycopy(p, 0, b, off, n);
      return n;
    }
  }

  private static boolean verifiesInPieces(PGPSignature sig, PGPPublicKey pub, List<byte[]> pieces)
      throws PGPException {
    TextSignatureHashing.Feed feed = TextSignatureHashing.verifying(sig, JdkRsa.verifiers(), pub);
    pieces.forEach(p -> feed.update(p, 0, p.length));
    return sig.verify();
  }

  /** {@code text} with every lone CR made CR LF: what an older signer may have hashed. */
  private static byte[] legacyForm(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length; i++) {
      out.write(text[i]);
      if (text[i] == '\r' && (i + 1 == text.length || text[i + 1] != '\n')) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  private static PGPSignature reparse(PGPSignature sig) throws Exception {
    PGPObjectFactory f = new PGPObjectFactory(sig.getEncoded(), new BcKeyFingerprintCalculator());
    return ((PGPSignatureList) f.nextObject()).get(0);
  }

  /** Whether a self-signature on {@code pub} gives it the key flag "may sign data". */
  private static boolean flagsSignData(PGPPublicKey pub) {
    for (PGPSignature sig : (Iterable<PGPSignature>) pub::getSignatures) {
      if (sig.getHashedSubPackets() != null
          && (sig.getHashedSubPackets().getKeyFlags() & KeyFlags.SIGN_DATA) != 0) {
        return true;
      }
    }
    return false;
  }

  /** A test key's primary key (or the key that signs data), unlocked. */
  private record SigningKey(PGPPublicKey pub, PGPPrivateKey priv) {
    static SigningKey of(TestKey k) throws Exception {
      return of(k, false);
    }

    /** The key of {@code k} that its certificate lets sign data: the primary key or a subkey. */
    static SigningKey signingData(TestKey k) throws Exception {
      return of(k, true);
    }

    private static SigningKey of(TestKey k, boolean signsData) throws Exception {
      try (InputStream in =
          PGPUtil.getDecoderStream(
              new ByteArrayInputStream(
                  k.armoredPrivateKey().getBytes(StandardCharsets.US_ASCII)))) {
        PGPSecretKeyRing ring = new PGPSecretKeyRing(in, new BcKeyFingerprintCalculator());
        PGPSecretKey secret = ring.getSecretKey();
        for (PGPSecretKey s : ring) {
          if (signsData && flagsSignData(s.getPublicKey())) {
            secret = s;
            break;
          }
        }
        PGPPrivateKey priv =
            secret.extractPrivateKey(
                new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(k.passphrase().toCharArray()));
        return new SigningKey(secret.getPublicKey(), priv);
      }
    }

    PGPSignatureGenerator generator(int type) throws PGPException {
      PGPSignatureGenerator gen =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(pub.getAlgorithm(), SignatureHash.of(pub)), pub);
      gen.init(type, priv);
      return gen;
    }

    /** BouncyCastle's own signature of {@code data}, hashed octet by octet for text. */
    PGPSignature sign(byte[] data, int type) throws Exception {
      PGPSignatureGenerator gen = generator(type);
      gen.update(data);
      return reparse(gen.generate());
    }
  }
}
