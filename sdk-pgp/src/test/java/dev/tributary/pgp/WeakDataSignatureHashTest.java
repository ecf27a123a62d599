package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the user guide ("Algorithm policy") says of the hash of a signature over data: SHA-1 is
 * refused by the default policy and accepted by {@link PgpPolicy#legacySenders()}; MD5 and
 * RIPEMD-160 are refused by every policy, saying which hash.
 */
class WeakDataSignatureHashTest {
  private static SignatureVerification verify(HashAlgorithm hash, PgpPolicy policy)
      throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()); // RSA: no hash is too short
    byte[] signature = ShortSignatureHashTest.signature(key, hash);
    List<SignatureVerification> v =
        PgpSignatures.verify(
            new ByteArrayInputStream(ShortSignatureHashTest.DATA),
            new ByteArrayInputStream(signature),
            List.of(key.certificate()),
            policy);
    assertThat(v).hasSize(1);
    return v.get(0);
  }

  @ParameterizedTest
  @EnumSource(names = {"MD5", "RIPEMD160"})
  void md5OrRipemd160_isRefused_underEveryPolicy(HashAlgorithm hash) throws Exception {
    for (PgpPolicy policy : List.of(PgpPolicy.defaults(), PgpPolicy.legacySenders())) {
      SignatureVerification v = verify(hash, policy);
      assertThat(v.valid()).as("%s under %s", hash, policy).isFalse();
      assertThat(v.problem()).contains("weak hash algorithm (" + hash.textName());
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"SHA1"})
  void sha1_isRefusedByDefault_andAcceptedForLegacySenders(HashAlgorithm hash) throws Exception {
    assertThat(verify(hash, PgpPolicy.defaults()).problem())
        .contains("weak hash algorithm (SHA1; PgpPolicy.acceptSha1Signatures allows it)");
    assertThat(verify(hash, PgpPolicy.legacySenders()).valid()).isTrue();
  }
}
