/** Streaming OpenPGP encryption, decryption, signing and verification. */
@NullMarked
package dev.tributary.pgp;

import org.jspecify.annotations.NullMarked;
