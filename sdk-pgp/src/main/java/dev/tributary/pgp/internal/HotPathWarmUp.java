package dev.tributary.pgp.internal;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Adler32;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Gets the JIT to compile the hot path of encryption or decryption early in a fresh JVM: AES
 * through {@link JdkPieces} (CBC for encryption, ECB for decryption) and {@link Xor}, and for
 * decryption a ZLIB stream's checksum, called many times on a few bytes each, on a short-lived
 * helper thread, once per JVM and direction.
 *
 * <p>C2 compiles a method (and inlines the JDK's AES intrinsics into it) once it has been called
 * some thousands of times, whatever the size of each call. The bulk of a message calls these
 * methods a few dozen times per 256 KiB, so in a fresh JVM, as in one {@code sop} call, the first
 * tens of MiB went through interpreted or lightly compiled code (the compilation log of a 512 MiB
 * decryption showed the last of them compiled 0.3–0.4 s in). Twelve thousand calls on 16 and 64
 * bytes cost little, run beside the first chunks, and bring those compilations forward. Medians of
 * interleaved rounds on a 2-core VM, 512 MiB: {@code sop decrypt} 0.883 → 0.843 s (15 rounds, the
 * warm-up started with the decryption) and 1.015 → 0.977 s (15 rounds, a noisier hour, started as
 * here after the first chunk); {@code sop encrypt} 1.591 → 1.533 s (16 rounds, output to {@code
 * /dev/null}). Warming SHA-1 the same way (the MDC's helper thread) made no further difference and
 * is not done. Decryption's warm-up also calls {@link CompressedContent#checksum}, a ZLIB stream's
 * Adler-32: the JDK's intrinsic for it replaces zlib's scalar code only in compiled callers (perf
 * of a 512 MiB decryption of gpg's ZLIB message: zlib's {@code adler32_z} 4.1 % of the CPU samples
 * without this, 1.2 % with it). A long-running host pays each warm-up once and would have got there
 * anyway.
 *
 * <p>The thread is a daemon that ends on its own in well under a second. Its cipher has a fixed
 * all-zero key and its output is thrown away: nothing of a message goes near it. A failure is
 * ignored; the real calls are the same and report their own.
 */
final class HotPathWarmUp {
  static final String THREAD_NAME = "tributary-pgp-warm-up";

  private static final HotPathWarmUp DECRYPTION =
      new HotPathWarmUp("AES/ECB/NoPadding", null, true, 12_000);
  private static final HotPathWarmUp ENCRYPTION =
      new HotPathWarmUp("AES/CBC/NoPadding", new IvParameterSpec(new byte[16]), false, 12_000);

  private final String transformation;
  private final @Nullable AlgorithmParameterSpec parameters;
  private final boolean zlibChecksum;
  private final int calls;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean finished;

  /**
   * @param transformation the JDK cipher the path runs: ECB for decryption, CBC for encryption
   * @param parameters the cipher's parameters (CBC's IV), or null for none
   * @param zlibChecksum whether to warm a ZLIB stream's checksum as well, for decryption
   * @param calls how many calls of each method
   */
  HotPathWarmUp(
      String transformation,
      @Nullable AlgorithmParameterSpec parameters,
      boolean zlibChecksum,
      int calls) {
    this.transformation = transformation;
    this.parameters = parameters;
    this.zlibChecksum = zlibChecksum;
    this.calls = calls;
  }

  /** Starts the JVM's decryption warm-up, the first time only; returns at once. */
  static void forDecryption() {
    DECRYPTION.startOnce();
  }

  /** Starts the JVM's encryption warm-up, the first time only; returns at once. */
  static void forEncryption() {
    ENCRYPTION.startOnce();
  }

  /** Whether the JVM's decryption warm-up has been started. */
  static boolean decryptionStarted() {
    return DECRYPTION.started.get();
  }

  /** Whether the JVM's encryption warm-up has been started. */
  static boolean encryptionStarted() {
    return ENCRYPTION.started.get();
  }

  /**
   * Starts the warm-up thread unless this warm-up was started before; returns it, or null. Cheap
   * after the first call (one volatile read), so callers may call it for every chunk.
   */
  @Nullable Thread startOnce() {
    if (started.get() || !started.compareAndSet(false, true)) {
      return null;
    }
    Thread t = new Thread(this::run, THREAD_NAME);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Whether the warm-up ran to its end without a failure. */
  boolean finished() {
    return finished;
  }

  private void run() {
    try {
      Cipher aes = Cipher.getInstance(transformation);
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), parameters);
      byte[] a = new byte[64];
      byte[] b = new byte[64];
      byte[] out = new byte[64];
      Adler32 adler = new Adler32();
      for (int i = 0; i < calls; i++) {
        JdkPieces.update(aes, a, 0, 16, out, 0);
        Xor.xor(a, 0, b, 0, out, 0, 64);
        if (zlibChecksum) {
          CompressedContent.checksum(adler, a, 0, 16);
        }
      }
      finished = true;
    } catch (GeneralSecurityException | RuntimeException e) {
      // The real calls are the same and report their own failure.
    }
  }
}
