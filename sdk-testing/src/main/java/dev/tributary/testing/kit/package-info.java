/**
 * The connector compatibility kit: {@link dev.tributary.testing.kit.ConnectorCompatibilityKit}, the
 * contract tests every connector's test class extends.
 */
@NullMarked
package dev.tributary.testing.kit;

import org.jspecify.annotations.NullMarked;
