package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.PgpNoDecryptionKeyException;
import dev.tributary.pgp.PgpSecretKeyMissingException;
import dev.tributary.pgp.PgpWrongKeyException;
import dev.tributary.pgp.PgpWrongPassphraseException;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the session key of a message: tries every public-key encrypted session key packet
 * (including hidden, wildcard recipients) against every decryption key held, unlocking keys as
 * needed, then every password-encrypted one (SKESK) with every password held. When nothing works,
 * says which keys the message was for and which keys were tried, and whether passwords were.
 *
 * <p>Each try costs real work, which a crafted message could multiply without end: a password
 * packet costs one password hashing per password held (up to 62 MiB of SHA-256, or an Argon2
 * bounded by {@link MessagePasswords}), a public-key packet a private-key operation, and a hidden
 * recipient one per key held. So a message may hold at most {@link #MAX_PACKETS} session key
 * packets (counted by {@link TopLevelPackets} as they are read), and at most {@link
 * #MAX_PASSWORD_PACKETS} password packets are tried and {@link #MAX_KEY_TRIES} private-key
 * decryptions made; beyond that it is refused as {@link Reason#UNSUPPORTED} before the next try. No
 * real message comes near: one password packet per password the sender chose, one public-key packet
 * per recipient, each tried with the one key it names. The passwords held are the caller's choice,
 * and so is their cost: a message is not refused for the number of passwords held.
 */
final class SessionKeys {
  /**
   * The most session key packets a message may hold: far above the few dozen recipients of the
   * largest real messages (to a group or mailing list); it bounds the memory the packets take and
   * the key ID list of {@code PgpWrongKeyException}. The costly tries are bounded on their own.
   */
  static final int MAX_PACKETS = 256;

  /**
   * The most password packets of one message that are tried, each with every password held: its
   * password hashing is slow by design, up to some 0.2 s at the largest iteration count, and
   * seconds for the largest Argon2 accepted.
   */
  static final int MAX_PASSWORD_PACKETS = 16;

  /**
   * The most private-key decryptions one message may ask for: a packet naming a key held costs one;
   * a hidden recipient one per decryption key held (an RSA key's primary key counts, as RSA can
   * encrypt), so 128 covers 30 hidden recipients with two RSA keys held. An RSA-3072 decryption
   * costs some 10 ms, RSA-4096 twice that.
   */
  static final int MAX_KEY_TRIES = 128;

  private static final String EXHAUST = "refused as a likely attempt to exhaust the CPU";

  /** The session key and what opened it. */
  record Found(PGPEncryptedData packet, PGPSessionKey sessionKey, String keyFingerprint) {}

  /**
   * Whether a session key a password gave fits the encrypted data (see {@link MessagePasswords}).
   */
  interface PasswordCheck {
    boolean fits(PGPSessionKey key);
  }

  private SessionKeys() {}

  static Found find(
      PGPEncryptedDataList list, DecryptionSettings settings, PasswordCheck passwordCheck) {
    List<UnlockedKeys> keys = settings.keys();
    List<String> recipients = new ArrayList<>();
    List<PGPPBEEncryptedData> passwordPackets = new ArrayList<>();
    List<PgpWrongPassphraseException> locked = new ArrayList<>();
    String damaged = null; // why a packet naming a key held does not open with that key
    Stub stub = null; // a packet naming a (sub)key held only as a stub
    int keyTries = 0;
    for (PGPEncryptedData data : list) {
      if (data instanceof PGPPBEEncryptedData pbe) {
        passwordPackets.add(pbe);
      }
      if (!(data instanceof PGPPublicKeyEncryptedData pk)) {
        continue;
      }
      KeyIdentifier id = pk.getKeyIdentifier();
      recipients.add(
          id.isWildcard() ? "0000000000000000 (hidden)" : KeyDescriber.keyId(id.getKeyId()));
      stub = stub != null ? stub : stub(id, keys);
      for (UnlockedKeys key : keys) {
        for (PGPSecretKey secret : key.decryptionKeys()) {
          if (!id.isWildcard() && !id.matches(secret.getPublicKey().getKeyIdentifier())) {
            continue;
          }
          if (++keyTries > MAX_KEY_TRIES) {
            throw tooManyKeyTries(list, keys);
          }
          int lockedBefore = locked.size();
          Found found = tryKey(pk, key, secret, locked);
          String misfit = found == null ? null : misfit(found.sessionKey());
          if (found != null && misfit == null) {
            return found;
          }
          if (!id.isWildcard() && locked.size() == lockedBefore && damaged == null) {
            damaged =
                "the session key packet for key "
                    + KeyDescriber.keyId(id.getKeyId())
                    + (misfit == null ? " does not decrypt with that key" : " holds " + misfit);
          }
        }
      }
    }
    PgpDataException refused = null;
    int passwordPacketsTried = 0;
    for (PGPPBEEncryptedData pbe : passwordPackets) {
      if (settings.passwords().isEmpty()) {
        break;
      }
      if (++passwordPacketsTried > MAX_PASSWORD_PACKETS) {
        throw tooManyPasswordPackets(passwordPackets.size());
      }
      PgpDataException badCipher = MessagePasswords.refusedCipher(pbe);
      if (badCipher != null) {
        refused = refused == null ? badCipher : refused; // another SKESK may still open it
        continue;
      }
      for (Secret password : settings.passwords()) {
        PGPSessionKey key;
        try {
          key = MessagePasswords.sessionKey(pbe, password, settings.engine().policy());
        } catch (PgpDataException e) {
          refused = refused == null ? e : refused; // its S2K: another SKESK may still open it
          break;
        }
        if (key != null && passwordCheck.fits(key)) {
          return new Found(pbe, key, "");
        }
      }
    }
    if (refused != null) {
      throw refused;
    }
    if (!locked.isEmpty() && (passwordPackets.isEmpty() || settings.passwords().isEmpty())) {
      throw locked.get(0);
    }
    if (stub != null && passwordPackets.isEmpty() && settings.sessionKeys().isEmpty()) {
      throw new PgpSecretKeyMissingException(
          recipients, held(keys), stub.key(), stub.subkey(), stub.onSmartcard());
    }
    if (damaged != null) {
      // The packet names a key held, and that key cannot open it: the packet was changed (a key
      // ID shared by two keys is a 1 in 2^64 chance). Tampering, so the one integrity error.
      throw new PgpIntegrityException(new IntegrityFailure(damaged));
    }
    if (passwordPackets.isEmpty()
        && settings.sessionKeys().isEmpty()
        && !keys.isEmpty()
        && keys.stream().allMatch(k -> k.decryptionKeys().isEmpty())) {
      throw new PgpNoDecryptionKeyException(recipients, held(keys));
    }
    throw new PgpWrongKeyException(
        recipients,
        held(keys),
        passwordPackets.size(),
        settings.passwords().size(),
        settings.sessionKeys().size());
  }

  /**
   * What {@code key} is when it cannot be a session key of the cipher it names ("a session key of
   * 32 octets for AES-128, whose keys are 16"), or null if it can (or names no cipher this library
   * knows, which is refused later in its own words). RFC 9580 gives each cipher one key length, and
   * BouncyCastle takes the key as long as the packet holds it: a 32-octet key named AES-128 would
   * decrypt AES-256 data reported as AES-128, and a 16-octet key named AES-256 AES-128 data
   * reported as AES-256 (GnuPG and Sequoia refuse both). A wrong password gives such a key most of
   * the time; a public-key packet only when it was made so.
   */
  static @Nullable String misfit(PGPSessionKey key) {
    SymmetricAlgorithm algorithm;
    try {
      algorithm = SymmetricAlgorithm.ofId(key.getAlgorithm());
    } catch (IllegalArgumentException e) {
      return null;
    }
    int length = key.getKey().length;
    return length == algorithm.keyLength()
        ? null
        : "a session key of "
            + length
            + " octets for "
            + algorithm.displayName()
            + ", whose keys are "
            + algorithm.keyLength();
  }

  private static List<String> held(List<UnlockedKeys> keys) {
    List<String> held = new ArrayList<>();
    for (UnlockedKeys key : keys) {
      held.add(key.fingerprint());
    }
    return held;
  }

  /** A (sub)key a message names that a private key held has only as a stub. */
  private record Stub(String key, String subkey, boolean onSmartcard) {}

  /** The first key held whose (sub)key {@code id} is a stub, or null. */
  private static @Nullable Stub stub(KeyIdentifier id, List<UnlockedKeys> keys) {
    if (id.isWildcard()) {
      return null;
    }
    for (UnlockedKeys key : keys) {
      PGPSecretKey secret = key.ring().getSecretKey(id);
      if (secret != null && UnlockedKeys.isStub(secret)) {
        return new Stub(
            key.fingerprint(),
            KeyDescriber.fingerprint(secret.getPublicKey()),
            UnlockedKeys.onSmartcard(secret));
      }
    }
    return null;
  }

  private static PgpDataException tooManyKeyTries(
      PGPEncryptedDataList list, List<UnlockedKeys> keys) {
    int held = 0;
    for (UnlockedKeys key : keys) {
      held += key.decryptionKeys().size();
    }
    int packets = 0;
    int hidden = 0;
    for (PGPEncryptedData data : list) {
      if (data instanceof PGPPublicKeyEncryptedData pk) {
        packets++;
        hidden += pk.getKeyIdentifier().isWildcard() ? 1 : 0;
      }
    }
    return new PgpDataException(
        Reason.UNSUPPORTED,
        "the message needs more than "
            + MAX_KEY_TRIES
            + " private-key decryptions (its "
            + packets
            + " public-key session key packets, "
            + hidden
            + " of them for hidden recipients, which are tried with each of the "
            + held
            + (held == 1 ? " decryption key" : " decryption keys")
            + " held): "
            + EXHAUST);
  }

  private static PgpDataException tooManyPasswordPackets(int packets) {
    return new PgpDataException(
        Reason.UNSUPPORTED,
        "the message has "
            + packets
            + " password-encrypted session keys, and trying a password on more than "
            + MAX_PASSWORD_PACKETS
            + " of them (each a password hashing, slow by design) is "
            + EXHAUST);
  }

  @SuppressWarnings("deprecation") // see MessageDecryption.open: same reason
  private static Found tryKey(
      PGPPublicKeyEncryptedData pk,
      UnlockedKeys key,
      PGPSecretKey secret,
      List<PgpWrongPassphraseException> locked) {
    PGPPrivateKey privateKey;
    try {
      privateKey = key.privateKey(secret);
    } catch (PgpWrongPassphraseException e) {
      locked.add(e);
      return null;
    }
    try {
      PGPSessionKey sessionKey = pk.getSessionKey(new BcPublicKeyDataDecryptorFactory(privateKey));
      if (sessionKey != null) {
        return new Found(pk, sessionKey, KeyDescriber.fingerprint(secret.getPublicKey()));
      }
    } catch (PGPException | RuntimeException e) {
      // Looked up here, not in a static field: setting slf4j up costs a command-line run some 50
      // ms,
      // and this is the only message, for a key that does not fit.
      Logger log = LoggerFactory.getLogger(SessionKeys.class);
      log.debug(
          "key {} does not open this session key packet: {}",
          KeyDescriber.keyId(secret.getKeyID()),
          e.toString());
    }
    return null;
  }
}
