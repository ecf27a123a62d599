package dev.tributary.pgp;

import static dev.tributary.pgp.KeyMaintenanceTest.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Merging certificate updates, certifying user IDs and finding the certified ones. */
class CertificateMaintenanceTest {
  static final String ALICE = "Alice <alice@example.com>";
  static final String CA = "Example CA <ca@example.com>";

  final PgpKey alice = PgpKey.generate(KeyProfile.CURVE25519, ALICE, Secret.empty());
  final PgpKey ca = PgpKey.generate(KeyProfile.CURVE25519, CA, Secret.empty());

  @Test
  void merge_bringsBackTheUserIdAndSubkeyTheBaseLacks_andSignaturesAreNotDoubled() {
    PgpCertificate full = withUserId(alice, "Alice Work <alice@work.example>");
    PGPPublicKeyRing ring = full.ring();
    PGPPublicKey encryption = subkey(ring, 2);
    PGPPublicKeyRing withoutSubkey = PGPPublicKeyRing.removePublicKey(ring, encryption);
    PGPPublicKeyRing base =
        PGPPublicKeyRing.insertPublicKey(
            withoutSubkey,
            PGPPublicKey.removeCertification(
                withoutSubkey.getPublicKey(), "Alice Work <alice@work.example>"));
    PgpCertificate stale = new PgpCertificate(base);
    assertThat(stale.userIds()).containsExactly(ALICE);
    assertThat(stale.describe().keys()).hasSize(2);

    PgpCertificate merged = stale.merge(full);

    assertThat(merged.userIds())
        .containsExactlyInAnyOrder(ALICE, "Alice Work <alice@work.example>");
    assertThat(merged.describe().keys()).hasSize(3);
    assertThat(merged.describe().keys().get(2).canEncrypt()).isTrue();
    assertThat(signatureCount(merged)).isEqualTo(signatureCount(full));
    assertThat(merged.merge(full).encoded()).isEqualTo(merged.encoded());
    assertThat(full.merge(full).encoded()).isEqualTo(full.encoded());
    assertThat(stale.userIds()).as("unchanged").containsExactly(ALICE);
  }

