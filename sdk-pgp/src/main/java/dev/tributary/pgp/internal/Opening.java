package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpSessionKey;
import dev.tributary.pgp.SymmetricAlgorithm;
import org.jspecify.annotations.Nullable;

/**
 * How a message was opened, for its {@code DecryptionResult}.
 *
 * @param keyFingerprint the (sub)key that opened it; empty for a password or a given session key
 * @param bySessionKey whether a session key the caller gave opened it
 * @param sessionKey the session key, when the caller asked for it
 */
record Opening(
    SymmetricAlgorithm algorithm,
    boolean aead,
    String keyFingerprint,
    boolean bySessionKey,
    @Nullable PgpSessionKey sessionKey) {}
