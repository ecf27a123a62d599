package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.SignaturePolicy;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/** Everything decryption needs, resolved by the public {@code PgpDecryptor}; passwords too. */
public record DecryptionSettings(
    List<UnlockedKeys> keys,
    List<Secret> passwords,
    List<PGPPublicKeyRing> verificationCertificates,
    SignaturePolicy signaturePolicy,
    Engine engine) {}
