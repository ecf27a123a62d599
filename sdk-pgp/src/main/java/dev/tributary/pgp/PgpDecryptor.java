package dev.tributary.pgp;

import dev.tributary.core.TransientException;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.internal.AtomicFiles;
import dev.tributary.pgp.internal.CloseShield;
import dev.tributary.pgp.internal.CrLfToLf;
import dev.tributary.pgp.internal.DecryptingInputStream;
import dev.tributary.pgp.internal.DecryptionSettings;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.IoFailures;
import dev.tributary.pgp.internal.MessageDecryption;
import dev.tributary.pgp.internal.SourceFiles;
import dev.tributary.pgp.internal.UnlockedKeys;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Decrypts OpenPGP messages, streaming in constant memory, and fails closed.
 *
 * <pre>{@code
 * PgpDecryptor decryptor = PgpDecryptor.builder()
 *     .key(PgpKey.of(authorization))          // several keys for key rotation
 *     .build();
 * DecryptionResult result = decryptor.decryptFile(download, Path.of("import.csv"));
 * }</pre>
 *
 * <p>Reads binary or ASCII-armored input (detected), skips marker and padding packets, tries every
 * encrypted session key (hidden recipients too) against every key held, then every
 * password-encrypted one against every password held (messages from {@code gpg --symmetric} or
 * {@code sop encrypt --with-password}); session keys given ({@link Builder#sessionKey}) are tried
 * first, on the encrypted data itself. A message with more than 256 session key packets, one whose
 * password would have to be tried on more than 16 password packets, one that needs more than 128
 * private-key decryptions (hidden recipients × keys held), or one whose password hashing asks for
 * more Argon2 work than 2 GiB in two passes is refused as {@link
 * PgpDataException.Reason#UNSUPPORTED}: a crafted message could otherwise ask for hours of work. It
 * accepts SEIPD v1 (MDC), SEIPD v2 (AEAD) and the OCB format GnuPG 2.4 writes. Data without
 * integrity protection or with the null cipher is refused. Tampering or truncation fails with one
 * {@link PgpIntegrityException}; a wrong key or password with a {@link PgpWrongKeyException} naming
 * the message's key IDs and the fingerprints held, and saying whether it is encrypted with a
 * password and how many passwords and session keys were tried; a wrong passphrase of a private key
 * with a {@link PgpWrongPassphraseException}.
 *
 * <p>Text (literal data {@code 't'} or {@code 'u'}, stored with CRLF line endings) is handed out
 * with the platform's line endings by default, binary data as stored: see {@link
 * Builder#textLineEndings} and {@link DecryptionResult#format()}.
 *
 * <p>The stream methods hand out plaintext before the integrity check at the end can pass (that is
 * what streaming means): on an exception the caller must discard what it received. {@link
 * #decryptFile} does that for you.
 *
 * <p>Immutable and thread-safe; share one per set of keys. Each decryption of a SEIPD v1 message
 * uses a helper thread for the MDC's SHA-1, and a compressed message one more, which reads and
 * decrypts the compressed packet ahead of its decompression; they are daemon threads that end with
 * the decryption. A {@link DecryptionStream} that is never closed keeps them, and their buffers,
 * until it is garbage-collected (they end within a second of that): close it. Reading (but for that
 * packet) and writing happen on the caller's thread. The first decryption in a JVM of a message
 * longer than 256 KiB also starts a daemon thread, {@code tributary-pgp-warm-up}, that gets the JIT
 * to compile the AES path (and ZLIB's checksum) early and ends on its own within a second; it sees
 * nothing of the message.
 *
 * <p>Interrupting the calling thread (a host stopping its job) stops a decryption within 256 KiB of
 * plaintext, also while a compressed message (a compression bomb too) is decompressed: it fails
 * with a {@link TransientException} "decryption was interrupted", the interrupt flag stays set, the
 * helper threads end, and {@link #decryptFile} leaves no file behind.
 */
public final class PgpDecryptor {
  private final List<PgpKey> keys;
  private final List<Secret> passwords;
  private final List<PgpSessionKey> sessionKeys;
  private final boolean revealSessionKey;
  private final List<PgpCertificate> verificationCertificates;
  private final SignaturePolicy signaturePolicy;
  private final PgpPolicy policy;
  private final TextLineEndings textLineEndings;
  private final Clock clock;

  private PgpDecryptor(Builder b) {
    this.keys = List.copyOf(b.keys);
    this.passwords = List.copyOf(b.passwords);
    this.sessionKeys = List.copyOf(b.sessionKeys);
    this.revealSessionKey = b.revealSessionKey;
    this.verificationCertificates = List.copyOf(b.verificationCertificates);
    this.signaturePolicy = b.signaturePolicy;
    this.policy = b.policy;
    this.textLineEndings = b.textLineEndings;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens a message for reading. The returned stream gives the plaintext and reports its end only
   * after the integrity check (and the signature policy) passed; otherwise {@code read} throws a
   * {@link PgpDataException}. Closing it closes {@code ciphertext}. Closing it before its end skips
   * the rest, and with it the integrity check: only plaintext read to the end is authenticated.
   * Close it in any case: it stops the decryption's helper threads.
   *
   * @throws PgpWrongKeyException if no key held opens the message
   * @throws PgpDataException if the input is not an acceptable OpenPGP message
   */
  public DecryptionStream open(InputStream ciphertext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    try {
      DecryptingInputStream decrypting = MessageDecryption.open(ciphertext, settings());
      // Only text takes the per-byte conversion: binary data is handed out as read.
      InputStream plaintext =
          decrypting.format().isText() && textLineEndings.convertsToLf()
              ? CrLfToLf.input(decrypting)
              : decrypting;
      return new DecryptionStream(decrypting, plaintext, ciphertext);
    } catch (IOException e) {
      throw failed("cannot read the message: ", e);
    } catch (RuntimeException e) {
      throw interruptedOr(e);
    }
  }

  /**
   * Decrypts {@code ciphertext} into {@code plaintext}, closing neither. On an exception, discard
   * what was written to {@code plaintext}. Reading and writing happen on the caller's thread, but
   * for a compressed packet, which a helper thread reads and decrypts ahead of its decompression;
   * the MDC's hash runs on a short-lived helper thread.
   *
   * @throws TransientException if reading or writing fails (retry), as opposed to a {@link
   *     PgpDataException} for bad data
   */
  public DecryptionResult decrypt(InputStream ciphertext, OutputStream plaintext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(plaintext, "plaintext");
    // Reading and writing on this thread: decryption outruns the I/O around it (1.4 GiB/s here),
    // and helper threads for them cost a copy and the CPU of their hand-overs, which a two-core
    // machine felt (a 512 MiB sop decryption: 1.13 s with both, 0.93 s without). A compressed
    // message read ahead as well, until its decompression and its checksum got faster: then the
    // read-ahead cost more than it overlapped (gpg's ZLIB message of random data, 512 MiB: 1.174
    // s with it, 1.118 s without; medians of 12 interleaved rounds). Closing the plaintext stream,
    // on failure too, stops the MDC's helper thread; the shield keeps the caller's stream open.
    try (DecryptionStream in = open(CloseShield.of(ciphertext))) {
      return copy(in, plaintext);
    } catch (IOException e) {
      throw failed("cannot decrypt: ", e);
    } catch (RuntimeException e) {
      throw interruptedOr(e);
    }
  }

  private static DecryptionResult copy(DecryptionStream in, OutputStream plaintext)
      throws IOException {
    byte[] buffer = new byte[1 << 18];
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      plaintext.write(buffer, 0, n);
    }
    plaintext.flush();
    return in.result();
  }

  /**
   * Decrypts the file {@code source} into {@code target}. The plaintext goes to a temporary file
   * next to {@code target}, which is renamed to {@code target} (replacing it) only after the
   * integrity check and the signature policy passed; on any failure the temporary file is deleted
   * and no plaintext is left behind. A temporary file of {@code target} that a killed process left
   * is removed by the next call to the same target (see the user guide, "Targets").
   *
   * <p>The new file is readable and writable by its owner alone (0600 where the file system has
   * POSIX permissions). An existing {@code target} is replaced, its mode and owner not kept; a
   * symbolic link is replaced by a regular file, and the file it pointed to is left untouched.
   *
   * @throws IllegalArgumentException if {@code source} is a folder, or {@code target} is a folder,
   *     has no file name ("/") or a name longer than the file system allows
   * @throws TransientException if reading {@code source} or writing {@code target} fails (the
   *     message names which and why), as opposed to a {@link PgpDataException} for bad data
   */
  public DecryptionResult decryptFile(Path source, Path target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    AtomicFiles.requireNotFolder(source, "source");
    DecryptionResult[] result = new DecryptionResult[1];
    try {
      AtomicFiles.write(
          target,
          out -> {
            // open and copy, not decrypt: its failures to write would not name the source
            try (InputStream file = SourceFiles.open(source);
                DecryptionStream in = open(file)) {
              result[0] = copy(in, out);
            }
          });
    } catch (IOException e) {
      throw failed("cannot decrypt " + source + ": ", e);
    } catch (RuntimeException e) {
      throw interruptedOr(SourceFiles.named("cannot decrypt " + source + ": ", e));
    }
    return result[0];
  }

  private DecryptionSettings settings() {
    List<UnlockedKeys> unlocked = PgpKey.unlocked(keys);
    List<PGPPublicKeyRing> rings = PgpCertificate.rings(verificationCertificates);
    return new DecryptionSettings(
        unlocked,
        passwords,
        sessionKeys,
        revealSessionKey,
        rings,
        signaturePolicy,
        Engine.of(policy),
        clock);
  }

  /** The plaintext of one message; see {@link PgpDecryptor#open}. Not thread-safe. */
  public static final class DecryptionStream extends FilterInputStream {
    private final DecryptingInputStream decrypting;
    private final InputStream ciphertext;
    private boolean closed;

    DecryptionStream(
        DecryptingInputStream decrypting, InputStream plaintext, InputStream ciphertext) {
      super(plaintext);
      this.decrypting = decrypting;
      this.ciphertext = ciphertext;
    }

    /**
     * @throws IOException "the decryption stream is closed" after {@link #close()}
     */
    @Override
    public int read() throws IOException {
      requireOpen();
      return in.read();
    }

    /**
     * @throws IOException "the decryption stream is closed" after {@link #close()}
     * @throws IndexOutOfBoundsException for {@code off} and {@code len} outside {@code b}, as any
     *     stream; the decryption goes on unharmed
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, Objects.requireNonNull(b, "b").length);
      requireOpen();
      return in.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      requireOpen();
      return super.skip(n);
    }

    @Override
    public int available() throws IOException {
      requireOpen();
      return super.available();
    }

    private void requireOpen() throws IOException {
      if (closed) {
        throw new IOException("the decryption stream is closed");
      }
    }

    /**
     * What was found out about the message.
     *
     * @throws IllegalStateException if the stream has not been read to its end
     */
    public DecryptionResult result() {
      return decrypting.result();
    }

    /**
     * Stops the decryption's helper threads, then closes the ciphertext stream (the packet readers
     * under the decryption do not pass a close on to it).
     */
    @Override
    public void close() throws IOException {
      closed = true;
      try {
        decrypting.close();
      } finally {
        ciphertext.close();
      }
    }
  }

  private static final String INTERRUPTED = "decryption was interrupted";

  /**
   * The failure of a call, told as an interrupt when this thread's interrupt flag is set (a host
   * stopping its job: the helper threads' waits end with it, in words that would mislead).
   */
  private static TransientException failed(String what, IOException e) {
    return IoFailures.failed(what, INTERRUPTED, e);
  }

  /**
   * {@code e}, or, when this thread's interrupt flag is set, the interrupt it comes from: the
   * helper threads' waits end in failures (a closed stream, data cut short) that would otherwise
   * read as a failing source or damaged data.
   */
  private static RuntimeException interruptedOr(RuntimeException e) {
    boolean told = e instanceof TransientException && INTERRUPTED.equals(e.getMessage());
    return Thread.currentThread().isInterrupted() && !told
        ? new TransientException(INTERRUPTED, e)
        : e;
  }

  /** Builds a {@link PgpDecryptor}. Not thread-safe. */
  public static final class Builder {
    private final List<PgpKey> keys = new ArrayList<>();
    private final List<Secret> passwords = new ArrayList<>();
    private final List<PgpSessionKey> sessionKeys = new ArrayList<>();
    private boolean revealSessionKey;
    private final List<PgpCertificate> verificationCertificates = new ArrayList<>();
    private SignaturePolicy signaturePolicy = SignaturePolicy.OPTIONAL;
    private PgpPolicy policy = PgpPolicy.defaults();
    private TextLineEndings textLineEndings = TextLineEndings.NATIVE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Adds a private key (with its passphrase) to try; add several during a key rotation. */
    public Builder key(PgpKey key) {
      keys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    public Builder keys(List<PgpKey> keys) {
      Objects.requireNonNull(keys, "keys").forEach(this::key);
      return this;
    }

    /**
     * Adds a password to try on messages encrypted with one ({@code gpg --symmetric}); tried after
     * the keys, on every password-encrypted session key in the message. Each try costs the
     * message's password hashing (tens of milliseconds, or Argon2's memory), so hold only the
     * passwords that may be needed. A message the password does not open fails with {@link
     * PgpWrongKeyException}. The password must be exactly the sender's: it is not trimmed.
     */
    public Builder password(Secret password) {
      passwords.add(Objects.requireNonNull(password, "password"));
      return this;
    }

    public Builder passwords(List<Secret> passwords) {
      Objects.requireNonNull(passwords, "passwords").forEach(this::password);
      return this;
    }

    /**
     * Adds a session key to try (from {@code sop decrypt --session-key-out} or {@code gpg
     * --show-session-key}): it opens its one message without the private key or password. Session
     * keys are tried before keys and passwords, in the order added, on the encrypted data itself:
     * SEIPD v1's quick check on its first bytes, or the first chunk's authentication on SEIPD v2
     * and GnuPG's OCB data, finds most wrong ones at once; the rest (one in 65,536 on SEIPD v1)
     * fail the integrity check at the end. A message none opens, and no key or password either,
     * fails with {@link PgpWrongKeyException}. It also opens data whose session key packets were
     * removed.
     */
    public Builder sessionKey(PgpSessionKey sessionKey) {
      sessionKeys.add(Objects.requireNonNull(sessionKey, "sessionKey"));
      return this;
    }

    public Builder sessionKeys(List<PgpSessionKey> sessionKeys) {
      Objects.requireNonNull(sessionKeys, "sessionKeys").forEach(this::sessionKey);
      return this;
    }

    /**
     * Whether each {@link DecryptionResult} carries its message's session key ({@link
     * DecryptionResult#sessionKey()}), whatever opened the message. Default false: the session key
     * opens the message without a key or password, so ask for it only to hand it on ({@code sop
     * decrypt --session-key-out}).
     */
    public Builder revealSessionKey(boolean reveal) {
      this.revealSessionKey = reveal;
      return this;
    }

    /** Adds a certificate whose signatures are verified. */
    public Builder verifyWith(PgpCertificate certificate) {
      verificationCertificates.add(Objects.requireNonNull(certificate, "certificate"));
      return this;
    }

    /**
     * What to do with signatures. Default {@link SignaturePolicy#OPTIONAL}: checked and reported,
     * not required. {@link SignaturePolicy#REQUIRED} needs at least one {@link #verifyWith}.
     */
    public Builder signaturePolicy(SignaturePolicy policy) {
      this.signaturePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The line endings of the text a message holds (literal data {@code 't'} or {@code 'u'}, stored
     * with CRLF: {@link DecryptionResult#format()}); binary data is always handed out as stored.
     * Default {@link TextLineEndings#NATIVE}: each CR LF pair becomes LF where the platform's line
     * separator is LF, as RFC 9580 (section 5.9) asks of the receiver and as {@code gpg --decrypt}
     * and OpenPGP.js write text, so that text encrypted as text from LF text (ours, {@code gpg
     * --textmode}, {@code sop encrypt --as=text}) decrypts to the same bytes. {@link
     * TextLineEndings#AS_STORED} hands the text out byte for byte as stored (what earlier versions
     * did, and {@code sqop decrypt}); {@link TextLineEndings#LF} converts on every platform.
     * Signatures are checked over the text as stored either way, and {@link
     * DecryptionResult#plaintextBytes()} counts it as stored.
     */
    public Builder textLineEndings(TextLineEndings textLineEndings) {
      this.textLineEndings = Objects.requireNonNull(textLineEndings, "textLineEndings");
      return this;
    }

    /** The algorithm policy. Default {@link PgpPolicy#defaults()}. */
    public Builder policy(PgpPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The time source the message's signatures are judged against, read as each is checked: a
     * signature whose expiration time has passed on it is not valid, nor one made more than {@link
     * SignatureVerification#CLOCK_SKEW_TOLERANCE} after its "now" ("made in the future"). Whether
     * the signing key was valid is judged at the signature's own creation time, whatever the clock
     * says. Default: the system UTC clock. Tests pass a clock of their own ({@code ManualClock} of
     * sdk-testing) to see a signature expire, or one made ahead of time become valid; a host may
     * pass the clock it gives its jobs ({@code JobRunner.Builder.clock}).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the decryptor.
     *
     * @throws IllegalStateException if there is no key, password or session key, or signatures are
     *     required but no certificate verifies them
     */
    public PgpDecryptor build() {
      if (keys.isEmpty() && passwords.isEmpty() && sessionKeys.isEmpty()) {
        throw new IllegalStateException("add at least one private key, password or session key");
      }
      if (signaturePolicy == SignaturePolicy.REQUIRED && verificationCertificates.isEmpty()) {
        throw new IllegalStateException(
            "SignaturePolicy.REQUIRED needs at least one certificate to verify with (verifyWith)");
      }
      return new PgpDecryptor(this);
    }
  }
}
