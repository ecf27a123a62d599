package dev.tributary.pgp.internal;

import dev.tributary.pgp.SignaturePolicy;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/** Everything decryption needs, resolved by the public {@code PgpDecryptor}. */
public record DecryptionSettings(
    List<UnlockedKeys> keys,
    List<PGPPublicKeyRing> verificationCertificates,
    SignaturePolicy signaturePolicy,
    Engine engine) {}
