package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.PgpPolicy;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.junit.jupiter.api.Test;

/**
 * BouncyCastle's implementation object is made without its constructor only while its sole state is
 * the policy field; these tests fail when a BouncyCastle upgrade changes that, so the fallback (the
 * constructor, and its costly default policy) never becomes the rule unnoticed.
 */
class BcImplementationTest {
  @Test
  void bouncyCastlesImplementation_holdsOnlyItsPolicy() {
    assertThat(BcImplementation.instanceFields(BcImplementation.WithJdkRsa.class))
        .containsExactly("policy");
  }

  @Test
  void create_allocatesWithoutTheConstructor_andSetsOurPolicy() {
    assertThat(BcImplementation.allocateWithoutConstructor())
        .isInstanceOf(BcImplementation.WithJdkRsa.class);
    BcPolicy policy = new BcPolicy(PgpPolicy.defaults());
    OpenPGPImplementation impl = BcImplementation.create(policy);
    assertThat(impl.policy()).isSameAs(policy);
    assertThat(impl.keyFingerPrintCalculator()).isNotNull();
    assertThat(impl.pgpContentVerifierBuilderProvider()).isNotNull();
  }

  static class Base {
    static int shared;
    int a;
  }

  static class Sub extends Base {
    int b;
  }

  @Test
  void instanceFields_listsSuperclassFieldsButNotStaticOnes() {
    assertThat(BcImplementation.instanceFields(Sub.class)).containsExactly("b", "a");
  }
}
