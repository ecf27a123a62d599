/**
 * Identity resolution: imported records become profiles. {@link
 * dev.tributary.core.identity.IdentityResolver} matches a record to profiles by an ordered list of
 * {@link dev.tributary.core.identity.IdentityKey}s (each with its normalisation), updates the one
 * it matches, merges the ones it joins, and settles field conflicts by a {@link
 * dev.tributary.core.identity.ConflictRule}. Profiles live in a {@link
 * dev.tributary.core.identity.ProfileStore}: the host's, or the in-memory reference store.
 */
@NullMarked
package dev.tributary.core.identity;

import org.jspecify.annotations.NullMarked;
