/** The user guide's connector catalogue, generated from the connectors' descriptors. */
@NullMarked
package dev.tributary.examples.catalogue;

import org.jspecify.annotations.NullMarked;
