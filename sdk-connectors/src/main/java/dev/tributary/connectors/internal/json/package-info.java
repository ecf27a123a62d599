/**
 * JSON reading and writing shared by the connectors: bounded parsing into plain maps and lists,
 * JSON-ready conversion of profile values, and dotted paths into parsed documents. Not public API:
 * it may change in any release.
 */
@NullMarked
package dev.tributary.connectors.internal.json;

import org.jspecify.annotations.NullMarked;
