/**
 * The implementation of sdk-pgp: BouncyCastle glue, key inspection, and the fast SEIPD v1 path on
 * the JDK's AES and SHA-1 intrinsics. Not an API: anything here may change without notice.
 */
@NullMarked
package dev.tributary.pgp.internal;

import org.jspecify.annotations.NullMarked;
