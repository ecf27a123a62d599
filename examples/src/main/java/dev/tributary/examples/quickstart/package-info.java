/**
 * The quickstart: {@code java -jar tributary-examples.jar quickstart} runs every pattern end to end
 * on one machine, with nothing to set up — an embedded SFTP server, an in-memory profile store, a
 * freshly generated PGP key pair, a local webhook receiver and a mock enrichment provider. {@link
 * dev.tributary.examples.quickstart.Quickstart} runs the steps, each in its own class; {@link
 * dev.tributary.examples.quickstart.QuickstartCommand} is the command.
 */
@NullMarked
package dev.tributary.examples.quickstart;

import org.jspecify.annotations.NullMarked;
