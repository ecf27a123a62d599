package dev.tributary.pgp.internal;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.jspecify.annotations.Nullable;

/** Everything {@link EncryptingOutputStream} needs, resolved by the public builder. */
public record EncryptionSettings(
    List<PGPPublicKeyRing> recipients,
    List<UnlockedKeys> signers,
    Engine engine,
    SymmetricAlgorithm symmetricAlgorithm,
    boolean allowAead,
    Compression compression,
    int compressionLevel,
    boolean skipIncompressible,
    boolean armor,
    String fileName,
    @Nullable Instant modificationTime) {}