  @Test
  void merge_ofAnotherCertificate_isRefused_namingBoth() {
    assertThatThrownBy(() -> alice.certificate().merge(ca.certificate()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining(alice.fingerprint())
        .hasMessageContaining(ca.fingerprint())
        .hasMessageContaining("primary keys differ");
  }

  @Test
  void merge_leavesOutAUserIdWhoseSelfSignatureDoesNotVerify() throws Exception {
    PGPPublicKeyRing ring = alice.certificate().ring();
    PGPSignature forOther = selfCertification(alice, "Mallory <mallory@example.com>");
    PGPPublicKey forged =
        PGPPublicKey.addCertification(ring.getPublicKey(), "Alice CEO <ceo@example.com>", forOther);
    PgpCertificate update = new PgpCertificate(PGPPublicKeyRing.insertPublicKey(ring, forged));
    assertThat(update.ring().getPublicKey().getUserIDs()).toIterable().hasSize(2);

    PgpCertificate merged = alice.certificate().merge(update);

    assertThat(merged.encoded()).isEqualTo(alice.certificate().encoded());
  }

  @Test
  void merge_leavesOutARevocationAndASubkeyMadeByAnotherKey() throws Exception {
    PGPPublicKeyRing ring = alice.certificate().ring();
    // A key revocation "of" Alice's key made by the CA's key, and the CA's subkey with its binding.
    PGPSignatureGenerator gen = generator(ca, PGPSignature.KEY_REVOCATION);
    PGPSignature revocation = gen.generateCertification(ring.getPublicKey());
    PGPPublicKeyRing update =
        PGPPublicKeyRing.insertPublicKey(
            ring, PGPPublicKey.addCertification(ring.getPublicKey(), revocation));
    update = PGPPublicKeyRing.insertPublicKey(update, subkey(ca.certificate().ring(), 2));
    assertThat(new PgpCertificate(update).describe().keys()).hasSizeGreaterThanOrEqualTo(3);

    PgpCertificate merged = alice.certificate().merge(new PgpCertificate(update));

    assertThat(merged.encoded()).isEqualTo(alice.certificate().encoded());
    assertThat(merged.describe().primaryKey().revoked()).isFalse();
  }

  @Test
  void merge_takesTheOwnersRevocation_soTheMergedCertificateIsRevoked() {
    PgpCertificate merged = alice.certificate().merge(alice.revocationCertificate());
    assertThat(merged.describe().primaryKey().revoked()).isTrue();
  }

  @Test
  void certify_thenMerge_theUserIdIsCertifiedByThatAuthorityOnly() {
    PgpCertificate certified = ca.certify(alice.certificate(), List.of(ALICE));
    PgpCertificate merged = alice.certificate().merge(certified);
    Instant now = Instant.now().plusSeconds(1);

    assertThat(merged.userIdsCertifiedBy(List.of(ca.certificate()), now)).containsExactly(ALICE);
    assertThat(certified.userIdsCertifiedBy(List.of(ca.certificate()), now)).containsExactly(ALICE);
    PgpKey other = PgpKey.generate(KeyProfile.CURVE25519, "Other", Secret.empty());
    assertThat(merged.userIdsCertifiedBy(List.of(other.certificate()), now)).isEmpty();
    assertThat(alice.certificate().userIdsCertifiedBy(List.of(ca.certificate()), now)).isEmpty();
    assertThat(merged.userIdsCertifiedBy(List.of(ca.certificate()), Instant.now().minusSeconds(60)))
        .as("before the certification was made")
        .isEmpty();
    assertThat(merged.userIdsCertifiedBy(List.of(merged), now))
        .as("a certificate vouches for its own self-signed user IDs")
        .containsExactly(ALICE);
  }

  @Test
  void certify_aUserIdTheCertificateLacks_isRefused_unlessAddingIsAsked() {
    assertThatThrownBy(() -> ca.certify(alice.certificate(), List.of("Eve <eve@example.com>")))
        .isInstanceOfSatisfying(
            PgpCertificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PgpCertificationException.Reason.USER_ID_NOT_BOUND);
              assertThat(e.fingerprint()).isEqualTo(alice.fingerprint());
            })
        .hasMessageContaining("Eve <eve@example.com>")
        .hasMessageContaining(ALICE);

    PgpCertificate added =
        ca.certifyAddingUserIds(alice.certificate(), List.of("Alice <alice@ca.example>"));
    assertThat(added.userIds()).contains("Alice <alice@ca.example>");
    assertThat(added.userIdsCertifiedBy(List.of(ca.certificate()), Instant.now().plusSeconds(1)))
        .containsExactly("Alice <alice@ca.example>");
    assertThat(alice.certificate().merge(added).userIds())
        .as("a merge takes no user ID without its owner's self-signature")
        .containsExactly(ALICE);
  }

  @Test
  void certify_withAProtectedKey_needsItsPassphrase_whichNoMessageQuotes() {
    PgpKey locked = PgpKey.generate(KeyProfile.CURVE25519, CA, OLD);
    PgpKey withoutPassphrase = PgpKey.readAll(locked.encoded(), Secret.empty()).get(0);
    PgpKey wrong = PgpKey.readAll(locked.encoded(), Secret.of("not it")).get(0);

    assertThatThrownBy(() -> withoutPassphrase.certify(alice.certificate(), List.of(ALICE)))
        .isInstanceOf(PgpWrongPassphraseException.class)
        .hasMessageContaining(locked.fingerprint());
    assertThatThrownBy(() -> wrong.certify(alice.certificate(), List.of(ALICE)))
        .isInstanceOf(PgpWrongPassphraseException.class)
        .hasMessageNotContaining("not it")
        .hasMessageNotContaining(OLD.reveal());
    assertThat(
            locked
                .certify(alice.certificate(), List.of(ALICE))
                .userIdsCertifiedBy(List.of(locked.certificate()), Instant.now().plusSeconds(1)))
        .containsExactly(ALICE);
  }

