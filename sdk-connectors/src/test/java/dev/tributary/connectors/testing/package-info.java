/** Test helpers shared by the connector tests. */
@NullMarked
package dev.tributary.connectors.testing;

import org.jspecify.annotations.NullMarked;
