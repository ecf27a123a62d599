package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpSessionKey;
import dev.tributary.pgp.SignaturePolicy;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Everything decryption needs, resolved by the public {@code PgpDecryptor}; passwords and session
 * keys too. {@code revealSessionKey}: whether the result carries the message's session key. {@code
 * clock}: what the signatures' expiry and creation times are judged against.
 */
public record DecryptionSettings(
    List<UnlockedKeys> keys,
    List<Secret> passwords,
    List<PgpSessionKey> sessionKeys,
    boolean revealSessionKey,
    List<PGPPublicKeyRing> verificationCertificates,
    SignaturePolicy signaturePolicy,
    Engine engine,
    Clock clock) {}
