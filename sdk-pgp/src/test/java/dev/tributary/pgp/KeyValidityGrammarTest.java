package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.KeyValidityCases.Case;
import dev.tributary.pgp.KeyValidityCases.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * How we judge the (sub)keys of crafted certificates ({@link KeyValidityCases}): whether we encrypt
 * to the certificate, and whether a signature by its signing subkey or by its primary key, made an
 * hour ago, verifies. {@link KeyValidityInteropTest} holds sqop and gpg to their columns of the
 * same table, and says why where ours and sqop's differ.
 */
class KeyValidityGrammarTest {
  static final List<Case> CASES = KeyValidityCases.CASES;

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void ours(Case c) {
    CraftedCertificate crafted = c.key().get();
    PgpCertificate cert = crafted.certificate();
    assertThat(outcome(crafted, cert)).isEqualTo(c.ours());
  }

  static Outcome outcome(CraftedCertificate crafted, PgpCertificate cert) {
    boolean encrypts;
    try {
      PgpEncryptor.builder().recipient(cert).build();
      encrypts = true;
    } catch (PgpKeyCannotEncryptException e) {
      encrypts = false;
    }
    return new Outcome(
        encrypts,
        crafted.verification(cert, false).valid(),
        crafted.verification(cert, true).valid());
  }
}
