package dev.tributary.templates.internal.value;

/**
 * A template met a host value of a class it may not look into. The executor turns it into an
 * execution error at the node that read the value.
 */
public final class UnsupportedValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedValueException(Class<?> type) {
    super(
        "template data of type "
            + type.getName()
            + " is not supported; pass maps, lists, arrays, records, strings, numbers, booleans,"
            + " java.time instants or Jackson JsonNodes");
  }
}
