package dev.tributary.templates.internal.value;

import java.util.Objects;

/**
 * An integer of a Go type other than {@code int} ({@code int64}, {@code uint8}, {@code time.Month}
 * …). A plain Go {@code int} is a Java {@link Long} (or Integer) instead. Unsigned values keep
 * their bits in {@link #bits()}.
 */
public final class GoInt implements GoValue {
  private final long bits;
  private final GoType type;

  public GoInt(long bits, GoType type) {
    this.bits = bits;
    this.type = Objects.requireNonNull(type, "type");
  }

  public static GoInt int64(long value) {
    return new GoInt(value, GoType.INT64);
  }

  public long bits() {
    return bits;
  }

  @Override
  public GoType goType() {
    return type;
  }

  public boolean isUnsigned() {
    return type.kind().isUnsignedInt();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoInt other && other.bits == bits && other.type == type;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bits) * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return isUnsigned() ? Long.toUnsignedString(bits) : Long.toString(bits);
  }
}
