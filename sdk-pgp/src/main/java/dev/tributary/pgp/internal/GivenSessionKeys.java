package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.PgpSessionKey;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcSessionKeyDataDecryptorFactory;
import org.jspecify.annotations.Nullable;

/**
 * Session keys the caller gave ({@code PgpDecryptor.Builder.sessionKey}), tried on the encrypted
 * data directly, before any key or password. Nothing in a message says which session key is right,
 * so each is tested on the data: on SEIPD v1 by the random prefix's quick check (a wrong key passes
 * it once in 65,536 times, and then fails the MDC at the end), on AEAD-protected data (SEIPD v2,
 * GnuPG's OCB packet) by the first chunk's authentication tag, after only the keys of the cipher
 * the packet names.
 */
final class GivenSessionKeys {
  private GivenSessionKeys() {}

  /** The first of {@code keys} that passes {@code check} on SEIPD v1 data, or null. */
  static @Nullable PGPSessionKey firstFitting(
      List<PgpSessionKey> keys, SessionKeys.PasswordCheck check) {
    for (PgpSessionKey k : keys) {
      byte[] bytes = k.revealKey();
      PGPSessionKey key = new PGPSessionKey(k.algorithm().id(), bytes); // keeps bytes, no copy
      if (check.fits(key)) {
        return key;
      }
      Arrays.fill(bytes, (byte) 0);
    }
    return null;
  }

  /** An AEAD-protected packet's plaintext stream and the session key that opened it. */
  record Opened(InputStream plaintext, PGPSessionKey sessionKey) {}

  /**
   * What the given keys did on AEAD-protected data: {@code opened} it, or not, and then {@code
   * ciphertext} is the packet's data from its start again, for the keys and passwords.
   */
  record Attempt(@Nullable Opened opened, InputStream ciphertext) {}

  /**
   * Opens AEAD-protected {@code data} with the first of {@code keys} whose first chunk
   * authenticates. With several keys of the packet's cipher, or when {@code fallback} (keys or
   * passwords are tried next), the bytes read for the first chunk are kept to be read again (one
   * chunk and its tag: at most 4 MiB in RFC 9580); else nothing is kept.
   */
  static Attempt openAead(InputStreamPacket data, List<PgpSessionKey> keys, boolean fallback)
      throws IOException {
    int cipher =
        data instanceof SymmetricEncIntegrityPacket seipd
            ? seipd.getCipherAlgorithm()
            : ((AEADEncDataPacket) data).getAlgorithm();
    List<byte[]> candidates = new ArrayList<>();
    for (PgpSessionKey k : keys) {
      if (k.algorithm().id() == cipher) {
        candidates.add(k.revealKey());
      }
    }
    try {
      return openAead(data, cipher, candidates, fallback);
    } finally {
      for (byte[] c : candidates) {
        Arrays.fill(c, (byte) 0); // the key that opened the data lives on in its own copy
      }
    }
  }

  private static Attempt openAead(
      InputStreamPacket data, int cipher, List<byte[]> candidates, boolean fallback)
      throws IOException {
    InputStream source = data.getInputStream();
    if (candidates.isEmpty()) {
      return new Attempt(null, source);
    }
    Replay replay = candidates.size() > 1 || fallback ? new Replay(source) : null;
    for (int i = 0; i < candidates.size(); i++) {
      byte[] bytes = candidates.get(i).clone(); // the caller zeroes candidates: a copy to keep
      PGPSessionKey key = new PGPSessionKey(cipher, bytes);
      InputStream ciphertext = source;
      if (replay != null) {
        replay.rewind(fallback || i < candidates.size() - 1);
        ciphertext = replay;
      }
      PushbackInputStream plaintext;
      int first;
      try {
        // BouncyCastle reads and authenticates the first chunk here, or on the first read.
        plaintext = new PushbackInputStream(stream(data, key, ciphertext));
        first = plaintext.read();
      } catch (IOException | RuntimeException e) {
        Arrays.fill(bytes, (byte) 0);
        if (SourceFailure.isCause(e)) {
          throw e;
        }
        if (endsEarly(e)) {
          // The packet ends before its length says: cut off, whatever the key (the first
          // chunk's read looks ahead past it), so the integrity error, not "no key fits".
          throw new PgpIntegrityException(e);
        }
        continue; // not this key (or a damaged first chunk, which no key opens)
      }
      if (replay != null) {
        replay.stopKeeping(); // this key reads on from where it is
      }
      if (first >= 0) {
        plaintext.unread(first);
      }
      return new Attempt(new Opened(plaintext, key), source);
    }
    if (replay == null) {
      return new Attempt(null, source);
    }
    replay.rewind(false);
    return new Attempt(null, replay);
  }

  /** Whether {@code e} comes of the data ending inside the packet (an {@link EOFException}). */
  private static boolean endsEarly(Throwable e) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The plaintext of AEAD-protected {@code data}, read from {@code ciphertext} with {@code key}.
   */
  static InputStream stream(InputStreamPacket data, PGPSessionKey key, InputStream ciphertext)
      throws IOException {
    InputStream chunks =
        data instanceof AEADEncDataPacket gnupg
            ? GnupgEmptyChunk.of(ciphertext, gnupg, key.getKey()) // GnuPG's empty last chunk
            : ciphertext;
    return new BCPGInputStream(decryptor(data, key).getInputStream(chunks));
  }

  private static PGPDataDecryptor decryptor(InputStreamPacket data, PGPSessionKey key)
      throws IOException {
    BcSessionKeyDataDecryptorFactory factory = new BcSessionKeyDataDecryptorFactory(key);
    try {
      return data instanceof SymmetricEncIntegrityPacket seipd
          ? factory.createDataDecryptor(seipd, key)
          : factory.createDataDecryptor((AEADEncDataPacket) data, key);
    } catch (PGPException e) {
      throw new IOException("cannot set up the AEAD decryption: " + e.getMessage(), e);
    }
  }

  /**
   * The ciphertext, with the bytes read from it since the start kept so that the next key can read
   * them again: {@link #rewind} starts over; once no key will start over again, the bytes are given
   * out once more and dropped.
   */
  private static final class Replay extends InputStream {
    private final InputStream source;
    private byte[] kept = new byte[1 << 12];
    private int size;
    private int position;
    private boolean keeping = true;

    Replay(InputStream source) {
      this.source = source;
    }

    /** Reads from the start again; {@code keepMore} false when no key comes after this one. */
    void rewind(boolean keepMore) {
      position = 0;
      keeping = keepMore;
    }

    /** No key comes after the one reading now. */
    void stopKeeping() {
      keeping = false;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position < size) {
        int n = Math.min(len, size - position);
        System.arraycopy(kept, position, b, off, n);
        position += n;
        return n;
      }
      if (!keeping && size > 0) {
        kept = new byte[0]; // given out for the last time
        size = 0;
        position = 0;
      }
      int n = source.read(b, off, len);
      if (n > 0 && keeping) {
        if (size + n > kept.length) {
          kept = Arrays.copyOf(kept, Math.max(2 * kept.length, size + n));
        }
        System.arraycopy(b, off, kept, size, n);
        size += n;
        position = size;
      }
      return n;
    }
  }
}
