package dev.tributary.pgp;

import dev.tributary.core.TransientException;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.internal.AtomicFiles;
import dev.tributary.pgp.internal.CloseShield;
import dev.tributary.pgp.internal.EncryptingOutputStream;
import dev.tributary.pgp.internal.EncryptionSettings;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.IoFailures;
import dev.tributary.pgp.internal.LiteralData;
import dev.tributary.pgp.internal.ReadAheadInputStream;
import dev.tributary.pgp.internal.RecipientSelector;
import dev.tributary.pgp.internal.SourceFiles;
import dev.tributary.pgp.internal.UnlockedKeys;
import dev.tributary.pgp.internal.WriteBehindOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts data for one or more recipients or passwords, streaming in constant memory whatever the
 * size.
 *
 * <pre>{@code
 * PgpEncryptor encryptor = PgpEncryptor.builder()
 *     .recipient(PgpCertificate.of(authorization))
 *     .compression(Compression.ZLIB)
 *     .build();
 * encryptor.encrypt(sftpUpload, out -> csv.writeTo(out));
 * // finished if writeTo returned, left unfinished if it threw; sftpUpload stays open
 * }</pre>
 *
 * <p>By default: SEIPD v1 with an MDC and AES-256 (what GnuPG 2.2 and 2.4, Sequoia and every
 * current implementation read), ZLIB at level {@value #DEFAULT_COMPRESSION_LEVEL} unless the data
 * is already compressed, binary output. SEIPD v2 (AEAD, OCB) is used only when {@link
 * Builder#allowAead allowed} and every recipient's key announces support (with passwords alone,
 * when allowed). GnuPG-only formats are never written.
 *
 * <p>Immutable and thread-safe: build one per recipient set and share it. Recipients' keys are
 * checked at {@link Builder#build()} and again by the first message once a minute has passed on the
 * {@link Builder#clock clock}, since a key may expire while an encryptor lives (its certificate
 * cannot change: a revocation needs a new certificate, and so a new encryptor). Within the minute a
 * message is encrypted to the keys last selected, even to one that has expired since: selecting
 * verifies every self-signature of every certificate, which costs more than encrypting a small
 * message, and the owner of a key that expired a minute ago can still decrypt. A {@link
 * Builder#signWith signing key} is checked at every message, since signing makes a new signature
 * anyway. Each message uses a helper thread for the MDC's SHA-1 (and, in {@link
 * #encrypt(InputStream, OutputStream)} and {@link #encryptFile}, two more for I/O); they are daemon
 * threads that end with the message, finished, aborted or failed. The stream of {@link
 * #encrypt(OutputStream)} must be closed or aborted: one that is not keeps its thread and buffers
 * until it is garbage-collected (the thread ends within a second of that). The first encryption in
 * a JVM of a message longer than 256 KiB also starts a daemon thread, {@code
 * tributary-pgp-warm-up}, that gets the JIT to compile the AES path early and ends on its own
 * within a second; it sees nothing of the message.
 *
 * <p>Interrupting the calling thread (a host stopping its job) stops the message within 64 KiB of
 * plaintext, compressed or not: the call throws a {@link TransientException} "encryption was
 * interrupted" (the stream of {@link #encrypt(OutputStream)} an {@code InterruptedIOException}),
 * the interrupt flag stays set, the message is left unfinished as on any failure, and {@link
 * #encryptFile} leaves no file behind. A thread interrupted before the call fails the same way.
 */
public final class PgpEncryptor {
  /** The default zlib level: 1–3 are zlib's fast strategy; 2 keeps most of the gain of 6. */
  public static final int DEFAULT_COMPRESSION_LEVEL = 2;

  private final List<PgpCertificate> recipients;
  private final List<Secret> passwords;
  private final List<PgpKey> signers;
  private final PgpPolicy policy;
  private final SymmetricAlgorithm symmetricAlgorithm;
  private final boolean allowAead;
  private final Compression compression;
  private final int compressionLevel;
  private final boolean skipIncompressible;
  private final boolean armor;
  private final boolean text;
  private final String fileName;
  private final @Nullable Instant modificationTime;
  private final Clock clock;
  private volatile @Nullable Keys selected;

  private PgpEncryptor(Builder b) {
    this.recipients = List.copyOf(b.recipients);
    this.passwords = List.copyOf(b.passwords);
    this.signers = List.copyOf(b.signers);
    this.policy = b.policy;
    this.symmetricAlgorithm = b.symmetricAlgorithm;
    this.allowAead = b.allowAead;
    this.compression = b.compression;
    this.compressionLevel = b.compressionLevel;
    this.skipIncompressible = b.skipIncompressible;
    this.armor = b.armor;
    this.text = b.text;
    this.fileName = b.fileName;
    this.modificationTime = b.modificationTime;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a stream that encrypts what is written to it into {@code target}. Closing the returned
   * stream finishes the message (it must be closed, or the message is incomplete); {@code target}
   * is flushed but not closed: the caller closes it. Its {@link EncryptionStream#flush flush} only
   * flushes {@code target}: the message goes out in whole packets, and only {@code close} writes
   * its end.
   *
   * <p>If writing the plaintext fails, call {@link EncryptionStream#abort()}, not {@code close}:
   * closing would finish a shorter message that decrypts without error. A try-with-resources block
   * closes on failure too, so prefer {@link #encrypt(OutputStream, PlaintextWriter)}, which aborts
   * for you. An interrupt of the writing thread fails a write (or the close) with an {@code
   * InterruptedIOException} and leaves the message unfinished by itself.
   *
   * @throws PgpKeyCannotEncryptException if a recipient has no key we may encrypt to now
   */
  public EncryptionStream encrypt(OutputStream target) {
    Objects.requireNonNull(target, "target");
    return new EncryptionStream(
        new EncryptingOutputStream(settings(fileName, modificationTime), target));
  }

  /**
   * Encrypts what {@code writer} writes into {@code target}: the message is finished when the
   * writer returns, and left unfinished when it throws, so that {@code target} never holds a
   * shorter message that decrypts without error. Closing the stream the writer is given only
   * flushes it (a writer's own try-with-resources must not finish the message on its way out of a
   * failure). Closes neither stream.
   *
   * @throws PgpKeyCannotEncryptException if a recipient has no key we may encrypt to now
   * @throws TransientException if the writer or {@code target} failed with an IOException (its
   *     cause); the writer's other exceptions are thrown as they are
   */
  public void encrypt(OutputStream target, PlaintextWriter writer) {
    Objects.requireNonNull(writer, "writer");
    EncryptionStream out = encrypt(target);
    try {
      writer.writeTo(new CloseShield(out));
    } catch (IOException e) {
      abort(out.encrypting, e);
      throw failed("encryption failed: ", e);
    } catch (RuntimeException | Error e) {
      abort(out.encrypting, e);
      throw e;
    }
    try {
      out.close();
    } catch (IOException e) {
      throw failed("encryption failed: ", e);
    }
  }

  /**
   * Encrypts all of {@code plaintext} into {@code target}; closes neither. Reading and writing run
   * on two helper threads, overlapping with the cipher.
   *
   * <p>A call that fails (an interrupt, a failure to write) while the reading thread waits in
   * {@code plaintext.read} returns without it: that read cannot be cut short without closing {@code
   * plaintext}, which is the caller's. The thread ends when the read returns, and reads no more;
   * close {@code plaintext} to end it at once (its last bytes read are lost either way).
   *
   * @throws TransientException if reading or writing fails (the cause is the {@code IOException})
   */
  public void encrypt(InputStream plaintext, OutputStream target) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(target, "target");
    try {
      copy(plaintext, target, settings(fileName, modificationTime));
    } catch (IOException e) {
      throw failed("encryption failed: ", e);
    }
  }

  /**
   * Encrypts {@code plaintext} into {@code target}; a failure (of either) leaves the message
   * unfinished, so that {@code target} never holds a shorter message that decrypts without error.
   */
  private static void copy(InputStream plaintext, OutputStream target, EncryptionSettings settings)
      throws IOException {
    try (ReadAheadInputStream in = new ReadAheadInputStream(plaintext);
        WriteBehindOutputStream behind = new WriteBehindOutputStream(target)) {
      EncryptingOutputStream out = new EncryptingOutputStream(settings, behind);
      try {
        in.transferTo(out);
      } catch (IOException | RuntimeException | Error e) {
        abort(out, e);
        throw e;
      }
      out.close();
    }
  }

  /** Leaves a message unfinished after {@code failure}; a failure to do so is added to it. */
  private static void abort(EncryptingOutputStream out, Throwable failure) {
    try {
      out.abort();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Writes the plaintext of one message; see {@link #encrypt(OutputStream, PlaintextWriter)}. */
  @FunctionalInterface
  public interface PlaintextWriter {
    void writeTo(OutputStream plaintext) throws IOException;
  }

  /**
   * The plaintext side of one message; see {@link #encrypt(OutputStream)}. {@link #close} finishes
   * the message, {@link #abort} leaves it unfinished. Not thread-safe.
   */
  public static final class EncryptionStream extends FilterOutputStream {
    private final EncryptingOutputStream encrypting;

    EncryptionStream(EncryptingOutputStream out) {
      super(out);
      this.encrypting = out;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    /**
     * Flushes the target, so that the encrypted bytes written to it so far go out (over a socket,
     * say), but pushes no more of the message out: OpenPGP writes a message in packets whose
     * lengths, but for the last, are powers of two (and SEIPD v2 in whole 256 KiB chunks), so the
     * plaintext written since the last full piece waits in the stream's buffers, and goes out as
     * more plaintext fills them, or at {@link #close}. What the target holds after a flush is never
     * a message that decrypts, however much was written: only {@code close} finishes it. The first
     * 64 KiB, which decide whether the data is worth compressing, are held before anything is
     * written. Does nothing after {@code close} or {@link #abort}.
     */
    @Override
    public void flush() throws IOException {
      out.flush();
    }

    /**
     * Ends the message without finishing it, after a failure while writing its plaintext: nothing
     * more is written to the target, so what it holds lacks the end of the encrypted data and fails
     * decryption with an integrity error instead of decrypting as a shorter message. Frees the
     * message's helper thread. Writing afterwards fails; {@code close} does nothing.
     */
    public void abort() {
      try {
        encrypting.abort();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot release the message's helper thread", e);
      }
    }
  }

  /**
   * Encrypts the file {@code source} into {@code target}, replacing it. The message is written to a
   * temporary file next to {@code target} and renamed into place only when complete, so {@code
   * target} never holds a partial message. The literal file name and time default to the source's
   * name and last-modified time.
   *
   * <p>The new file is readable and writable by its owner alone (0600 where the file system has
   * POSIX permissions). An existing {@code target} is replaced, its mode and owner not kept; a
   * symbolic link is replaced by a regular file, and the file it pointed to is left untouched.
   *
   * @throws IllegalArgumentException if {@code source} is a folder, or {@code target} is a folder,
   *     has no file name ("/") or a name longer than the file system allows
   * @throws TransientException if reading {@code source} or writing {@code target} fails (the
   *     message names which and why)
   */
  public void encryptFile(Path source, Path target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    AtomicFiles.requireNotFolder(source, "source");
    try {
      String name =
          fileName.isEmpty() ? LiteralData.fitFileName(source.getFileName().toString()) : fileName;
      Instant time =
          modificationTime != null
              ? modificationTime
              : LiteralData.fitTime(Files.getLastModifiedTime(source).toInstant());
      EncryptionSettings settings = settings(name, time);
      AtomicFiles.write(
          target,
          out -> {
            try (InputStream in = SourceFiles.open(source)) {
              copy(in, out, settings);
            }
          });
    } catch (IOException e) {
      throw failed("cannot encrypt " + source + ": ", e);
    }
  }

  private EncryptionSettings settings(String name, @Nullable Instant time) {
    Keys keys = currentKeys();
    List<UnlockedKeys> signing = PgpKey.unlocked(signers);
    return new EncryptionSettings(
        keys.keys(),
        passwords,
        allowAead && keys.seipdV2(),
        signing,
        keys.engine(),
        symmetricAlgorithm,
        compression,
        compressionLevel,
        skipIncompressible,
        armor,
        text,
        name,
        time,
        clock);
  }

  /**
   * The recipients' encryption keys. Selecting them verifies every self-signature, so a selection
   * is reused for a minute; after that, keys are checked again (they may have expired). Threads
   * that find the selection stale at once each make one (on their own copies of the rings, see
   * {@code KeyRings.copy}); any of them is right, so the last written wins.
   */
  private Keys currentKeys() {
    Keys keys = selected;
    Instant now = clock.instant();
    if (keys != null && now.isBefore(keys.selectedAt().plusSeconds(60))) {
      return keys;
    }
    Engine engine = Engine.of(policy);
    List<PGPPublicKey> all = new ArrayList<>();
    boolean seipdV2 = true;
    for (PgpCertificate c : recipients) {
      RecipientSelector.Selection s = RecipientSelector.select(c.ring(), engine, now);
      all.addAll(s.keys());
      seipdV2 &= s.seipdV2();
    }
    keys = new Keys(List.copyOf(all), seipdV2, engine, now);
    selected = keys;
    return keys;
  }

  private record Keys(
      List<PGPPublicKey> keys, boolean seipdV2, Engine engine, Instant selectedAt) {}

  /** The failure of a call ({@link IoFailures#failed}). */
  private static TransientException failed(String what, IOException e) {
    return IoFailures.failed(what, "encryption was interrupted", e);
  }

  /** Builds a {@link PgpEncryptor}. Not thread-safe. */
  public static final class Builder {
    private final List<PgpCertificate> recipients = new ArrayList<>();
    private final List<Secret> passwords = new ArrayList<>();
    private final List<PgpKey> signers = new ArrayList<>();
    private PgpPolicy policy = PgpPolicy.defaults();
    private SymmetricAlgorithm symmetricAlgorithm = SymmetricAlgorithm.AES_256;
    private boolean allowAead;
    private Compression compression = Compression.ZLIB;
    private int compressionLevel = DEFAULT_COMPRESSION_LEVEL;
    private boolean skipIncompressible = true;
    private boolean armor;
    private boolean text;
    private String fileName = "";
    private @Nullable Instant modificationTime;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a recipient; the message is encrypted to all of its valid encryption keys. A certificate
     * with the fingerprint of one already added is left out: each key gets one session key packet.
     */
    public Builder recipient(PgpCertificate certificate) {
      Objects.requireNonNull(certificate, "certificate");
      if (recipients.stream().noneMatch(r -> r.fingerprint().equals(certificate.fingerprint()))) {
        recipients.add(certificate);
      }
      return this;
    }

    public Builder recipients(List<PgpCertificate> certificates) {
      Objects.requireNonNull(certificates, "certificates").forEach(this::recipient);
      return this;
    }

    /**
     * Also encrypts the message with a password, which a recipient types to decrypt it ({@code gpg
     * --decrypt} asks for it). Repeatable; a message may be for recipients and passwords together,
     * one session key encrypted for each. SEIPD v1 messages hash the password with the iterated and
     * salted S2K (SHA-256, 16 MiB hashed, a random salt); SEIPD v2 ones with Argon2 (64 MiB), as
     * RFC 9580 requires. A password is only as strong as it is long: prefer a random one.
     */
    public Builder password(Secret password) {
      Objects.requireNonNull(password, "password");
      if (password.isEmpty()) {
        throw new IllegalArgumentException("the password is empty");
      }
      passwords.add(password);
      return this;
    }

    public Builder passwords(List<Secret> passwords) {
      Objects.requireNonNull(passwords, "passwords").forEach(this::password);
      return this;
    }

    /**
     * Also signs the message with this key (one-pass signature inside the encryption). A key that
     * cannot sign when a message starts fails it with {@link PgpKeyCannotSignException} before
     * anything is written.
     */
    public Builder signWith(PgpKey key) {
      signers.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** The algorithm policy recipients' keys must satisfy. Default {@link PgpPolicy#defaults()}. */
    public Builder policy(PgpPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The cipher. Default AES-256; the policy must accept it. */
    public Builder symmetricAlgorithm(SymmetricAlgorithm algorithm) {
      this.symmetricAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Whether SEIPD v2 (AEAD, OCB) may be used when every recipient's key announces support for it.
     * Default false: GnuPG cannot read SEIPD v2, and many partners run GnuPG.
     */
    public Builder allowAead(boolean allow) {
      this.allowAead = allow;
      return this;
    }

    /** The compression. Default {@link Compression#ZLIB}. */
    public Builder compression(Compression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /**
     * The compression level, 1 (fastest) to 9 (smallest). Default {@value
     * PgpEncryptor#DEFAULT_COMPRESSION_LEVEL}: zlib's fast strategy, several times faster than
     * GnuPG's 6 for a slightly larger file. ZIP and ZLIB only: BZIP2 always uses 900k blocks, its
     * best compression (as {@code bzip2 -9}).
     */
    public Builder compressionLevel(int level) {
      if (level < 1 || level > 9) {
        throw new IllegalArgumentException("compressionLevel must be 1 to 9: " + level);
      }
      this.compressionLevel = level;
      return this;
    }

    /**
     * Whether to store data uncompressed when its first 64 KiB show it is already compressed (a
     * gzip, zip, JPEG… signature, or no gain from a quick deflate). Default true.
     */
    public Builder skipCompressionOfCompressedData(boolean skip) {
      this.skipIncompressible = skip;
      return this;
    }

    /** ASCII armor ({@code -----BEGIN PGP MESSAGE-----}) instead of binary. Default false. */
    public Builder armor(boolean armor) {
      this.armor = armor;
      return this;
    }

    /**
     * Whether the data is UTF-8 text rather than binary. Default false. Text is stored as literal
     * data of format {@code 'u'} with its line endings made CRLF, the canonical form ({@code gpg
     * --textmode} does the same), and {@link #signWith signatures} are text signatures (type 0x01)
     * over it, which verify whatever line endings a reader's copy has. GnuPG, OpenPGP.js's text
     * output and {@link PgpDecryptor} (by default, {@link PgpDecryptor.Builder#textLineEndings})
     * write such text out with the reader's own line endings, so LF text comes back as it was on
     * Linux; {@code sqop decrypt} writes the CRLF text as it is stored. The data is not checked to
     * be UTF-8.
     */
    public Builder text(boolean text) {
      this.text = text;
      return this;
    }

    /**
     * The file name stored in the message. Default empty (the source's name for files, cut to 255
     * bytes if longer).
     *
     * @throws IllegalArgumentException if it is longer than 255 bytes in UTF-8, the most a message
     *     can hold
     */
    public Builder fileName(String fileName) {
      Objects.requireNonNull(fileName, "fileName");
      String problem = LiteralData.fileNameProblem(fileName);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      this.fileName = fileName;
      return this;
    }

    /**
     * The time stored in the message, in whole seconds. Default: now (the source's last-modified
     * for files).
     *
     * @throws IllegalArgumentException if it is before 1970 or after 2106-02-07, which a message
     *     cannot hold
     */
    public Builder modificationTime(Instant time) {
      Objects.requireNonNull(time, "time");
      String problem = LiteralData.timeProblem(time);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      this.modificationTime = time;
      return this;
    }

    /**
     * The time source the encryptor goes by: which of the recipients' keys are valid (checked again
     * once a minute has passed on it), whether a signing key may sign, the creation time of the
     * signatures and the time stored in a message unless {@link #modificationTime} is set (a file's
     * is its last-modified time). Default: the system UTC clock. Tests pass a clock of their own
     * ({@code ManualClock} of sdk-testing) to see a key expire while an encryptor is in use; a host
     * may pass the clock it gives its jobs ({@code JobRunner.Builder.clock}).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the encryptor, checking every recipient's keys now.
     *
     * @throws IllegalStateException if there is neither a recipient nor a password, or the policy
     *     refuses the cipher
     * @throws PgpKeyCannotEncryptException if a recipient has no key we may encrypt to
     */
    public PgpEncryptor build() {
      if (recipients.isEmpty() && passwords.isEmpty()) {
        throw new IllegalStateException("add at least one recipient or password");
      }
      if (!policy.accepts(symmetricAlgorithm)) {
        throw new IllegalStateException(
            "the policy does not accept " + symmetricAlgorithm.displayName());
      }
      PgpEncryptor encryptor = new PgpEncryptor(this);
      encryptor.currentKeys(); // fails fast, naming every key and why it cannot be used
      return encryptor;
    }
  }
}
