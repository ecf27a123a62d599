package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpKeyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/** Reads binary key packets into BouncyCastle key rings, checking that they are the right kind. */
public final class KeyRings {
  private static final int TAG_SECRET_KEY = 5;
  private static final int TAG_PUBLIC_KEY = 6;

  private KeyRings() {}

  /** The certificates (public key rings) in {@code binary}; at least one. */
  public static List<PGPPublicKeyRing> publicRings(byte[] binary) {
    checkFirstPacket(binary, TAG_PUBLIC_KEY);
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (Object o : objects(binary)) {
      if (o instanceof PGPPublicKeyRing ring) {
        rings.add(ring);
      } else if (!(o instanceof PGPMarker)) {
        throw new PgpKeyException(
            "the public key block holds something other than public keys ("
                + ParseFailures.describe(o)
                + ")");
      }
    }
    return rings;
  }

  /** The private keys (secret key rings) in {@code binary}; at least one. */
  public static List<PGPSecretKeyRing> secretRings(byte[] binary) {
    checkFirstPacket(binary, TAG_SECRET_KEY);
    List<PGPSecretKeyRing> rings = new ArrayList<>();
    for (Object o : objects(binary)) {
      if (o instanceof PGPSecretKeyRing ring) {
        rings.add(ring);
      } else if (!(o instanceof PGPMarker)) {
        throw new PgpKeyException(
            "the private key block holds something other than private keys ("
                + ParseFailures.describe(o)
                + ")");
      }
    }
    return rings;
  }

  /**
   * A private copy of {@code ring}, for one use. BouncyCastle keeps a signature's verification
   * state in the signature object ({@code PGPSignature.init}, then update and verify), so two
   * threads checking the same certificate's signatures at once corrupt each other's checks: a
   * revocation that fails to verify leaves a revoked key valid, a binding that fails leaves a good
   * key unusable. {@code PgpCertificate} and {@code PgpKey} are shared between threads, so every
   * view of their rings ({@link #certificate}, {@link #key}) and every merge works on a copy.
   */
  public static PGPPublicKeyRing copy(PGPPublicKeyRing ring) {
    try {
      return new PGPPublicKeyRing(ring.getEncoded(), new BcKeyFingerprintCalculator());
    } catch (IOException e) {
      throw new UncheckedIOException("copying a certificate in memory failed", e);
    }
  }

  /** A private copy of {@code ring}; see {@link #copy(PGPPublicKeyRing)}. */
  public static PGPSecretKeyRing copy(PGPSecretKeyRing ring) {
    try {
      return new PGPSecretKeyRing(ring.getEncoded(), new BcKeyFingerprintCalculator());
    } catch (IOException | PGPException e) {
      throw new IllegalStateException("copying a private key in memory failed", e);
    }
  }

  /**
   * BouncyCastle's view of a certificate, which checks its self-signatures, over a copy of {@code
   * ring} ({@link #copy(PGPPublicKeyRing)}). Some of them it parses only here (the back-signature
   * embedded in a signing subkey's binding signature), and one it cannot read throws its own
   * exceptions: the key is damaged.
   */
  public static OpenPGPCertificate certificate(PGPPublicKeyRing ring, Engine engine) {
    try {
      return new OpenPGPCertificate(copy(ring), engine.implementation(), engine.bcPolicy());
    } catch (RuntimeException e) {
      throw damagedSignature(ring, e);
    }
  }

  /** BouncyCastle's view of a private key; see {@link #certificate}. */
  public static OpenPGPKey key(PGPSecretKeyRing ring, Engine engine) {
    try {
      return new OpenPGPKey(copy(ring), engine.implementation(), engine.bcPolicy());
    } catch (RuntimeException e) {
      throw damagedSignature(ring, e);
    }
  }

  private static PgpKeyException damagedSignature(PGPKeyRing ring, RuntimeException e) {
    return new PgpKeyException(
        "the key "
            + KeyDescriber.fingerprint(ring.getPublicKey())
            + " is damaged: one of its signatures cannot be read; export the key again",
        e);
  }

  private static void checkFirstPacket(byte[] binary, int expectedTag) {
    int b = binary[0] & 0xff;
    if ((b & 0x80) == 0) {
      throw new PgpKeyException(
          "the key data is damaged: it does not start with an OpenPGP packet");
    }
    int tag = PacketTag.of(b);
    if (tag == PacketTags.MARKER) {
      tag = tagAfterMarkers(binary);
    }
    if (tag == expectedTag) {
      return;
    }
    if (tag == TAG_SECRET_KEY) {
      throw new PgpKeyException(
          "the block is labelled as a public key but holds a private key; export the public key"
              + " (gpg --armor --export <key id>)");
    }
    if (tag == TAG_PUBLIC_KEY) {
      throw new PgpKeyException(
          "the block is labelled as a private key but holds only a public key; export the private"
              + " key (gpg --armor --export-secret-keys <key id>)");
    }
    throw new PgpKeyException(
        "the armored block holds no key (its first packet has tag " + tag + "); paste a key");
  }

  /**
   * The tag of the first packet after the marker packets {@code binary} begins with, as {@link
   * #objects} reads past them (a leading marker is no key's first packet, but GnuPG and readAll
   * read past it); a marker that is not exactly "PGP" is refused in the same words as there.
   */
  private static int tagAfterMarkers(byte[] binary) {
    int tag;
    try {
      tag = new MarkerSkippingPackets(new ByteArrayInputStream(binary)).nextPacketTag();
    } catch (PgpDataException e) {
      throw new PgpKeyException(e.getMessage(), e);
    } catch (IOException e) {
      throw ParseFailures.damagedKey(e);
    }
    if (tag < 0) {
      throw new PgpKeyException("the armored block holds no key");
    }
    return tag;
  }

  private static List<Object> objects(byte[] binary) {
    List<Object> objects = new ArrayList<>();
    try {
      BcPGPObjectFactory factory =
          new BcPGPObjectFactory(new MarkerSkippingPackets(new ByteArrayInputStream(binary)));
      Object o;
      while ((o = factory.nextObject()) != null) {
        objects.add(o);
      }
    } catch (PgpDataException e) { // a marker packet that is not one (MarkerSkippingPackets)
      throw new PgpKeyException(e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw ParseFailures.damagedKey(e);
    }
    if (objects.isEmpty()) {
      throw new PgpKeyException("the armored block holds no key");
    }
    return objects;
  }
}
