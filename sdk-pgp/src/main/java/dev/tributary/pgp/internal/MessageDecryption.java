package dev.tributary.pgp.internal;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpCipherRefusedException;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.PgpSessionKey;
import dev.tributary.pgp.SignaturePolicy;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcSessionKeyDataDecryptorFactory;
import org.jspecify.annotations.Nullable;

/**
 * Opens an OpenPGP message: de-armors it if needed, skips marker packets wherever they stand and
 * padding packets before and after the message (see {@link TopLevelPackets}), refuses data without
 * integrity protection, finds the session key (a given one first, {@link GivenSessionKeys}; then
 * {@link SessionKeys}), checks its cipher against the policy, and returns a {@link
 * DecryptingInputStream} over the literal data. SEIPD v1 goes through {@link SeipdV1InputStream}
 * (AES on the JDK, other ciphers on BouncyCastle's engines: {@link BlockEncryptor}); SEIPD v2 and
 * GnuPG's OCB packets through BouncyCastle, whose AEAD chunks are authenticated before they are
 * released.
 */
public final class MessageDecryption {
  private MessageDecryption() {}

  /** Opens {@code source}'s message. */
  // BouncyCastle deprecates getDataStream(SessionKeyDataDecryptorFactory) in favour of its
  // OpenPGPImplementation factories, whose default policy costs tens of ms to build per call.
  @SuppressWarnings("deprecation")
  public static DecryptingInputStream open(InputStream source, DecryptionSettings settings)
      throws IOException {
    InputStream binary = ArmorDetection.message(SourceFailure.guard(source));
    TopLevelPackets topLevel = new TopLevelPackets(binary);
    PGPEncryptedDataList list =
        encryptedDataList(
            new BcPGPObjectFactory(topLevel), topLevel, !settings.sessionKeys().isEmpty());
    // Without session key packets (a message stripped of them) only a given session key opens it.
    PGPEncryptedData first = list.isEmpty() ? list.extractSessionKeyEncryptedData() : list.get(0);
    if (!first.isIntegrityProtected() && !first.isAEAD()) {
      throw new PgpDataException(
          Reason.NO_INTEGRITY_PROTECTION,
          "the message has no integrity protection (a Symmetrically Encrypted Data packet without"
              + " MDC): it could have been modified undetectably, so it is refused; ask the"
              + " sender to use a current OpenPGP tool");
    }
    boolean aead = first.isAEAD();
    // AEAD-protected data checks a password's session key itself; SEIPD v1 by its quick check.
    InputStream ciphertext = topLevel.seipdV1Body();
    Prefix prefix =
        aead ? null : new Prefix(ciphertext != null ? ciphertext : first.getInputStream());
    Unlocked unlocked = unlock(list, first, settings, prefix);
    SessionKeys.Found found = unlocked.found();
    if (topLevel.seipdVersion() == 2
        && found.packet() instanceof PGPPublicKeyEncryptedData pk
        && pk.getVersion() == 3) {
      // RFC 9580, 5.1: a v3 session key packet precedes SEIPD v1 (or GnuPG's OCB packet), never
      // v2; BouncyCastle does not check it as it does for a v4 SKESK. A v1 packet whose version
      // octet was changed to 2 reads its ciphertext as a v2 header: the integrity error, not the
      // "unsupported cipher" its random cipher octet would give.
      throw new PgpIntegrityException(
          new IntegrityFailure("a version 3 session key packet precedes SEIPD version 2"));
    }
    InputStream plain = unlocked.plain();
    SymmetricAlgorithm algorithm = algorithm(found.sessionKey().getAlgorithm(), aead, settings);
    if (plain == null && prefix == null) {
      try {
        plain = new AeadGuardStream(dataStream(list, found));
      } catch (PGPException e) {
        throw new PgpIntegrityException(e);
      } catch (IOException | RuntimeException e) {
        // BouncyCastle reads GnuPG's first chunk as it opens the stream, and says what fails in
        // an IllegalStateException
        if (SourceFailure.isCause(e)) {
          throw e;
        }
        throw new PgpIntegrityException(e);
      }
    } else if (plain == null) {
      byte[] key = found.sessionKey().getKey(); // a copy, which the cipher copies in turn
      try {
        plain = new SeipdV1InputStream(prefix.stream(), BlockEncryptor.of(algorithm, key));
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    }
    Opening opening =
        new Opening(
            algorithm,
            aead,
            found.keyFingerprint(),
            unlocked.bySessionKey(),
            settings.revealSessionKey() ? revealed(algorithm, found) : null);
    SignatureChecks checks =
        settings.signaturePolicy() == SignaturePolicy.IGNORED
            ? null
            : new SignatureChecks(
                settings.engine(), settings.verificationCertificates(), settings.clock());
    try {
      return DecryptingInputStream.start(plain, topLevel::requireEnd, settings, checks, opening);
    } catch (IOException | RuntimeException | Error e) {
      try {
        plain.close(); // stops the MDC's helper thread
      } catch (IOException | RuntimeException c) {
        e.addSuppressed(c);
      }
      throw e;
    }
  }

  /**
   * The session key, found by trying the given session keys first, then the keys and passwords;
   * with {@code plain} when the given session key's test opened the data already.
   */
  private record Unlocked(
      SessionKeys.Found found, @Nullable InputStream plain, boolean bySessionKey) {}

  private static Unlocked unlock(
      PGPEncryptedDataList list,
      PGPEncryptedData first,
      DecryptionSettings settings,
      @Nullable Prefix prefix)
      throws IOException {
    try {
      if (!settings.sessionKeys().isEmpty() && prefix == null) {
        return unlockAead(list, first, settings);
      }
      if (!settings.sessionKeys().isEmpty()) {
        PGPSessionKey key =
            GivenSessionKeys.firstFitting(settings.sessionKeys(), prefix::quickCheck);
        if (key != null) {
          return new Unlocked(new SessionKeys.Found(first, key, ""), null, true);
        }
      }
      SessionKeys.Found found =
          SessionKeys.find(list, settings, prefix == null ? key -> true : prefix::quickCheck);
      return new Unlocked(found, null, false);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // reading the ciphertext's first bytes failed
    }
  }

  /**
   * AEAD-protected data with given session keys: they first; if none opens it, the keys and
   * passwords, reading the ciphertext again from its start.
   */
  private static Unlocked unlockAead(
      PGPEncryptedDataList list, PGPEncryptedData first, DecryptionSettings settings)
      throws IOException {
    InputStreamPacket data = list.getEncryptedData();
    boolean fallback = !settings.keys().isEmpty() || !settings.passwords().isEmpty();
    GivenSessionKeys.Attempt attempt =
        GivenSessionKeys.openAead(data, settings.sessionKeys(), fallback);
    GivenSessionKeys.Opened opened = attempt.opened();
    if (opened != null) {
      SessionKeys.Found found = new SessionKeys.Found(first, opened.sessionKey(), "");
      return new Unlocked(found, new AeadGuardStream(opened.plaintext()), true);
    }
    SessionKeys.Found found = SessionKeys.find(list, settings, key -> true);
    try {
      InputStream plain = GivenSessionKeys.stream(data, found.sessionKey(), attempt.ciphertext());
      return new Unlocked(found, new AeadGuardStream(plain), false);
    } catch (IOException | RuntimeException e) {
      if (SourceFailure.isCause(e)) {
        throw e;
      }
      throw new PgpIntegrityException(e);
    }
  }

  @SuppressWarnings("deprecation") // see open
  private static InputStream dataStream(PGPEncryptedDataList list, SessionKeys.Found found)
      throws PGPException, IOException {
    InputStreamPacket data = list.getEncryptedData();
    if (data instanceof AEADEncDataPacket) {
      // GnuPG's packet, read past its empty last chunk: see GnupgEmptyChunk
      return GivenSessionKeys.stream(data, found.sessionKey(), data.getInputStream());
    }
    BcSessionKeyDataDecryptorFactory factory =
        new BcSessionKeyDataDecryptorFactory(found.sessionKey());
    return found.packet() instanceof PGPPBEEncryptedData pbe
        ? pbe.getDataStream(factory)
        : ((PGPPublicKeyEncryptedData) found.packet()).getDataStream(factory);
  }

  /**
   * The start of SEIPD v1's ciphertext, read only when a password's session key is to be checked
   * against it; {@link #stream} gives the whole ciphertext either way.
   */
  private static final class Prefix {
    private final InputStream ciphertext;
    private byte @Nullable [] first;

    Prefix(InputStream ciphertext) {
      this.ciphertext = ciphertext;
    }

    boolean quickCheck(PGPSessionKey key) {
      byte[] bytes = first;
      if (bytes == null) {
        try {
          bytes = ciphertext.readNBytes(MAX_BLOCK + 2);
        } catch (IOException e) {
          if (SourceFailure.isCause(e)) {
            throw new UncheckedIOException(e);
          }
          throw new PgpIntegrityException(e); // the data ends early or is damaged
        }
        first = bytes;
      }
      return MessagePasswords.quickCheck(bytes, bytes.length, key);
    }

    InputStream stream() {
      byte[] bytes = first;
      return bytes == null
          ? ciphertext
          : new SequenceInputStream(new ByteArrayInputStream(bytes), ciphertext);
    }
  }

  private static final int MAX_BLOCK = 16;

  /**
   * The session key packets and the encrypted data; {@code bareDataAllowed}: also encrypted data
   * without session key packets.
   */
  private static PGPEncryptedDataList encryptedDataList(
      PGPObjectFactory factory, TopLevelPackets topLevel, boolean bareDataAllowed) {
    try {
      while (true) {
        Object o = factory.nextObject();
        if (o instanceof PGPEncryptedDataList list && (bareDataAllowed || !list.isEmpty())) {
          return list;
        }
        if (o == null) {
          throw new PgpDataException(
              Reason.MALFORMED, "the OpenPGP data holds no encrypted message");
        }
        if (!(o instanceof PGPPadding)) {
          throw new PgpDataException(
              Reason.NOT_OPENPGP,
              "the OpenPGP data is not an encrypted message (it starts with "
                  + ParseFailures.describe(o)
                  + ")");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof TributaryException t) {
        throw t;
      }
      if (SourceFailure.isCause(e)) {
        throw new TransientException("reading the message failed: " + e.getMessage(), e);
      }
      if (topLevel.inEncryptedData()) {
        // The encrypted data's own header (its version; for v2 the cipher, AEAD mode and chunk
        // size) cannot be read, or does not fit the session key packets: changed or cut off.
        throw new PgpIntegrityException(e);
      }
      throw ParseFailures.malformed("the OpenPGP data", e);
    }
  }

  /** The session key that opened the message, for the caller; our copy of it zeroed. */
  private static PgpSessionKey revealed(SymmetricAlgorithm algorithm, SessionKeys.Found found) {
    byte[] key = found.sessionKey().getKey();
    try {
      return PgpSessionKey.of(algorithm, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static SymmetricAlgorithm algorithm(int id, boolean aead, DecryptionSettings settings) {
    if (id == 0 && aead) {
      // AEAD has no null cipher: the cipher octet of an authenticated header was changed.
      throw new PgpIntegrityException(
          new IntegrityFailure("the AEAD-protected data names the null cipher"));
    }
    if (id == 0) {
      throw new PgpDataException(
          Reason.NO_INTEGRITY_PROTECTION, "the message uses the null cipher (plaintext): refused");
    }
    SymmetricAlgorithm algorithm;
    try {
      algorithm = SymmetricAlgorithm.ofId(id);
    } catch (IllegalArgumentException e) {
      throw CipherNames.unsupported("the message is encrypted with", id);
    }
    if (!settings.engine().policy().accepts(algorithm)) {
      String name = CipherNames.describe(id);
      throw new PgpCipherRefusedException(
          Reason.WEAK_ALGORITHM,
          id,
          name,
          "the message is encrypted with "
              + name
              + (algorithm.isLegacy() ? ", a legacy cipher with 64-bit blocks," : ",")
              + " which the policy refuses as weak; ask the sender to use AES, or accept it with"
              + " PgpPolicy.legacySenders()");
    }
    return algorithm;
  }

  /**
   * Turns any failure of BouncyCastle's AEAD stream into an integrity failure, and throws it again
   * on every later read: what BouncyCastle's stream does when read on after a failed tag is not
   * ours to rely on, and a caller may read on after a failure on another thread (see {@link
   * SeipdV1InputStream}).
   */
  private static final class AeadGuardStream extends java.io.FilterInputStream {
    private @Nullable IntegrityFailure failed;

    AeadGuardStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      requireNoFailure();
      try {
        return in.read();
      } catch (SourceFailure e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw fail(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      requireNoFailure();
      try {
        return in.read(b, off, len);
      } catch (SourceFailure e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw fail(e);
      }
    }

    private void requireNoFailure() throws IntegrityFailure {
      if (failed != null) {
        throw new IntegrityFailure(failed.getMessage(), failed);
      }
    }

    private IntegrityFailure fail(Exception e) {
      failed = new IntegrityFailure("AEAD authentication failed", e);
      return failed;
    }
  }
}
