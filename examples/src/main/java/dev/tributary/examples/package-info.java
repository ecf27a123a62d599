/** Runnable examples of the SDK; each user-guide recipe points at one of these classes. */
@NullMarked
package dev.tributary.examples;

import org.jspecify.annotations.NullMarked;
