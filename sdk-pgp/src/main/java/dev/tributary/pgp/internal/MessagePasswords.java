package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.security.SecureRandom;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyEncSessionPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.PBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Messages encrypted with a password (Symmetric-Key Encrypted Session Key packets, SKESK).
 *
 * <p>Writing: SEIPD v1 gets a v4 SKESK with the iterated and salted S2K over SHA-256 ({@link
 * #ITERATION_BYTE}, 16 MiB hashed) and a random salt; SEIPD v2 a v6 SKESK with Argon2 (3 passes, 4
 * lanes, 64 MiB: RFC 9580's second recommended choice), as RFC 9580 requires.
 *
 * <p>Reading: the S2K a message names is checked against the policy before any work is done: the
 * simple and the salted S2K (no iteration) are refused unless {@link
 * PgpPolicy#acceptsWeakPasswordHashing()}, and Argon2 asking for more than 2 GiB, or for more work
 * than {@link #MAX_ARGON2_WORK_KIB}, is refused always (a message must not be able to exhaust
 * memory or time). So is a packet naming the null cipher or an unknown one, before its password
 * hashing is done ({@link #refusedCipher}). A v4 SKESK has no check of its own that the password is
 * right: {@link #quickCheck} applies the random prefix's check of SEIPD v1, the only one the format
 * gives.
 */
final class MessagePasswords {
  /** The S2K count byte for writing: 0xE0 is 16 × 2^20 = 16,777,216 bytes hashed. */
  static final int ITERATION_BYTE = 0xE0;

  /** The largest Argon2 memory read: 2^21 KiB, 2 GiB, RFC 9580's first recommended choice. */
  private static final int MAX_ARGON2_MEMORY_EXPONENT = 21;

  /**
   * The most Argon2 work one password packet may ask for, in KiB of memory filled times passes:
   * 2^22, twice RFC 9580's first recommended choice (2 GiB, one pass) and 21 times its second (64
   * MiB, three passes). BouncyCastle's Argon2 fills some 160 MiB a second here, so this bounds one
   * password try to about half a minute, where 255 passes over 2 GiB would take hours.
   */
  static final long MAX_ARGON2_WORK_KIB = 1L << 22;

  private MessagePasswords() {}

  /**
   * The S2K's hashes: the JDK's, whose SHA-256 and SHA-1 run on the processor's SHA instructions
   * (BouncyCastle's took several times as long for the millions of bytes an S2K hashes).
   */
  private static PGPDigestCalculatorProvider digests() {
    try {
      return new JcaPGPDigestCalculatorProviderBuilder().build();
    } catch (PGPException e) {
      throw new IllegalStateException("the JDK's digests cannot be set up", e);
    }
  }

  /** The session key encryption with {@code password} for SEIPD v1 ({@code aead} false) or v2. */
  static PBEKeyEncryptionMethodGenerator encryption(
      Secret password, boolean aead, SecureRandom random) {
    char[] chars = password.reveal().toCharArray();
    PBEKeyEncryptionMethodGenerator method;
    if (aead) {
      method = new BcPBEKeyEncryptionMethodGenerator(chars, new S2K.Argon2Params(3, 4, 16, random));
    } else {
      try {
        method =
            new BcPBEKeyEncryptionMethodGenerator(
                chars, digests().get(HashAlgorithmTags.SHA256), ITERATION_BYTE);
      } catch (PGPException e) {
        throw new IllegalStateException("SHA-256 is missing from the JDK", e);
      }
    }
    return method.setSecureRandom(random);
  }

  /**
   * The session key {@code packet} gives for {@code password}, or null when the password does not
   * open it (as far as the packet can tell).
   *
   * @throws PgpDataException if the packet's S2K is one the policy refuses
   * @throws PgpIntegrityException if the password opens an AEAD-protected packet (v5, v6), whose
   *     tag proves the password right, and the session key does not fit the cipher the encrypted
   *     data names: that cipher octet was changed
   */
  @SuppressWarnings("deprecation") // see MessageDecryption.open: same reason
  static @Nullable PGPSessionKey sessionKey(
      PGPPBEEncryptedData packet, Secret password, PgpPolicy policy) {
    PGPSessionKey key;
    try {
      key = packet.getSessionKey(new Checked(password.reveal().toCharArray(), policy));
    } catch (PGPException | RuntimeException e) {
      if (e instanceof PgpDataException d) {
        throw d;
      }
      return null; // an AEAD-protected SKESK (v5, v6) fails here for a wrong password
    }
    if (key == null || plausible(key)) {
      return key;
    }
    if (packet.getVersion() >= SymmetricKeyEncSessionPacket.VERSION_5) {
      throw new PgpIntegrityException(
          new IntegrityFailure(
              "the password opens its session key packet, but the session key does not fit the"
                  + " cipher the encrypted data names"));
    }
    return null;
  }

  /**
   * Why {@code packet} is refused before any password is tried on it, from the cipher it names (for
   * a v4 packet without an encrypted session key, the message's own cipher); null if it is not.
   */
  static @Nullable PgpDataException refusedCipher(PGPPBEEncryptedData packet) {
    int id = packet.getAlgorithm();
    if (id == SymmetricKeyAlgorithmTags.NULL) {
      return new PgpDataException(
          Reason.NO_INTEGRITY_PROTECTION,
          "the message's password packet names the null cipher (plaintext): refused");
    }
    try {
      SymmetricAlgorithm.ofId(id);
      return null;
    } catch (IllegalArgumentException e) {
      return CipherNames.unsupported("the message's password packet names", id);
    }
  }

  /** A session key a wrong password gave has, most often, an unknown cipher or the wrong length. */
  private static boolean plausible(PGPSessionKey key) {
    try {
      SymmetricAlgorithm.ofId(key.getAlgorithm());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return SessionKeys.misfit(key) == null;
  }

  /**
   * Whether {@code key} passes SEIPD v1's quick check on the ciphertext's first bytes ({@code
   * prefix}, at least the block size + 2): the random prefix's last two bytes are repeated. A wrong
   * key passes it once in 65,536 times, and then fails the MDC at the end.
   */
  static boolean quickCheck(byte[] prefix, int length, PGPSessionKey key) {
    SymmetricAlgorithm algorithm = SymmetricAlgorithm.ofId(key.getAlgorithm());
    BlockEncryptor cipher = BlockEncryptor.of(algorithm, key.getKey());
    int bs = cipher.blockSize();
    if (length < bs + 2) {
      return true; // too short to check: the integrity check refuses it
    }
    byte[] in = new byte[2 * bs];
    System.arraycopy(prefix, 0, in, bs, bs); // block 0 is the zero IV, block 1 is C[0]
    byte[] out = new byte[2 * bs];
    cipher.encryptBlocks(in, 0, 2 * bs, out, 0);
    byte[] plain = new byte[bs + 2];
    for (int i = 0; i < bs; i++) {
      plain[i] = (byte) (prefix[i] ^ out[i]);
    }
    plain[bs] = (byte) (prefix[bs] ^ out[bs]);
    plain[bs + 1] = (byte) (prefix[bs + 1] ^ out[bs + 1]);
    return plain[bs - 2] == plain[bs] && plain[bs - 1] == plain[bs + 1];
  }

  /** BouncyCastle's password decryption, refusing an S2K the policy does not accept first. */
  private static final class Checked extends BcPBEDataDecryptorFactory {
    private final PgpPolicy policy;

    Checked(char[] password, PgpPolicy policy) {
      super(password, digests());
      this.policy = policy;
    }

    @Override
    public byte[] makeKeyFromPassPhrase(int keyAlgorithm, S2K s2k) throws PGPException {
      int type = s2k.getType();
      if ((type == S2K.SIMPLE || type == S2K.SALTED) && !policy.acceptsWeakPasswordHashing()) {
        throw new PgpDataException(
            Reason.WEAK_ALGORITHM,
            "the message's password is hashed with the "
                + (type == S2K.SIMPLE ? "simple" : "salted")
                + " S2K, without iteration, which makes guessing it cheap: refused; ask the sender"
                + " to use a current tool, or accept it with PgpPolicy.legacySenders()");
      }
      if (type == S2K.ARGON_2) {
        checkArgon2Work(s2k);
      }
      if (type != S2K.SIMPLE
          && type != S2K.SALTED
          && type != S2K.SALTED_AND_ITERATED
          && type != S2K.ARGON_2) {
        throw new PgpDataException(
            Reason.UNSUPPORTED, "the message's password uses an unknown S2K (type " + type + ")");
      }
      long argon2Bytes = UnlockedKeys.argon2Bytes(s2k);
      long maxHeap = Runtime.getRuntime().maxMemory();
      checkArgon2Memory(argon2Bytes, maxHeap);
      try {
        return super.makeKeyFromPassPhrase(keyAlgorithm, s2k);
      } catch (OutOfMemoryError e) {
        if (argon2Bytes == 0) {
          throw e;
        }
        // Argon2's one large table, garbage as soon as this is thrown: the JVM had the heap for
        // it, but not free at this moment.
        throw new PgpDataException(
            Reason.UNSUPPORTED,
            argon2Message(argon2Bytes, "is not free on the heap now", maxHeap),
            e);
      }
    }
  }

  /**
   * Refuses, before any work, an Argon2 asking for more than 2 GiB ({@link
   * #MAX_ARGON2_MEMORY_EXPONENT}) or more work than {@link #MAX_ARGON2_WORK_KIB}.
   */
  static void checkArgon2Work(S2K s2k) {
    if (s2k.getMemorySizeExponent() > MAX_ARGON2_MEMORY_EXPONENT) {
      throw new PgpDataException(
          Reason.UNSUPPORTED,
          "the message's password is hashed with Argon2 over 2^"
              + s2k.getMemorySizeExponent()
              + " KiB of memory, more than the 2 GiB this library gives it");
    }
    if ((long) s2k.getPasses() << s2k.getMemorySizeExponent() > MAX_ARGON2_WORK_KIB) {
      throw new PgpDataException(
          Reason.UNSUPPORTED,
          "the message's password is hashed with Argon2 in "
              + s2k.getPasses()
              + " passes over 2^"
              + s2k.getMemorySizeExponent()
              + " KiB of memory, more work than the 2 GiB in two passes this library gives it");
    }
  }

  /**
   * Fails with a clear message, before the work starts, when a message's Argon2 needs more memory
   * than this JVM's heap can ever hold (a 64 MiB Argon2 under {@code -Xmx64m}, say), rather than
   * with an {@link OutOfMemoryError}.
   */
  static void checkArgon2Memory(long argon2Bytes, long maxHeap) {
    if (argon2Bytes > maxHeap) {
      throw new PgpDataException(
          Reason.UNSUPPORTED,
          argon2Message(argon2Bytes, "is more than this JVM's whole heap", maxHeap));
    }
  }

  private static String argon2Message(long argon2Bytes, String why, long maxHeap) {
    return "cannot try a password on the message: its password hashing (Argon2) "
        + UnlockedKeys.argon2Memory(argon2Bytes, why, maxHeap);
  }
}
