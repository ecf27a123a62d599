package dev.tributary.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that runs an outside program. When the program is missing the test
 * is skipped with a message saying what to install — or, in CI, fails; see {@link
 * ExternalPrograms}.
 *
 * <pre>{@code
 * @RequiresProgram(value = "gpg", debianPackage = "gnupg")
 * class GnuPgInteropTest { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(RequiresProgram.List.class)
@ExtendWith(RequiresProgramCondition.class)
public @interface RequiresProgram {
  /** The executable's name, as on {@code PATH}: {@code gpg}, {@code sqop}, {@code sshd}. */
  String value();

  /** The Debian package that installs it; named in the skip message. */
  String debianPackage();

  /** Holds repeated {@link RequiresProgram} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @ExtendWith(RequiresProgramCondition.class)
  @interface List {
    RequiresProgram[] value();
  }
}
