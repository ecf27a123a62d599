package dev.tributary.templates.internal.value;

/**
 * Go's {@code reflect.Kind}: the category of a value's type. {@link #toString()} gives Go's name
 * ({@code "float64"}, {@code "map"}, {@code "ptr"}), which sprig's {@code kindOf} prints.
 */
public enum Kind {
  INVALID("invalid"),
  BOOL("bool"),
  INT("int"),
  INT8("int8"),
  INT16("int16"),
  INT32("int32"),
  INT64("int64"),
  UINT("uint"),
  UINT8("uint8"),
  UINT16("uint16"),
  UINT32("uint32"),
  UINT64("uint64"),
  UINTPTR("uintptr"),
  FLOAT32("float32"),
  FLOAT64("float64"),
  COMPLEX64("complex64"),
  COMPLEX128("complex128"),
  ARRAY("array"),
  CHAN("chan"),
  FUNC("func"),
  INTERFACE("interface"),
  MAP("map"),
  POINTER("ptr"),
  SLICE("slice"),
  STRING("string"),
  STRUCT("struct"),
  UNSAFE_POINTER("unsafe.Pointer");

  private final String goName;

  Kind(String goName) {
    this.goName = goName;
  }

  /** Signed integer kinds: {@code int}, {@code int8} … {@code int64}. */
  public boolean isSignedInt() {
    return this == INT || this == INT8 || this == INT16 || this == INT32 || this == INT64;
  }

  /** Unsigned integer kinds: {@code uint}, {@code uint8} … {@code uintptr}. */
  public boolean isUnsignedInt() {
    return this == UINT
        || this == UINT8
        || this == UINT16
        || this == UINT32
        || this == UINT64
        || this == UINTPTR;
  }

  public boolean isFloat() {
    return this == FLOAT32 || this == FLOAT64;
  }

  public boolean isComplex() {
    return this == COMPLEX64 || this == COMPLEX128;
  }

  /** Kinds whose zero value is {@code nil}, so an untyped nil may be assigned to them. */
  public boolean canBeNil() {
    return this == CHAN
        || this == FUNC
        || this == INTERFACE
        || this == MAP
        || this == POINTER
        || this == SLICE;
  }

  @Override
  public String toString() {
    return goName;
  }
}
