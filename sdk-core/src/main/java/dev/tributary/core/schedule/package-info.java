/**
 * When batch jobs run: {@link dev.tributary.core.schedule.Schedule} and its kinds, and the textual
 * grammar of {@link dev.tributary.core.schedule.Schedule#parse(String)}.
 */
@NullMarked
package dev.tributary.core.schedule;

import org.jspecify.annotations.NullMarked;
