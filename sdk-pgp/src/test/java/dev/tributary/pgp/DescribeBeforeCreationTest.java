package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.MADE;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.CraftedCertificate.Sig;
import dev.tributary.testing.PgpTestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code describe(at)} at a time before a key or subkey was made says, for that key, that it was
 * not yet made then, with both times, as the refusal to sign at such a time says ("created …, after
 * the time of signing, …"). Was: the primary key "dated 52 seconds ahead of the time it is judged
 * at … a clock is wrong", and each subkey only that its primary key is unusable, while no
 * capabilities showed: what read {@link ComponentKey#canSign()} there spoke of key flags. Each key
 * shows the capabilities its newest self-signature declares: before stop 41 its subkeys did, and
 * its primary key showed none.
 */
class DescribeBeforeCreationTest {
  static final Instant ALICE_MADE = Instant.parse("2026-11-30T22:58:52Z");

  static String notYetMade(Instant created, Instant at) {
    return "not yet made: created "
        + created
        + ", after the time asked, "
        + at
        + " (if that is now, a clock is wrong: this machine's or the key maker's)";
  }

  /** A sound key whose subkeys were made at another time than its primary key, and bound then. */
  static CraftedCertificate madeApart(Instant primaryMade, Instant subkeysMade) {
    Instant bound = primaryMade.isAfter(subkeysMade) ? primaryMade : subkeysMade;
    return new CraftedCertificate(primaryMade, subkeysMade)
        .primary(Sig.userId(CERTIFY).made(primaryMade))
        .signingSubkey(Sig.binding(SIGN).made(bound))
        .encryptionSubkey(Sig.binding(ENCRYPT).made(bound));
  }

  @Test
  void describe_beforeTheKeyWasMade_eachKeySaysItWasNotYetMade() {
    PgpKey alice = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    Instant at = Instant.parse("2026-11-30T22:58:00Z");
    KeyDescription d = alice.describe(at);

    assertThat(d.keys()).hasSize(2);
    assertThat(d.keys())
        .allSatisfy(
            k -> {
              assertThat(k.created()).isEqualTo(ALICE_MADE);
              assertThat(k.usable()).isFalse();
              assertThat(k.whyUnusable()).hasValue(notYetMade(ALICE_MADE, at));
            });
    assertThat(d.toString())
        .contains(
            "\n  pub RSA 3072 v4 31368D83A4407430 created 2026-11-30 [CERTIFY, SIGN] (unusable: "
                + notYetMade(ALICE_MADE, at)
                + ")")
        .contains(
            "\n  sub RSA 3072 v4 8089BA27CA6BD022 created 2026-11-30"
                + " [ENCRYPT_COMMUNICATIONS, ENCRYPT_STORAGE] (unusable: "
                + notYetMade(ALICE_MADE, at)
                + ")");
    assertThat(d.keys()).allSatisfy(k -> assertThat(k.usableCapabilities()).isEmpty());
    assertThat(alice.certificate().describe(at).keys().get(0).whyUnusable())
        .hasValue(notYetMade(ALICE_MADE, at));
    assertThat(alice.describe(ALICE_MADE).keys()).allSatisfy(k -> assertThat(k.usable()).isTrue());
  }

  @Test
  void describe_beforeTheKeyWasMade_eachKeyShowsWhatItsNewestSelfSignatureDeclares() {
    CraftedCertificate c =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY | SIGN))
            .primary(Sig.userId(CERTIFY).made(MADE.plus(Duration.ofDays(1))))
            .signingSubkey(Sig.binding(SIGN))
            .encryptionSubkey(Sig.binding(ENCRYPT));
    KeyDescription d = c.key().describe(MADE.minus(Duration.ofMinutes(1)));

    assertThat(d.keys())
        .extracting(ComponentKey::capabilities)
        .containsExactly(
            Set.of(KeyCapability.CERTIFY),
            Set.of(KeyCapability.SIGN),
            Set.of(KeyCapability.ENCRYPT_COMMUNICATIONS, KeyCapability.ENCRYPT_STORAGE));
    assertThat(d.keys())
        .allSatisfy(
            k -> {
              assertThat(k.usableCapabilities()).isEmpty();
              assertThat(k.whyUnusable())
                  .hasValue(notYetMade(MADE, MADE.minus(Duration.ofMinutes(1))));
            });
    assertThat(c.key().describe(MADE.plus(Duration.ofDays(2))).keys())
        .extracting(ComponentKey::usableCapabilities)
        .containsExactly(
            Set.of(KeyCapability.CERTIFY),
            Set.of(KeyCapability.SIGN),
            Set.of(KeyCapability.ENCRYPT_COMMUNICATIONS, KeyCapability.ENCRYPT_STORAGE));
  }

  @Test
  void describe_afterThePrimaryKeyBeforeTheSubkeysWereMade_theSubkeysSaySo() {
    Instant subkeysMade = MADE.plus(Duration.ofHours(1));
    CraftedCertificate c = madeApart(MADE, subkeysMade);
    Instant at = MADE.plus(Duration.ofMinutes(30)).plusMillis(999);
    KeyDescription d = c.key().describe(at);

    assertThat(d.primaryKey().usable()).isTrue();
    assertThat(d.keys().subList(1, 3))
        .allSatisfy(
            k ->
                assertThat(k.whyUnusable())
                    .hasValue(notYetMade(subkeysMade, MADE.plus(Duration.ofMinutes(30)))));
    assertThat(c.key().describe(subkeysMade).keys())
        .allSatisfy(k -> assertThat(k.usable()).isTrue());
  }
}
