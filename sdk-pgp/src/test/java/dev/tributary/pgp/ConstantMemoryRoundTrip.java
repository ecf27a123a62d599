package dev.tributary.pgp;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child JVM of {@link ConstantMemoryTest}: encrypts {@code args[0]} MiB of generated data with
 * {@code args[1]} compression, to a key or with a password ({@code args[2]}), through the public
 * API and decrypts it again through an OS pipe, on a heap smaller than the data, then prints the
 * count and SHA-256 of both sides. Exits 0 only if they match; a failure is thrown out of {@code
 * main} (exit code 1).
 */
public final class ConstantMemoryRoundTrip {
  private ConstantMemoryRoundTrip() {}

  public static void main(String[] args) throws Exception {
    long bytes = Long.parseLong(args[0]) << 20;
    Compression compression = Compression.valueOf(args[1]);
    PgpTestKeys.TestKey alice = PgpTestKeys.ALICE_RSA;
    boolean password = args.length > 2 && args[2].equals("password");
    PgpEncryptor.Builder encryption = PgpEncryptor.builder().compression(compression);
    PgpDecryptor.Builder decryption = PgpDecryptor.builder();
    if (password) {
      encryption.password(Secret.of("constant memory"));
      decryption.password(Secret.of("constant memory"));
    } else {
      encryption.recipient(PgpCertificate.of(alice.publicKey()));
      decryption.key(PgpKey.of(alice.privateKey()));
    }
    PgpEncryptor encryptor = encryption.build();
    PgpDecryptor decryptor = decryption.build();

    Pipe pipe = Pipe.open();
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    AtomicReference<Throwable> encryptFailure = new AtomicReference<>();
    Thread encrypting =
        encryptInBackground(
            encryptor,
            new Generated(bytes, compression != Compression.NONE),
            sent,
            pipe,
            encryptFailure);

    Received received = new Received();
    try (InputStream in = Channels.newInputStream(pipe.source())) {
      decryptor.decrypt(in, received);
    }
    encrypting.join();
    if (encryptFailure.get() != null) {
      throw new AssertionError("encryption failed", encryptFailure.get());
    }
    String expected = HexFormat.of().formatHex(sent.digest());
    String actual = HexFormat.of().formatHex(received.sha256.digest());
    System.out.printf("generated %d bytes, sha-256 %s%n", bytes, expected);
    System.out.printf("decrypted %d bytes, sha-256 %s%n", received.count, actual);
    System.out.printf("heap: max %d MiB, %s%n", Runtime.getRuntime().maxMemory() >> 20, peaks());
    if (received.count != bytes || !actual.equals(expected)) {
      System.out.println("MISMATCH");
      System.exit(1);
    }
  }

  /** Encrypts {@code plaintext} into the pipe on a thread of its own, hashing it on the way. */
  private static Thread encryptInBackground(
      PgpEncryptor encryptor,
      InputStream plaintext,
      MessageDigest sent,
      Pipe pipe,
      AtomicReference<Throwable> failure) {
    Thread encrypting =
        new Thread(
            () -> {
              try (OutputStream out = Channels.newOutputStream(pipe.sink())) {
                encryptor.encrypt(new DigestInputStream(plaintext, sent), out);
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "encrypting");
    encrypting.setDaemon(true);
    encrypting.start();
    return encrypting;
  }

  /** The peak use of each heap pool, in KiB. */
  private static String peaks() {
    StringBuilder s = new StringBuilder("peaks");
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        s.append(", ").append(pool.getName()).append(' ');
        s.append(pool.getPeakUsage().getUsed() >> 10).append(" KiB");
      }
    }
    return s.toString();
  }

  /** Counts and hashes what it is given, keeping none of it. */
  private static final class Received extends OutputStream {
    final MessageDigest sha256 = sha256();
    long count;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      sha256.update(b, off, len);
      count += len;
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }
  }

  /**
   * {@code length} pseudo-random bytes, the same on every run whatever the read sizes (byte {@code
   * p} comes from a SplitMix64 hash of {@code p / 8}): uniformly random, which no compressor
   * shrinks, or, as {@code text}, lines of digits and commas, which zlib about halves.
   */
  static final class Generated extends InputStream {
    private static final byte[] TEXT =
        "0123456789,,,,\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final long length;
    private final boolean text;
    private long position;

    Generated(long length, boolean text) {
      this.length = length;
      this.text = text;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (position == length) {
        return -1;
      }
      int n = (int) Math.min(len, length - position);
      long word = mix(position >>> 3) >>> (8 * (position & 7));
      for (int i = 0; i < n; i++, position++) {
        if (i > 0 && (position & 7) == 0) {
          word = mix(position >>> 3);
        }
        b[off + i] = text ? TEXT[(int) word & 15] : (byte) word;
        word >>>= 8;
      }
      return n;
    }

    private static long mix(long x) {
      long z = (x + 1) * 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
