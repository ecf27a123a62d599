package dev.tributary.templates;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A function a host adds to its templates with {@link TemplateFunctions.Builder#add}. It receives
 * the evaluated arguments as template values — {@link String}, {@link Double} (every JSON number),
 * {@link Long} (Go integers), {@link Boolean}, {@link java.util.Map}, {@link java.util.List},
 * records, {@link java.time.ZonedDateTime}, or {@code null} for nil — and returns a value of any
 * kind templates accept as data.
 *
 * <p>To fail, throw a {@link RuntimeException} whose message tells the template author what was
 * wrong; rendering stops with {@code error calling NAME: MESSAGE}. Functions must be thread-safe:
 * one template may render on many threads at once.
 */
@FunctionalInterface
public interface TemplateFunction {
  @Nullable Object apply(List<@Nullable Object> args);
}
