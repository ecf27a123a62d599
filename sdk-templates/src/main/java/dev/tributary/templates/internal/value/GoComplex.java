package dev.tributary.templates.internal.value;

/** A Go {@code complex128}, as an imaginary literal such as {@code 1i} produces. */
public record GoComplex(double real, double imag) implements GoValue {
  @Override
  public GoType goType() {
    return GoType.COMPLEX128;
  }
}
