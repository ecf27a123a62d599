/**
 * Declarative field mapping from raw records (a CSV row, a JSON object) to identities, typed user
 * fields and raw event fields: {@link dev.tributary.core.mapping.FieldMapping} with its {@link
 * dev.tributary.core.mapping.FieldRule}s (rename, {@link dev.tributary.core.mapping.FieldType}
 * coercion, {@link dev.tributary.core.mapping.Transform}s, defaults). Unmapped fields are kept,
 * never dropped; a value that cannot be coerced is a {@code VALIDATION} error naming the field.
 */
@NullMarked
package dev.tributary.core.mapping;

import org.jspecify.annotations.NullMarked;
