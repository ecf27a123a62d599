/**
 * The command-line runner {@code tributary-examples.jar}: one picocli subcommand per area of the
 * SDK, registered in {@link dev.tributary.examples.cli.TributaryCli}.
 */
@NullMarked
package dev.tributary.examples.cli;

import org.jspecify.annotations.NullMarked;
