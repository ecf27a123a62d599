/**
 * Credentials: the {@link dev.tributary.core.auth.Authorization} kinds integrations use, and the
 * {@link dev.tributary.core.auth.Secret} that keeps their sensitive parts out of logs.
 */
@NullMarked
package dev.tributary.core.auth;

import org.jspecify.annotations.NullMarked;
