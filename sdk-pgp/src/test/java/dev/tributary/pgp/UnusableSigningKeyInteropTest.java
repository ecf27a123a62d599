package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.bcpg.EdSecretBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing with a private key whose primary key is fine but whose signing subkeys cannot sign (one
 * expired, one revoked), as GnuPG makes them: the message names the key and each of its subkeys
 * with why it cannot sign, and GnuPG 2.2 and sqop 0.27.3 refuse the same key (gpg exit 2, "Unusable
 * secret key"; sqop 79, KEY_CANNOT_SIGN, as our sop). And the other message a key that cannot sign
 * gets, "its signing key … cannot be used to make a signature", for a signing key that is valid but
 * whose secret BouncyCastle cannot use.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class UnusableSigningKeyInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  static final byte[] DATA = "to be signed\n".getBytes(StandardCharsets.UTF_8);

  /**
   * A key made on 2020-01-01 with a primary key that only certifies, an Ed25519 signing subkey that
   * expired on 2020-06-01, a Cv25519 encryption subkey, and an Ed25519 signing subkey made now and
   * revoked at once as compromised. Returns its fingerprint.
   */
  String keyWithUnusableSigningSubkeys() {
    String then = "20200101T000000";
    String uid = "Subkeys <subkeys@example.com>";
    gpgAt(then, "--quick-gen-key", uid, "ed25519", "cert", "never");
    String fpr = gpg.fingerprint(uid);
    gpgAt(then, "--quick-add-key", fpr, "ed25519", "sign", "2020-06-01");
    gpgAt(then, "--quick-add-key", fpr, "cv25519", "encr", "never");
    gpg.run(new byte[0], "--passphrase", "", "--quick-add-key", fpr, "ed25519", "sign", "never")
        .ok();
    // Subkey 3, the new signing one: revoked, reason 1 (compromised), no description.
    gpg.run(
            "key 3\nrevkey\ny\n1\n\ny\nsave\n".getBytes(StandardCharsets.US_ASCII),
            "--passphrase",
            "",
            "--command-fd",
            "0",
            "--edit-key",
            fpr)
        .ok();
    return fpr;
  }

  /** Runs gpg with {@code args}, an empty passphrase and its clock set to {@code time}. */
  void gpgAt(String time, String... args) {
    List<String> all = new ArrayList<>(List.of("--faked-system-time", time, "--passphrase", ""));
    all.addAll(List.of(args));
    gpg.run(new byte[0], all.toArray(String[]::new)).ok();
  }

  /** Signs {@link #DATA} with {@code key} into {@code out}. */
  static ThrowingCallable sign(PgpKey key, OutputStream out) {
    return () ->
        PgpSignatures.sign(
            new ByteArrayInputStream(DATA), out, List.of(key), SignatureType.BINARY, true);
  }

  /** The key IDs of the key's subkeys, in gpg's order (the order they were added). */
  List<String> subkeyIds(String fpr) {
    return gpg.run(
            new byte[0],
            "--list-options",
            "show-unusable-subkeys",
            "--with-colons",
            "--list-keys",
            fpr)
        .ok()
        .text()
        .lines()
        .filter(l -> l.startsWith("sub:"))
        .map(l -> l.split(":", -1)[4])
        .toList();
  }

  @Test
  void signingSubkeysExpiredAndRevoked_primaryFine_namesEveryKeyAndWhy_gpgAndSqopRefuseToo()
      throws Exception {
    String fpr = keyWithUnusableSigningSubkeys();
    List<String> subkeys = subkeyIds(fpr);
    assertThat(subkeys).hasSize(3);
    String armored = gpg.run(new byte[0], "--armor", "--export-secret-keys", fpr).ok().text();
    PgpKey key = PgpKey.parse(armored, Secret.empty());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(sign(key, out))
        .isInstanceOfSatisfying(
            PgpKeyCannotSignException.class, e -> assertThat(e.fingerprint()).isEqualTo(fpr))
        .hasMessageMatching(
            "private key "
                + fpr
                + " has no valid signing key: "
                + fpr.substring(24)
                + ": its key flags do not allow signing; "
                + subkeys.get(0)
                + ": expired on 2020-06-01; "
                + subkeys.get(1)
                + ": its key flags do not allow signing; "
                + subkeys.get(2)
                + ": revoked on \\d{4}-\\d{2}-\\d{2}: key compromised, a hard revocation;"
                + " sign with another key");
    assertThat(out.size()).isZero();

    Tool.Result byGpg = gpg.run(DATA, "--local-user", fpr, "--sign");
    assertThat(byGpg.code()).as(byGpg.err()).isEqualTo(2);
    assertThat(byGpg.err()).contains("Unusable secret key");
    Path sec = Files.writeString(dir.resolve("key.sec"), armored, StandardCharsets.US_ASCII);
    Tool.Result bySqop = Tool.sqop(DATA, "sign", sec.toString());
    assertThat(bySqop.code()).as(bySqop.err()).isEqualTo(79);
    assertThat(bySqop.out()).isEmpty();
  }

  /**
   * A fresh key whose signing subkey keeps its public key and binding but has a secret scalar of 33
   * bytes, one more than Ed25519 has: the key is valid and its subkey selected to sign, and
   * BouncyCastle fails only when it starts the signature.
   */
  @Test
  void signingKeyWhoseSecretBouncyCastleCannotUse_namesTheKeyAndItsSigningKey() throws Exception {
    PgpKey fresh =
        PgpKey.generate(KeyProfile.CURVE25519, "broken <broken@example.com>", Secret.empty());
    PGPSecretKey signing = null;
    for (PGPSecretKey k : fresh.ring()) {
      if (!k.isMasterKey()
          && k.getPublicKey().getAlgorithm() == PublicKeyAlgorithmTags.EDDSA_LEGACY) {
        signing = k;
      }
    }
    PGPPublicKey pub = Objects.requireNonNull(signing).getPublicKey();
    PGPPrivateKey tooLong =
        new PGPPrivateKey(
            pub.getKeyID(),
            pub.getPublicKeyPacket(),
            new EdSecretBCPGKey(BigInteger.ONE.shiftLeft(33 * 8 - 1)));
    PGPSecretKey broken =
        new PGPSecretKey(
            tooLong,
            pub,
            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
            false,
            null);
    PGPSecretKeyRing ring =
        PGPSecretKeyRing.insertSecretKey(
            PGPSecretKeyRing.removeSecretKey(fresh.ring(), signing), broken);
    String signingKeyId = String.format("%016X", pub.getKeyID());
    PgpKey key = PgpKey.readAll(ring.getEncoded(), Secret.empty()).get(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(sign(key, out))
        .isInstanceOfSatisfying(
            PgpKeyCannotSignException.class,
            e -> assertThat(e.fingerprint()).isEqualTo(fresh.fingerprint()))
        .hasMessage(
            "cannot sign with key "
                + fresh.fingerprint()
                + ": its signing key "
                + signingKeyId
                + " (EdDSA Ed25519) cannot be used to make a signature; sign with another key");
    assertThat(out.size()).isZero();
  }
}
