package dev.tributary.templates.internal.value;

/**
 * A value whose Go type cannot be told from its Java class alone: a typed nil, an integer that is
 * not a plain {@code int}, a typed slice or map, a {@code time.Time}. Plain Java values (String,
 * Double, Long, Boolean, Map, List) carry their Go type implicitly; see {@link Values#typeOf}.
 */
public interface GoValue {
  GoType goType();
}
