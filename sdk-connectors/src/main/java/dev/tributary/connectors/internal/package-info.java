/**
 * Helpers the SDK's connectors share. Not part of the API: anything here may change in any release.
 */
@NullMarked
package dev.tributary.connectors.internal;

import org.jspecify.annotations.NullMarked;
