package dev.tributary.templates.internal.parse;

import java.util.function.Predicate;

/**
 * What the parser needs to know from its engine: which function names exist (a call of any other is
 * a parse error, as in Go), whether {@code {{else with}}} is allowed (Go 1.23), and how deeply
 * expressions may nest.
 */
public record ParseSettings(Predicate<String> hasFunction, boolean elseWith, int maxDepth) {}
