package dev.tributary.examples.cli;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Keeps HotSpot's C2 compiler off the methods that a {@code sop} call runs only before its data
 * flows, so that C2's single thread reaches the data path sooner. On a 2-core machine, the first
 * few hundred milliseconds of a large {@code sop decrypt} wait on C2: it compiles the RSA's {@code
 * BigInteger} methods (used once per call, and done by then) and the per-block Java bodies of AES
 * and SHA-1 (which the AES-NI and SHA-NI stubs replace once their callers are compiled) before the
 * callers that bring the stubs in (sdk-pgp/README.md, stops 25, 41, 43 and 44). Excluded methods
 * still run, interpreted or compiled by C1; what they compute does not change.
 *
 * <p>The directive is added as {@code jcmd PID Compiler.directives_add FILE} would add it, through
 * the JDK's diagnostic command interface in this process ({@code jdk.management}, opened to this
 * jar by its manifest's {@code Add-Opens}), so no launch flag is needed. Only the runner does this,
 * for its own short-lived process; sdk-pgp never touches its host's compiler. Any failure (another
 * JVM, a runtime without {@code jdk.management}, no temporary directory) leaves the JIT as it was.
 */
public final class JitDirectives {
  /**
   * HotSpot's compiler directive: these methods get C1 only. Besides RSA's arithmetic and the block
   * bodies the intrinsics replace, it names the JDK's start-up code that C2 would otherwise compile
   * in a call's first few hundred milliseconds: reading the jar ({@code ZipFile}, {@code
   * java/util/jar}, the class loaders) and strings, characters, integers and hash maps, which the
   * class loading and BouncyCastle's set-up run hot but which no verb runs on each octet of its
   * data (the check that text input is UTF-8 works on octets for this reason: {@code Utf8Check}).
   * Such a method is still inlined where C2 compiles its caller; only its own compilation is C1's
   * (sdk-pgp/README.md, stops 45 and 46).
   */
  static final String DIRECTIVE =
      "[{match: [\"java/math/BigInteger.*\", \"java/math/MutableBigInteger.*\","
          + " \"java/util/zip/ZipFile*.*\", \"java/util/zip/ZipUtils.*\","
          + " \"java/util/zip/ZipCoder*.*\", \"java/util/jar/*.*\", \"jdk/internal/util/jar/*.*\","
          + " \"jdk/internal/loader/*.*\", \"java/lang/ClassLoader.*\","
          + " \"java/lang/String.*\", \"java/lang/StringLatin1.*\", \"java/lang/StringUTF16.*\","
          + " \"java/lang/AbstractStringBuilder.*\", \"java/lang/StringBuilder.*\","
          + " \"java/lang/Character.*\", \"java/lang/CharacterData*.*\", \"java/lang/Integer.*\","
          + " \"java/util/HashMap.*\", \"java/util/concurrent/ConcurrentHashMap.*\","
          + " \"com/sun/crypto/provider/AESCrypt.implEncryptBlock\","
          + " \"sun/security/provider/SHA.implCompress0\","
          + " \"sun/security/provider/ByteArrayAccess.b2iBig64\"],"
          + " c2: {Exclude: true}}]";

  /**
   * How the directive's file in the temporary directory is named: {@code @FD:N} refuses a
   * descriptor of such a file, which the runner's warm-up thread may hold open for a moment at a
   * number the caller left closed.
   */
  public static final String FILE_PREFIX = "tributary-jit-";

  private JitDirectives() {}

  /** Adds {@link #DIRECTIVE}; returns the JVM's answer, or null when it could not be added. */
  static String install() {
    try {
      // Loads libmanagement_ext, whose JNI_OnLoad binds the native diagnostic command entry.
      Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
      Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
      Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
      execute.setAccessible(true);
      return add(execute, instance(impl));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * Writes the directive to a new file of its own for the command to read, and deletes it. The file
   * is never one that exists already, which may be another's; it is made with {@code java.io} and
   * named by the clock, which costs a fresh JVM less than {@code Files.createTempFile} (whose first
   * call seeds a {@code SecureRandom}) or the process's pid.
   */
  private static String add(Method execute, Object commands) throws ReflectiveOperationException {
    File file =
        new File(
            System.getProperty("java.io.tmpdir"),
            FILE_PREFIX + Long.toHexString(System.nanoTime()) + ".json");
    try {
      if (!file.createNewFile()) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    try (FileOutputStream out = new FileOutputStream(file)) {
      out.write(DIRECTIVE.getBytes(StandardCharsets.UTF_8));
      out.close();
      return (String) execute.invoke(commands, "Compiler.directives_add " + file);
    } catch (IOException e) {
      return null;
    } finally {
      file.delete(); // else a file of a few hundred bytes stays in the temporary directory
    }
  }

  /**
   * An instance to call the native method on, without the MBean's set-up (its constructor asks the
   * JVM's management interface, which is not needed to run a command): a constructor for
   * serialization, which runs only {@code Object}'s.
   */
  private static Object instance(Class<?> impl) throws ReflectiveOperationException {
    Class<?> factoryClass = Class.forName("sun.reflect.ReflectionFactory");
    Object factory = factoryClass.getMethod("getReflectionFactory").invoke(null);
    Constructor<?> bare =
        (Constructor<?>)
            factoryClass
                .getMethod("newConstructorForSerialization", Class.class, Constructor.class)
                .invoke(factory, impl, Object.class.getDeclaredConstructor());
    return bare.newInstance();
  }
}