  @Test
  void certify_withARevokedKey_isRefusedAsKeyCannotCertify() {
    PGPSecretKeyRing revoked =
        PGPSecretKeyRing.replacePublicKeys(ca.ring(), ca.revocationCertificate().ring());
    PgpKey revokedCa = new PgpKey(revoked, Secret.empty());

    assertThatThrownBy(() -> revokedCa.certify(alice.certificate(), List.of(ALICE)))
        .isInstanceOfSatisfying(
            PgpCertificationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(PgpCertificationException.Reason.KEY_CANNOT_CERTIFY))
        .hasMessageContaining(ca.fingerprint());
  }

  @Test
  void userIdsCertifiedBy_ignoresACertificationThatDoesNotVerify_orByARevokedAuthority() {
    PgpCertificate certified = ca.certify(alice.certificate(), List.of(ALICE));
    PGPSignature certification = thirdParty(certified.ring().getPublicKey(), ALICE);
    // The CA's certification of Alice's user ID, moved to a user ID it did not certify.
    PGPPublicKey moved =
        PGPPublicKey.addCertification(
            PGPPublicKey.removeCertification(certified.ring().getPublicKey(), ALICE, certification),
            ALICE + " ",
            certification);
    PgpCertificate tampered =
        new PgpCertificate(PGPPublicKeyRing.insertPublicKey(certified.ring(), moved));
    Instant now = Instant.now().plusSeconds(1);
    assertThat(tampered.userIdsCertifiedBy(List.of(ca.certificate()), now)).isEmpty();

    PgpCertificate revokedCa = ca.certificate().merge(ca.revocationCertificate());
    assertThat(certified.userIdsCertifiedBy(List.of(revokedCa), now.plusSeconds(1))).isEmpty();
  }

  @Test
  void readAllPublic_refusesAPrivateKey_whereReadAllTakesItsPublicPart() {
    byte[] key = alice.armored().reveal().getBytes(StandardCharsets.US_ASCII);
    assertThat(PgpCertificate.readAll(key)).hasSize(1);
    assertThatThrownBy(() -> PgpCertificate.readAllPublic(key))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("private key " + alice.fingerprint())
        .hasMessageContaining("certificate");
    assertThat(PgpCertificate.readAllPublic(alice.certificate().encoded())).hasSize(1);
  }

  /** Alice's certificate with another user ID, self-signed by her primary key. */
  static PgpCertificate withUserId(PgpKey key, String userId) {
    try {
      PGPPublicKeyRing ring = key.certificate().ring();
      PGPPublicKey primary =
          PGPPublicKey.addCertification(
              ring.getPublicKey(), userId, selfCertification(key, userId));
      return new PgpCertificate(PGPPublicKeyRing.insertPublicKey(ring, primary));
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    }
  }

  static PGPSignature selfCertification(PgpKey key, String userId) throws PGPException {
    return generator(key, PGPSignature.POSITIVE_CERTIFICATION)
        .generateCertification(userId, key.ring().getPublicKey());
  }

  /** A generator for a signature of {@code type} by {@code key}'s primary key, made now. */
  static PGPSignatureGenerator generator(PgpKey key, int type) throws PGPException {
    PGPPublicKey pub = key.ring().getPublicKey();
    PGPPrivateKey priv = key.unlocked().privateKey(key.ring().getSecretKey());
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(pub.getAlgorithm(), HashAlgorithmTags.SHA256), pub);
    gen.init(type, priv);
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, new Date());
    hashed.setIssuerFingerprint(false, pub);
    gen.setHashedSubpackets(hashed.generate());
    return gen;
  }

  static PGPPublicKey subkey(PGPPublicKeyRing ring, int index) {
    List<PGPPublicKey> keys = new ArrayList<>();
    ring.getPublicKeys().forEachRemaining(keys::add);
    return keys.get(index);
  }

  static int signatureCount(PgpCertificate cert) {
    int n = 0;
    for (PGPPublicKey k : cert.ring()) {
      for (var it = k.getSignatures(); it.hasNext(); it.next()) {
        n++;
      }
    }
    return n;
  }

  /** The one certification of {@code userId} not made by {@code primary} itself. */
  static PGPSignature thirdParty(PGPPublicKey primary, String userId) {
    for (var it = primary.getSignaturesForID(userId); it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (sig.getKeyID() != primary.getKeyID()) {
        return sig;
      }
    }
    throw new IllegalStateException("no third-party certification of " + userId);
  }
}
