package dev.tributary.templates.internal.value;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Reads Java records as Go structs: each record component is an exported field of that name. Only
 * the components' accessors are ever invoked, never any other method of the record. The per-class
 * metadata is computed once and cached; thread-safe.
 */
public final class Records {
  private static final ClassValue<Info> INFO =
      new ClassValue<>() {
        @Override
        protected Info computeValue(Class<?> type) {
          return new Info(type);
        }
      };

  private Records() {}

  /** The struct view of a record class. */
  public static Info info(Class<?> recordClass) {
    return INFO.get(recordClass);
  }

  /** One record class seen as a Go struct type. */
  public static final class Info {
    private final GoType type;
    private final List<String> names;
    private final MethodHandle[] getters;

    Info(Class<?> recordClass) {
      RecordComponent[] components = recordClass.getRecordComponents();
      this.type = new GoType(recordClass.getSimpleName(), Kind.STRUCT, null, null);
      String[] fieldNames = new String[components.length];
      this.getters = new MethodHandle[components.length];
      for (int i = 0; i < components.length; i++) {
        fieldNames[i] = components[i].getName();
        getters[i] = unreflect(components[i].getAccessor());
      }
      this.names = List.of(fieldNames);
    }

    private static MethodHandle unreflect(Method accessor) {
      try {
        accessor.setAccessible(true);
        return MethodHandles.lookup().unreflect(accessor);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "cannot read record component " + accessor.getName() + " of " + accessor, e);
      }
    }

    public GoType type() {
      return type;
    }

    public List<String> fieldNames() {
      return names;
    }

    /** The index of a component, or -1 when the record has none of that name. */
    public int indexOf(String name) {
      return names.indexOf(name);
    }

    /** The value of component {@code index} of {@code record}. */
    public Object get(Object record, int index) {
      try {
        return getters[index].invoke(record);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("reading " + names.get(index) + " failed", e);
      }
    }
  }
}
