package dev.tributary.pgp.internal;

import static dev.tributary.pgp.internal.CrlfOutputStream.CR;
import static dev.tributary.pgp.internal.CrlfOutputStream.CRS;
import static dev.tributary.pgp.internal.CrlfOutputStream.LF;
import static dev.tributary.pgp.internal.CrlfOutputStream.LFS;
import static dev.tributary.pgp.internal.CrlfOutputStream.LONGS;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPRuntimeOperationException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.jspecify.annotations.Nullable;

/**
 * Hashes the data of text signatures (type 0x01) in runs, not octet by octet: the same octets reach
 * the digest as through BouncyCastle's own {@code update}, which for a text signature loops over
 * each octet and writes it alone into the digest's stream (a 48 MiB cleartext message spent most of
 * a {@code sop inline-verify} there). Binary signatures go to BouncyCastle's {@code update}
 * unchanged: it hands them over in blocks already.
 *
 * <p>BouncyCastle 1.87's canonical form, kept here octet for octet ({@link Canonical}): an LF not
 * preceded by a CR becomes CR LF, every other octet (a lone CR too) is hashed as it is. A verifier
 * also hashes a second, legacy form (every CR becomes CR LF and an LF after a CR is dropped, so a
 * lone CR becomes CR LF), and falls back to it when the first does not match and the text held a CR
 * that no LF followed: BouncyCastle builds its verifier twice for that, and both digests are fed
 * here. Which octets it saw last, and whether a lone CR, BouncyCastle notes as it hashes; here it
 * is told them after each block by a few octets of its own {@code update} that reach no digest
 * ({@link Gate}), so that its fallback is taken exactly when it would have been.
 */
final class TextSignatureHashing {
  private TextSignatureHashing() {}

  /** Feeds a signature over data with that data, in its canonical form when it is text. */
  interface Feed {
    void update(byte[] b, int off, int len);
  }

  /** {@code sig} initialised to be checked with {@code key}; feed it through the result. */
  static Feed verifying(
      PGPSignature sig, PGPContentVerifierBuilderProvider verifiers, PGPPublicKey key)
      throws PGPException {
    return verifying(sig, verifiers, key, true);
  }

  /**
   * As {@link #verifying(PGPSignature, PGPContentVerifierBuilderProvider, PGPPublicKey)}; {@code
   * legacy} false says the data holds no lone CR ({@link #hasLoneCr}), as a caller that holds all
   * of it before hashing knows: BouncyCastle's legacy digest is then not fed, since BouncyCastle
   * consults it only for a text with a lone CR or one that ends in CR. A lone CR in such data is a
   * caller's error: the feed throws {@link IllegalStateException} rather than let BouncyCastle
   * consult a digest it did not feed.
   */
  static Feed verifying(
      PGPSignature sig,
      PGPContentVerifierBuilderProvider verifiers,
      PGPPublicKey key,
      boolean legacy)
      throws PGPException {
    return verifying(
        sig.getSignatureType(), verifiers, p -> sig.init(p, key), sig::update, sig::update, legacy);
  }

  /** {@code ops} initialised to be checked with {@code key}; feed it through the result. */
  static Feed verifying(
      PGPOnePassSignature ops, PGPContentVerifierBuilderProvider verifiers, PGPPublicKey key)
      throws PGPException {
    return verifying(
        ops.getSignatureType(), verifiers, p -> ops.init(p, key), ops::update, ops::update, true);
  }

  /** What sets a signature up to be checked with the verifiers given. */
  private interface Init {
    void init(PGPContentVerifierBuilderProvider verifiers) throws PGPException;
  }

  /**
   * A signature of {@code type} set up by {@code init}: a binary one is fed by BouncyCastle's own
   * {@code update} ({@code blocks}), a text one by {@link Canonical}; {@code octet} is
   * BouncyCastle's {@code update} of one octet; {@code legacy} whether the legacy digest is fed.
   */
  private static Feed verifying(
      int type,
      PGPContentVerifierBuilderProvider verifiers,
      Init init,
      Feed blocks,
      Consumer<Byte> octet,
      boolean legacy)
      throws PGPException {
    if (type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
      init.init(verifiers);
      return blocks;
    }
    Gates gates = new Gates(verifiers);
    init.init(gates);
    return gates.feed(octet, legacy);
  }

  /**
   * Whether {@code len} octets of {@code b} from {@code off} hold a lone CR: a CR not followed by
   * an LF, or one that ends them. For such text alone BouncyCastle consults a text signature's
   * legacy digest. Eight octets at a time: only the eight that hold a CR are looked at one by one.
   */
  static boolean hasLoneCr(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    int end = off + len;
    int i = off;
    for (; i <= end - 8; i += 8) {
      // zeroBytes marks every CR, and at most some octets after a CR besides: never misses one.
      if (CrLfToLf.zeroBytes((long) LONGS.get(b, i) ^ CRS) != 0 && loneCrIn(b, i, i + 8, end)) {
        return true;
      }
    }
    return loneCrIn(b, i, end, end);
  }

