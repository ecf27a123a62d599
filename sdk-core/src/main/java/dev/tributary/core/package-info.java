/**
 * The core of Tributary: the error model shared by every module.
 *
 * <p>Every failure the SDK reports is a {@link dev.tributary.core.TributaryException} whose {@link
 * dev.tributary.core.ErrorClass} tells the runtime (and the host) what to do next: stop and ask the
 * user to fix a setting ({@code CONFIG}), retry later ({@code TRANSIENT}), skip the one bad record
 * ({@code VALIDATION}) or stop because of a bug ({@code SYSTEM}).
 */
@NullMarked
package dev.tributary.core;

import org.jspecify.annotations.NullMarked;
