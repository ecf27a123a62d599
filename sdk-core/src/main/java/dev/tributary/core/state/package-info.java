/**
 * Where jobs keep what must survive a restart: {@link dev.tributary.core.state.StateStore}, with an
 * in-memory implementation for tests and embedded use and a directory-on-disk implementation that
 * replaces files atomically and detects corrupt ones.
 */
@NullMarked
package dev.tributary.core.state;

import org.jspecify.annotations.NullMarked;
