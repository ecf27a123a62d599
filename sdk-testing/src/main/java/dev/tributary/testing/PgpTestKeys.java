package dev.tributary.testing;

import dev.tributary.core.auth.PgpPrivateKey;
import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.core.auth.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Fixed OpenPGP test keys, committed with their fingerprints, so that tests need neither key
 * generation (slow for RSA) nor a network. Made by GnuPG 2.2, Sequoia's {@code sqop} and
 * BouncyCastle (the v6 key) with {@code pgp/make-keys.sh} next to the key files. Never use them for
 * anything real: their private keys are public.
 *
 * <pre>{@code
 * PgpTestKeys.TestKey alice = PgpTestKeys.ALICE_RSA;
 * PgpCertificate cert = PgpCertificate.of(alice.publicKey());
 * PgpKey key = PgpKey.of(alice.privateKey());
 * }</pre>
 */
public final class PgpTestKeys {
  /**
   * A test key pair.
   *
   * @param name the resource base name, e.g. "alice-rsa3072"
   * @param fingerprint the primary key's fingerprint (upper-case hex)
   * @param encryptionKeyId the key ID of its encryption subkey, or "" if it has none usable
   * @param passphrase its passphrase, "" when not protected
   * @param madeBy which tool generated it
   */
  public record TestKey(
      String name, String fingerprint, String encryptionKeyId, String passphrase, String madeBy) {
    public TestKey {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The ASCII-armored public key. */
    public String armoredPublicKey() {
      return resource(name + ".pub.asc");
    }

    /** The ASCII-armored private key (protected when {@link #passphrase()} is not empty). */
    public String armoredPrivateKey() {
      return resource(name + ".sec.asc");
    }

    public PgpPublicKey publicKey() {
      return new PgpPublicKey(armoredPublicKey());
    }

    /** The private key with its (correct) passphrase. */
    public PgpPrivateKey privateKey() {
      return new PgpPrivateKey(Secret.of(armoredPrivateKey()), Secret.of(passphrase));
    }

    public boolean isProtected() {
      return !passphrase.isEmpty();
    }
  }

  /** GnuPG 2.2: RSA 3072 primary (sign, certify) and RSA 3072 encryption subkey; not protected. */
  public static final TestKey ALICE_RSA =
      new TestKey(
          "alice-rsa3072",
          "F9B6A0A93A029660C4E47A5031368D83A4407430",
          "8089BA27CA6BD022",
          "",
          "GnuPG 2.2");

  /** GnuPG 2.2: Ed25519 primary and Cv25519 encryption subkey; passphrase "bob passphrase". */
  public static final TestKey BOB_25519 =
      new TestKey(
          "bob-25519-protected",
          "A1A7B0B53A28EB6D6F65011DA567A3E61E79EDD5",
          "DED9B6459C66F399",
          "bob passphrase",
          "GnuPG 2.2");

  /**
   * Sequoia (sqop 0.27): Ed25519 primary, signing and Cv25519 encryption subkeys; not protected.
   * Sequoia sets an expiry: the key expires on 2029-11-26 at 22:57:57 UTC.
   */
  public static final TestKey CAROL_SEQUOIA =
      new TestKey(
          "carol-sequoia",
          "C8D3651A07B534B128009A06E9D04EC326B0E4DE",
          "52FC57EEBFA4986C",
          "",
          "Sequoia sqop");

  /** Sequoia (sqop 0.27), like Carol, protected with "carol passphrase"; expires 2029-11-26. */
  public static final TestKey DAVE_SEQUOIA =
      new TestKey(
          "dave-sequoia-protected",
          "ADA481AE3A5C555AC485FBCB38F9B9FBC3428C8E",
          "D24CF85D412F5636",
          "carol passphrase",
          "Sequoia sqop");

  /** BouncyCastle 1.87: an RFC 9580 v6 key, Ed25519 with an X25519 subkey; not protected. */
  public static final TestKey EVE_V6 =
      new TestKey("eve-v6", EveV6.FINGERPRINT, EveV6.ENCRYPTION_KEY_ID, "", "BouncyCastle 1.87");

  /** GnuPG 2.2: its only encryption subkey expired on 2020-12-31. */
  public static final TestKey EXPIRED_SUBKEY =
      new TestKey(
          "expired-subkey", "B9C6CFEAF8E354B8CED5D997D6D5BC2288AE14BD", "", "", "GnuPG 2.2");

  /** GnuPG 2.2: its only encryption subkey (7184…E439) is revoked. */
  public static final TestKey REVOKED_SUBKEY =
      new TestKey(
          "revoked-subkey", "F751037259E7848D525ACC64A7F5F69FE2808C41", "", "", "GnuPG 2.2");

  /** GnuPG 2.2: a single RSA 1024 key, below the default policy's 2048 bits. */
  public static final TestKey WEAK_RSA_1024 =
      new TestKey("weak-rsa1024", "FE9A2E603276A522722C1FFA71EFEE8396FE9A0F", "", "", "GnuPG 2.2");

  /** GnuPG 2.2: an Ed25519 key without any encryption subkey. */
  public static final TestKey SIGN_ONLY =
      new TestKey("sign-only", "CE83C068E1D76E7E18C66F0537FABE48EDC428B4", "", "", "GnuPG 2.2");

  /** The keys that can receive messages. */
  public static final List<TestKey> ENCRYPTION_KEYS =
      List.of(ALICE_RSA, BOB_25519, CAROL_SEQUOIA, DAVE_SEQUOIA, EVE_V6);

  private PgpTestKeys() {}

  static String resource(String file) {
    String path = "pgp/" + file;
    try (InputStream in = PgpTestKeys.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test key resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Filled in once the v6 key is generated; kept apart to keep the list above readable. */
  private static final class EveV6 {
    static final String FINGERPRINT =
        "851C50C7211D090B41C534031367210A07C60537BB89B8E245023EBC68016EAA";
    static final String ENCRYPTION_KEY_ID = "8F01C2CA4EB14BC7";
  }
}
