package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;

/**
 * Encodes key rings (binary or armored) and reads keys leniently, as command-line tools pass them.
 */
public final class KeyEncoding {
  private KeyEncoding() {}

  public static byte[] encode(PGPKeyRing ring) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (BCPGOutputStream pout = new BCPGOutputStream(out, PacketFormat.CURRENT)) {
        ring.encode(pout);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** ASCII armor around binary key packets, without a version header. */
  public static String armor(byte[] binary, boolean secret) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
      armor.write(binary);
    } catch (IOException e) {
      throw new SystemException("cannot armor a key in memory", e);
    }
    String text = out.toString(StandardCharsets.US_ASCII);
    if (secret && !text.contains("PRIVATE KEY BLOCK")) {
      throw new SystemException("armored a secret key with the wrong header");
    }
    return text;
  }

  public static String armor(PGPKeyRing ring) {
    return armor(encode(ring), ring instanceof PGPSecretKeyRing);
  }

  /** Every certificate in armored or binary data; private keys give their public part. */
  public static List<PGPPublicKeyRing> readPublicRings(byte[] data) {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (OpenPGPCertificate c : read(data)) {
      rings.add(
          c instanceof OpenPGPKey k
              ? k.toCertificate().getPGPPublicKeyRing()
              : c.getPGPPublicKeyRing());
    }
    return rings;
  }

  /** Every private key in armored or binary data. */
  public static List<PGPSecretKeyRing> readSecretRings(byte[] data) {
    List<PGPSecretKeyRing> rings = new ArrayList<>();
    for (OpenPGPCertificate c : read(data)) {
      if (!(c instanceof OpenPGPKey k)) {
        throw new PgpKeyException(
            "this is a public key (certificate) "
                + KeyDescriber.fingerprint(c.getPrimaryKey().getPGPPublicKey())
                + "; a private key is needed here");
      }
      rings.add(k.getPGPSecretKeyRing());
    }
    return rings;
  }

  private static List<OpenPGPCertificate> read(byte[] data) {
    Engine engine = Engine.of(PgpPolicy.defaults());
    List<OpenPGPCertificate> certs;
    try {
      certs =
          new OpenPGPKeyReader(engine.implementation(), engine.bcPolicy())
              .parseKeysOrCertificates(data);
    } catch (IOException | RuntimeException e) {
      throw new PgpKeyException(
          "cannot read the key data: it is damaged or not an OpenPGP key (" + e.getMessage() + ")",
          e);
    }
    if (certs.isEmpty()) {
      throw new PgpKeyException("the data holds no OpenPGP key");
    }
    return certs;
  }
}
