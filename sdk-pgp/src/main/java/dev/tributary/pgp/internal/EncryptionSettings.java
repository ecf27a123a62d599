package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.Compression;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link EncryptingOutputStream} needs, resolved by the public builder: the recipients'
 * selected encryption keys, the passwords, and whether SEIPD v2 may be used (allowed, and every
 * recipient announces support). {@code text}: literal data of format {@code 'u'}, stored with CRLF
 * line endings, and text signatures. {@code clock}: the time of the signatures and of the literal
 * data when {@code modificationTime} is null, and what a signing key must be valid at.
 */
public record EncryptionSettings(
    List<PGPPublicKey> encryptionKeys,
    List<Secret> passwords,
    boolean useAead,
    List<UnlockedKeys> signers,
    Engine engine,
    SymmetricAlgorithm symmetricAlgorithm,
    Compression compression,
    int compressionLevel,
    boolean skipIncompressible,
    boolean armor,
    boolean text,
    String fileName,
    @Nullable Instant modificationTime,
    Clock clock) {}
