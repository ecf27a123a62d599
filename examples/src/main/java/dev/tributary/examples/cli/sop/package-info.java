/**
 * The Stateless OpenPGP command-line interface ({@code sop}) over sdk-pgp: {@link
 * dev.tributary.examples.cli.sop.Sop} runs one verb with the draft's exit codes.
 */
@NullMarked
package dev.tributary.examples.cli.sop;

import org.jspecify.annotations.NullMarked;
