package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpWrongKeyException;
import dev.tributary.pgp.PgpWrongPassphraseException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the session key of a message: tries every public-key encrypted session key packet
 * (including hidden, wildcard recipients) against every decryption key held, unlocking keys as
 * needed, then every password-encrypted one (SKESK) with every password held. When nothing works,
 * says which keys the message was for and which keys were tried, and whether passwords were.
 */
final class SessionKeys {

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
      for (UnlockedKeys key : keys) {
        for (PGPSecretKey secret : key.decryptionKeys()) {
          if (!id.isWildcard() && !id.matches(secret.getPublicKey().getKeyIdentifier())) {
            continue;
          }
          Found found = tryKey(pk, key, secret, locked);
          if (found != null) {
            return found;
          }
        }
      }
    }
    PgpDataException refused = null;
    for (PGPPBEEncryptedData pbe : passwordPackets) {
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
    List<String> held = new ArrayList<>();
    for (UnlockedKeys key : keys) {
      held.add(key.fingerprint());
    }
    throw new PgpWrongKeyException(
        recipients,
        held,
        passwordPackets.size(),
        settings.passwords().size(),
        settings.sessionKeys().size());
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
