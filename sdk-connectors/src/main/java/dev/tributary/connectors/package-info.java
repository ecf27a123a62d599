/** Reference connectors, one package per integration pattern or vendor. */
@NullMarked
package dev.tributary.connectors;

import org.jspecify.annotations.NullMarked;
