package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.api.OpenPGPDefaultPolicy;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.junit.jupiter.api.Test;

/**
 * {@link BcPolicy} against the configuration it replaced (73a2d1d): BouncyCastle's {@code
 * OpenPGPDefaultPolicy} set up from our policy as {@code Engine.toBc} did. Every answer over a grid
 * of algorithm IDs (the assigned ones, unassigned ones and the private range), key sizes and
 * signature dates must be the same; the deliberate differences are the notation registry and
 * revocations: a revocation made with any hash the policy knows counts at any date (MD5, RIPEMD-160
 * and SHA-1 after their cut-offs too), as the old configuration answered for one made before every
 * cut-off ({@link #DATES}' first).
 */
class BcPolicyTest {
  private static final Date[] DATES = {
    date("1990-01-01T00:00:00Z"),
    date("1997-01-31T00:00:00Z"),
    date("1997-01-31T23:59:59Z"),
    date("1997-02-01T00:00:00Z"),
    date("2023-01-31T23:59:59Z"),
    date("2023-02-01T00:00:00Z"),
    date("2030-01-01T00:00:00Z")
  };

  private static final int[] KEY_BITS = {
    0, 249, 250, 255, 256, 1023, 1024, 1999, 2000, 2047, 2048, 3072, 4095, 4096, 8192
  };

  @Test
  void defaults_answerAsTheOldConfiguration() {
    assertThat(differences(PgpPolicy.defaults())).isEmpty();
  }

  @Test
  void legacySenders_answerAsTheOldConfiguration() {
    assertThat(differences(PgpPolicy.legacySenders())).isEmpty();
  }

  @Test
  void aCustomPolicy_answersAsTheOldConfiguration() {
    PgpPolicy custom =
        PgpPolicy.builder()
            .minimumRsaBits(4096)
            .acceptSha1Signatures(true)
            .acceptSymmetricAlgorithms(
                EnumSet.of(SymmetricAlgorithm.AES_256, SymmetricAlgorithm.CAMELLIA_256))
            .maxDecompressedBytes(12_345)
            .build();
    assertThat(differences(custom)).isEmpty();
    assertThat(new BcPolicy(custom).getMaximumDecompressedDataSize()).isEqualTo(12_345);
  }

  /**
   * Unlike BouncyCastle's default policy (whose registry was null), ours has one, empty: a critical
   * notation is unknown, so its signature is refused rather than failing with an NPE.
   */
  @Test
  void notationRegistry_existsAndKnowsNoNotation() {
    OpenPGPPolicy.OpenPGPNotationRegistry registry =
        new BcPolicy(PgpPolicy.defaults()).getNotationRegistry();
    assertThat(registry).isNotNull();
    assertThat(oldConfiguration(PgpPolicy.defaults()).getNotationRegistry())
        .as("BouncyCastle's, the difference")
        .isNull();
    for (String notation :
        new String[] {"", "salt@notations.sequoia-pgp.org", "preferred-email-encoding@pgp.com"}) {
      assertThat(registry.isNotationKnown(notation)).as(notation).isFalse();
    }
  }

  /** Every question on which BcPolicy and the old configuration disagree, one line each. */
  private static List<String> differences(PgpPolicy policy) {
    OpenPGPPolicy expected = oldConfiguration(policy);
    OpenPGPPolicy actual = new BcPolicy(policy);
    List<String> differences = new ArrayList<>();
    int[] hashes = ids(15, 100, 110);
    for (int hash : hashes) {
      for (Date date : DATES) {
        String at = hash + " at " + date.toInstant();
        compare(
            differences,
            "document hash " + at,
            expected.isAcceptableDocumentSignatureHashAlgorithm(hash, date),
            actual.isAcceptableDocumentSignatureHashAlgorithm(hash, date));
        compare(
            differences,
            "revocation hash " + at,
            expected.isAcceptableRevocationSignatureHashAlgorithm(hash, DATES[0]),
            actual.isAcceptableRevocationSignatureHashAlgorithm(hash, date));
        compare(
            differences,
            "certification hash " + at,
            expected.isAcceptableCertificationSignatureHashAlgorithm(hash, date),
            actual.isAcceptableCertificationSignatureHashAlgorithm(hash, date));
      }
    }
    for (int cipher : ids(20, 100, 110)) {
      compare(
          differences,
          "symmetric " + cipher,
          expected.isAcceptableSymmetricKeyAlgorithm(cipher),
          actual.isAcceptableSymmetricKeyAlgorithm(cipher));
    }
    for (int algorithm : ids(40, 100, 110)) {
      for (int bits : KEY_BITS) {
        compare(
            differences,
            "public key " + algorithm + " of " + bits + " bits",
            expected.isAcceptablePublicKeyStrength(algorithm, bits),
            actual.isAcceptablePublicKeyStrength(algorithm, bits));
      }
    }
    compare(
        differences,
        "default certification hash",
        expected.getDefaultCertificationSignatureHashAlgorithm(),
        actual.getDefaultCertificationSignatureHashAlgorithm());
    compare(
        differences,
        "default document hash",
        expected.getDefaultDocumentSignatureHashAlgorithm(),
        actual.getDefaultDocumentSignatureHashAlgorithm());
    compare(
        differences,
        "default symmetric",
        expected.getDefaultSymmetricKeyAlgorithm(),
        actual.getDefaultSymmetricKeyAlgorithm());
    compare(
        differences,
        "maximum decompressed size",
        expected.getMaximumDecompressedDataSize(),
        actual.getMaximumDecompressedDataSize());
    return differences;
  }

  private static void compare(
      List<String> differences, String question, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      differences.add(question + ": was " + expected + ", is " + actual);
    }
  }

  /** 0 to {@code last}, then {@code from} to {@code to} (private or experimental IDs). */
  private static int[] ids(int last, int from, int to) {
    return IntStream.concat(IntStream.rangeClosed(0, last), IntStream.rangeClosed(from, to))
        .toArray();
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }

  /** {@code Engine.toBc} as of 7c5d644, before BcPolicy replaced it: the oracle. */
  @SuppressWarnings("deprecation") // the deprecated IDs still name old keys that exist
  private static OpenPGPPolicy oldConfiguration(PgpPolicy policy) {
    OpenPGPDefaultPolicy bc = new OpenPGPDefaultPolicy();
    for (int alg :
        new int[] {
          PublicKeyAlgorithmTags.RSA_GENERAL,
          PublicKeyAlgorithmTags.RSA_ENCRYPT,
          PublicKeyAlgorithmTags.RSA_SIGN,
          PublicKeyAlgorithmTags.DSA,
          PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
          PublicKeyAlgorithmTags.ELGAMAL_GENERAL
        }) {
      bc.acceptPublicKeyAlgorithmWithMinimalStrength(alg, policy.minimumRsaBits());
    }
    for (SymmetricAlgorithm a : SymmetricAlgorithm.values()) {
      if (policy.accepts(a)) {
        bc.acceptSymmetricKeyAlgorithm(a.id());
      } else {
        bc.rejectSymmetricKeyAlgorithm(a.id());
      }
    }
    if (policy.acceptsSha1Signatures()) {
      bc.acceptDocumentSignatureHashAlgorithm(HashAlgorithmTags.SHA1);
      bc.acceptCertificationSignatureHashAlgorithm(HashAlgorithmTags.SHA1);
    }
    bc.setMaximumDecompressedDataSize(policy.maxDecompressedBytes());
    return bc;
  }
}