  /**
   * Whether a CR in {@code b} from {@code from} to {@code to} is lone, the text ending at {@code
   * end}.
   */
  private static boolean loneCrIn(byte[] b, int from, int to, int end) {
    for (int i = from; i < to; i++) {
      if (b[i] == CR && (i + 1 == end || b[i + 1] != LF)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A signature generator over {@code signers}' signer for {@code pub} whose {@code update} hashes
   * a text signature's data in runs; a binary signature's goes to BouncyCastle's as before.
   */
  static PGPSignatureGenerator generator(PGPContentSignerBuilder signers, PGPPublicKey pub) {
    return new Generator(new CapturingSigners(signers), pub);
  }

  /**
   * The canonical form of text as BouncyCastle 1.87 hashes it for a text signature, written to
   * {@code main} (and its legacy form to {@code legacy}, for a verifier that has one) a run at a
   * time: the octets between line endings in one write. Not thread-safe.
   */
  static final class Canonical {
    /** Octets a digest takes per call: see {@link JdkPieces} on the JDK's digest intrinsics. */
    private static final int PIECE = 4096;

    private final OutputStream main;
    private final @Nullable OutputStream legacy;

    /** The last octet of the text so far (0 before any, as BouncyCastle starts). */
    private byte last;

    /** Whether the text so far holds a CR followed by another octet than LF. */
    private boolean loneCr;

    Canonical(OutputStream main, @Nullable OutputStream legacy) {
      this.main = main;
      this.legacy = legacy;
    }

    byte last() {
      return last;
    }

    boolean loneCr() {
      return loneCr;
    }

    /** Hashes {@code len} octets of {@code b}; an IOException of a digest as BouncyCastle's. */
    void update(byte[] b, int off, int len) {
      try {
        runs(b, off, len);
      } catch (IOException e) {
        throw new PGPRuntimeOperationException("unable to update signature: " + e.getMessage(), e);
      }
    }

    private void runs(byte[] b, int off, int len) throws IOException {
      int end = off + len;
      byte prev = last;
      int mainFrom = off;
      int legacyFrom = off;
      for (int i = off; i < end; ) {
        int at = nextEnding(b, i, end);
        if (at > i) { // octets other than CR and LF
          loneCr |= prev == CR;
          prev = b[at - 1];
        }
        if (at == end) {
          break;
        }
        byte c = b[at];
        if (c == LF) {
          if (prev != CR) {
            write(main, b, mainFrom, at);
            main.write(CR);
            mainFrom = at;
            if (legacy != null) {
              write(legacy, b, legacyFrom, at);
              legacy.write(CR);
              legacyFrom = at;
            }
          } else if (legacy != null) {
            write(legacy, b, legacyFrom, at); // the CR before was written with its LF
            legacyFrom = at + 1;
          }
        } else {
          loneCr |= prev == CR;
          if (legacy != null) {
            write(legacy, b, legacyFrom, at + 1);
            legacy.write(LF);
            legacyFrom = at + 1;
          }
        }
        prev = c;
        i = at + 1;
      }
      write(main, b, mainFrom, end);
      if (legacy != null) {
        write(legacy, b, legacyFrom, end);
      }
      last = prev;
    }

    /**
     * The index of the first CR or LF of {@code b} from {@code i} on, or {@code end}: eight octets
     * at a time, as {@link CrlfOutputStream} looks for them.
     */
    private static int nextEnding(byte[] b, int i, int end) {
      for (; i <= end - 8; i += 8) {
        long x = (long) LONGS.get(b, i);
        long ends = CrLfToLf.zeroBytes(x ^ CRS) | CrLfToLf.zeroBytes(x ^ LFS);
        if (ends != 0) {
          return i + (Long.numberOfTrailingZeros(ends) >>> 3);
        }
      }
      while (i < end && b[i] != CR && b[i] != LF) {
        i++;
      }
      return i;
    }

    private static void write(OutputStream out, byte[] b, int from, int to) throws IOException {
      for (int i = from; i < to; i += PIECE) {
        out.write(b, i, Math.min(PIECE, to - i));
      }
    }
  }

  /**
   * A digest's stream that lets what BouncyCastle writes through unless closed: while it is, the
   * octets BouncyCastle's {@code update} is given to note the text's last octet and lone CR reach
   * no digest.
   */
  private static final class Gate extends OutputStream {
    private final OutputStream digest;
    private boolean open = true;

    /** Whether its digest is left unfed: then its verifier must not be asked. */
    private boolean unfed;

    Gate(OutputStream digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      if (open) {
        digest.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (open) {
        digest.write(b, off, len);
      }
    }

    @Override
    public void close() throws IOException {
      digest.close();
    }
  }

  /**
   * {@code verifiers}, keeping the digest stream of each verifier built, in order: BouncyCastle
   * builds a text signature's own verifier first, then its legacy one.
   */
  private static final class Gates implements PGPContentVerifierBuilderProvider {
    private final PGPContentVerifierBuilderProvider verifiers;
    private final List<Gate> gates = new ArrayList<>();

    Gates(PGPContentVerifierBuilderProvider verifiers) {
      this.verifiers = verifiers;
    }

    @Override
    public org.bouncycastle.openpgp.operator.PGPContentVerifierBuilder get(
        int keyAlgorithm, int hashAlgorithm) throws PGPException {
      var builder = verifiers.get(keyAlgorithm, hashAlgorithm);
      return key -> gated(builder.build(key));
    }

    private PGPContentVerifier gated(PGPContentVerifier verifier) {
      Gate gate = new Gate(verifier.getOutputStream());
      gates.add(gate);
      return new ForwardingVerifier(verifier) {
        @Override
        public OutputStream getOutputStream() {
          return gate;
        }

        @Override
        public boolean verify(byte[] expected) {
          if (gate.unfed) {
            throw new IllegalStateException(
                "the legacy form of a text said to hold no lone CR was asked for: it was not hashed");
          }
          return super.verify(expected);
        }
      };
    }

    /**
     * The feed of the signature just initialised, whose own {@code update} is {@code octet}; the
     * legacy digest, if BouncyCastle built one, is fed only when {@code legacy} is true.
     */
    Feed feed(Consumer<Byte> octet, boolean legacy) {
      if (gates.isEmpty() || gates.size() > 2) {
        throw new IllegalStateException("unexpected verifiers: " + gates.size());
      }
      Canonical text =
          new Canonical(
              gates.get(0).digest, legacy && gates.size() == 2 ? gates.get(1).digest : null);
      if (!legacy && gates.size() == 2) {
        gates.get(1).unfed = true;
      }
      return new Feed() {
        private boolean toldLoneCr;

        @Override
        public void update(byte[] b, int off, int len) {
          if (len == 0) {
            return;
          }
          text.update(b, off, len);
          if (!legacy && text.loneCr()) {
            throw new IllegalStateException(
                "a text said to hold no lone CR holds one: its legacy form was not hashed");
          }
          tell(text.loneCr() && !toldLoneCr, text.last());
          toldLoneCr = text.loneCr();
        }

        /**
         * Brings BouncyCastle's note of the text up to date, with its gates closed: a lone CR if
         * the text has one it was not told of ({@code CR}, then another octet), then the text's
         * last octet after an LF (after which no octet makes a lone CR).
         */
        private void tell(boolean loneCr, byte last) {
          gates.forEach(g -> g.open = false);
          try {
            if (loneCr) {
              octet.accept(CR);
              octet.accept((byte) 'x');
            }
            octet.accept(LF);
            octet.accept(last);
          } finally {
            gates.forEach(g -> g.open = true);
          }
        }
      };
    }
  }

  /** {@code signers}, keeping the signer built last (there is one per generator). */
  private static final class CapturingSigners implements PGPContentSignerBuilder {
    private final PGPContentSignerBuilder signers;
    private @Nullable PGPContentSigner signer;

    CapturingSigners(PGPContentSignerBuilder signers) {
      this.signers = signers;
    }

    @Override
    public PGPContentSigner build(int signatureType, PGPPrivateKey privateKey) throws PGPException {
      PGPContentSigner built = signers.build(signatureType, privateKey);
      signer = built;
      return built;
    }
  }

  /**
   * BouncyCastle's generator, but a text signature's data is hashed here ({@link Canonical}) into
   * the stream of the signer it was built with; BouncyCastle adds the trailer in {@code generate}.
   * Not thread-safe.
   */
  private static final class Generator extends PGPSignatureGenerator {
    private final CapturingSigners signers;
    private final byte[] one = new byte[1];
    private @Nullable Canonical text;

    Generator(CapturingSigners signers, PGPPublicKey pub) {
      super(signers, pub);
      this.signers = signers;
    }

    @Override
    public void init(int signatureType, PGPPrivateKey key) throws PGPException {
      super.init(signatureType, key);
      PGPContentSigner signer = signers.signer;
      text =
          signer != null && signer.getType() == PGPSignature.CANONICAL_TEXT_DOCUMENT
              ? new Canonical(signer.getOutputStream(), null)
              : null;
    }

    @Override
    public void update(byte b) {
      if (text == null) {
        super.update(b);
        return;
      }
      one[0] = b;
      update(one, 0, 1);
    }

    @Override
    public void update(byte[] b) {
      update(b, 0, b.length);
    }

    @Override
    public void update(byte[] b, int off, int len) {
      Canonical t = text;
      if (t == null) {
        super.update(b, off, len);
        return;
      }
      t.update(b, off, len);
    }
  }
}
