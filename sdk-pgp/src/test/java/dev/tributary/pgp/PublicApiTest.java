package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.Test;

/**
 * BouncyCastle's types never appear in sdk-pgp's public API (DESIGN.md, STYLE.md): not in a
 * parameter, return, thrown or field type, a type argument or bound, a superclass or an interface
 * of any public or protected member of the public classes of {@code dev.tributary.pgp}, found from
 * the compiled classes, nested ones included; {@code …internal} is the implementation and is not
 * checked.
 */
class PublicApiTest {
  private static final String FORBIDDEN = "org.bouncycastle.";

  @Test
  void publicApi_namesNoBouncyCastleType() throws Exception {
    List<Class<?>> api = publicClasses();

    assertThat(api)
        .as("public classes found in the compiled package")
        .contains(PgpKey.class, PgpDecryptor.class, PgpEncryptor.Builder.class, PgpPolicy.class)
        .hasSizeGreaterThan(30);
    Set<String> leaks = new TreeSet<>();
    api.forEach(c -> leaks.addAll(leaksOf(c)));
    assertThat(leaks).as("public or protected members that name a BouncyCastle type").isEmpty();
  }

  /** The check itself finds each kind of leak: it would not pass a class that has one. */
  @Test
  void check_findsEveryKindOfLeak_inAClassMadeToLeak() {
    assertThat(leaksOf(Leaky.class))
        .containsExactlyInAnyOrder(
            "Leaky extends Base<PGPPublicKey>",
            "Leaky.key (field)",
            "Leaky(PGPSecretKeyRing)",
            "Leaky.keys()",
            "Leaky.bounded()",
            "Leaky.array()",
            "Leaky.inherited()",
            "Leaky.forSubclasses()",
            "Leaky.subclassOnly(List<? super PGPSecretKeyRing>)");
    assertThat(leaksOf(PrivateMembersOnly.class)).isEmpty();
  }

  /** Each place where {@code c}'s public face names a BouncyCastle type, one line each. */
  private static Set<String> leaksOf(Class<?> c) {
    Set<String> leaks = new TreeSet<>();
    String name = c.getSimpleName();
    if (mentions(c.getGenericSuperclass())) {
      leaks.add(name + " extends " + shortName(c.getGenericSuperclass()));
    }
    for (Type t : c.getGenericInterfaces()) {
      if (mentions(t)) leaks.add(name + " implements " + shortName(t));
    }
    for (TypeVariable<?> v : c.getTypeParameters()) {
      if (mentions(v)) leaks.add(name + "<" + v.getName() + ">");
    }
    for (Field f : members(c, c.getFields(), Class::getDeclaredFields)) {
      if (mentions(f.getGenericType())) leaks.add(name + "." + f.getName() + " (field)");
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      int modifiers = k.getModifiers();
      if ((Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && mentions(k)) {
        leaks.add(name + signature(k));
      }
    }
    for (Method m : members(c, c.getMethods(), Class::getDeclaredMethods)) {
      if (mentions(m)) { // a public method of a package-private superclass too (javac bridges it)
        leaks.add(name + "." + m.getName() + signature(m));
      }
    }
    return leaks;
  }

  /**
   * The public members (inherited ones too) and the protected ones of {@code c} and its
   * superclasses, which a subclass outside the package sees.
   */
  private static <M extends Member> List<M> members(
      Class<?> c, M[] publicOnes, Function<Class<?>, M[]> declared) {
    List<M> all = new ArrayList<>(List.of(publicOnes));
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (M m : declared.apply(k)) {
        if (Modifier.isProtected(m.getModifiers())) all.add(m);
      }
    }
    return all;
  }

  private static boolean mentions(Executable e) {
    Stream<Type> types =
        Stream.of(
                Stream.of(e.getGenericParameterTypes()),
                Stream.of(e.getGenericExceptionTypes()),
                Stream.<Type>of(e.getTypeParameters()),
                e instanceof Method m ? Stream.of(m.getGenericReturnType()) : Stream.<Type>empty())
            .flatMap(s -> s);
    return types.anyMatch(PublicApiTest::mentions);
  }

  private static boolean mentions(Type type) {
    return mentions(type, new HashSet<>());
  }

  private static boolean mentions(Type type, Set<Type> seen) {
    if (type == null || !seen.add(type)) return false;
    if (type instanceof Class<?> c) {
      return c.isArray() ? mentions(c.getComponentType(), seen) : c.getName().startsWith(FORBIDDEN);
    }
    if (type instanceof ParameterizedType p) {
      return mentions(p.getRawType(), seen)
          || mentions(p.getOwnerType(), seen)
          || Stream.of(p.getActualTypeArguments()).anyMatch(t -> mentions(t, seen));
    }
    if (type instanceof WildcardType w) {
      return Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
          .anyMatch(t -> mentions(t, seen));
    }
    if (type instanceof TypeVariable<?> v) {
      return Stream.of(v.getBounds()).anyMatch(t -> mentions(t, seen));
    }
    if (type instanceof GenericArrayType a) {
      return mentions(a.getGenericComponentType(), seen);
    }
    throw new IllegalArgumentException("a kind of type this check does not know: " + type);
  }

  private static String signature(Executable e) {
    List<String> parameters = new ArrayList<>();
    for (Type t : e.getGenericParameterTypes()) parameters.add(shortName(t));
    return "(" + String.join(", ", parameters) + ")";
  }

  private static String shortName(Type t) {
    return t.getTypeName().replaceAll("\\b\\w+[.$]", "");
  }

  /**
   * The public classes of {@code dev.tributary.pgp}, nested public ones too (a nested class counts
   * when it and every class around it are public), from the folder the compiled classes are in.
   */
  private static List<Class<?>> publicClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(PgpKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path folder = root.resolve(PgpKey.class.getPackageName().replace('.', '/'));
    List<Class<?>> api = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.equals("package-info.class")) continue;
        String name = PgpKey.class.getPackageName() + "." + file.replace(".class", "");
        Class<?> c = Class.forName(name, false, PgpKey.class.getClassLoader());
        if (isPublicFromOutside(c)) api.add(c);
      }
    }
    return api;
  }

  private static boolean isPublicFromOutside(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (k.isAnonymousClass() || k.isLocalClass() || !Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /** A class made to leak in every way {@link #leaksOf} looks at. */
  @SuppressWarnings("unused")
  public static class Leaky extends Base<PGPPublicKey> {
    public PGPPublicKey key;

    public Leaky(PGPSecretKeyRing ring) {}

    public List<PGPPublicKey> keys() {
      return List.of();
    }

    public <T extends PGPPublicKey> T bounded() {
      return null;
    }

    public PGPPublicKey[][] array() {
      return null;
    }

    protected void subclassOnly(List<? super PGPSecretKeyRing> out) {}

    private void hidden(PGPPublicKey k) {}
  }

  /** Not public: its public method reaches callers only through {@link Leaky}. */
  @SuppressWarnings("unused")
  static class Base<T> {
    public PGPSecretKeyRing inherited() {
      return null;
    }

    protected PGPPublicKey forSubclasses() {
      return null;
    }
  }

  /** BouncyCastle only where no caller outside sees it. */
  @SuppressWarnings("unused")
  public static class PrivateMembersOnly {
    private PGPPublicKey key;

    PrivateMembersOnly() {}

    private PGPPublicKey hidden() {
      return key;
    }

    PGPPublicKey packagePrivate() {
      return key;
    }
  }
}
