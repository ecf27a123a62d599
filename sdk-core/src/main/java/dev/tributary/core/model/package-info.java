/**
 * The data integrations move: {@link dev.tributary.core.model.Profile}s with their identities and
 * fields, {@link dev.tributary.core.model.AudienceChange}s, raw {@link
 * dev.tributary.core.model.Event}s, {@link dev.tributary.core.model.Content} and {@link
 * dev.tributary.core.model.Metric}s. All are immutable and thread-safe.
 */
@NullMarked
package dev.tributary.core.model;

import org.jspecify.annotations.NullMarked;
