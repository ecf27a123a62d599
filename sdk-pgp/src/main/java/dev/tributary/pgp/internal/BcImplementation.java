package dev.tributary.pgp.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.PublicKeyKeyEncryptionMethodGenerator;

/**
 * Makes BouncyCastle's lightweight {@code OpenPGPImplementation} with our policy and RSA through
 * the JDK ({@link JdkRsa}), without the default policy its constructor builds and we replace at
 * once.
 *
 * <p>That default policy ({@code OpenPGPDefaultPolicy}) parses three dates with a {@code
 * SimpleDateFormat} and a zone name, which makes the JDK load every time zone's names and rules: in
 * a fresh JVM it cost half a second and more (a 6-byte {@code sop encrypt}, interleaved rounds:
 * median 1.64 s with it, 1.16 s without). The constructor does nothing else: it sets the {@code
 * policy} field, the class's only instance field. So when the classes have exactly that one
 * instance field, the object is allocated without running the constructor and the policy is set
 * through {@code setPolicy}; otherwise (a BouncyCastle version that added state, or a JVM without
 * {@code sun.misc.Unsafe}) the constructor runs as usual. {@code BcImplementationTest} fails when a
 * BouncyCastle upgrade makes the fallback the rule.
 */
final class BcImplementation {
  private BcImplementation() {}

  static OpenPGPImplementation create(OpenPGPPolicy policy) {
    OpenPGPImplementation impl = allocateWithoutConstructor();
    if (impl == null) {
      impl = new WithJdkRsa();
    }
    return impl.setPolicy(policy);
  }

  /**
   * BouncyCastle's lightweight implementation, with RSA through the JDK ({@link JdkRsa}); a
   * signature whose hash is too short for its key verifies nothing ({@link
   * SignatureHash#refusingShortHashes}).
   */
  static final class WithJdkRsa extends BcOpenPGPImplementation {
    @Override
    public PGPContentVerifierBuilderProvider pgpContentVerifierBuilderProvider() {
      return SignatureHash.refusingShortHashes(
          JdkRsa.verifiers(super.pgpContentVerifierBuilderProvider()));
    }

    @Override
    public PublicKeyKeyEncryptionMethodGenerator publicKeyKeyEncryptionMethodGenerator(
        PGPPublicKey encryptionSubkey) {
      return JdkRsa.keyEncryption(encryptionSubkey);
    }
  }

  /** The allocated object, or null when that is not safe or not possible here. */
  static OpenPGPImplementation allocateWithoutConstructor() {
    if (!instanceFields(WithJdkRsa.class).equals(List.of("policy"))) {
      return null;
    }
    try {
      Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = f.get(null);
      Object o =
          unsafe
              .getClass()
              .getMethod("allocateInstance", Class.class)
              .invoke(unsafe, WithJdkRsa.class);
      return (OpenPGPImplementation) o;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** The names of the instance fields of {@code c} and its superclasses. */
  static List<String> instanceFields(Class<?> c) {
    List<String> names = new ArrayList<>();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          names.add(f.getName());
        }
      }
    }
    return names;
  }
}
