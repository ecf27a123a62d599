package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpKeyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Encodes key rings (binary or armored) and reads keys leniently, as command-line tools pass them.
 */
public final class KeyEncoding {
  private static final String BEGIN = "-----BEGIN PGP ";
  private static final String DASHES = "-----";

  private KeyEncoding() {}

  public static byte[] encode(PGPKeyRing ring) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (BCPGOutputStream pout = new BCPGOutputStream(out, PacketFormat.CURRENT)) {
        ring.encode(pout);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new SystemException("cannot encode a key in memory", e);
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

  /** The public keys of a secret key ring, with their signatures. */
  public static List<PGPPublicKey> publicKeys(PGPSecretKeyRing secret) {
    List<PGPPublicKey> keys = new ArrayList<>();
    secret.getPublicKeys().forEachRemaining(keys::add);
    return keys;
  }

  /** Every certificate in armored or binary data; private keys give their public part. */
  public static List<PGPPublicKeyRing> readPublicRings(byte[] data) {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (PGPKeyRing ring : read(data)) {
      rings.add(
          ring instanceof PGPSecretKeyRing secret
              ? new PGPPublicKeyRing(publicKeys(secret))
              : (PGPPublicKeyRing) ring);
    }
    return rings;
  }

  /** Every certificate in armored or binary data, refusing private keys. */
  public static List<PGPPublicKeyRing> readPublicRingsOnly(byte[] data) {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (PGPKeyRing ring : read(data)) {
      if (!(ring instanceof PGPPublicKeyRing cert)) {
        throw new PgpKeyException(
            "this is a private key "
                + KeyDescriber.fingerprint(ring.getPublicKey())
                + "; a certificate (public key) is expected here: give its certificate instead"
                + " (sop extract-cert, gpg --export)");
      }
      rings.add(cert);
    }
    return rings;
  }

  /** Every private key in armored or binary data. */
  public static List<PGPSecretKeyRing> readSecretRings(byte[] data) {
    List<PGPSecretKeyRing> rings = new ArrayList<>();
    for (PGPKeyRing ring : read(data)) {
      if (!(ring instanceof PGPSecretKeyRing secret)) {
        throw new PgpKeyException(
            "this is a public key (certificate) "
                + KeyDescriber.fingerprint(ring.getPublicKey())
                + "; a private key is needed here");
      }
      rings.add(secret);
    }
    return rings;
  }

  /**
   * Every key ring in armored (one or more blocks) or binary data. Parsed without evaluating
   * signatures: that happens when a key is used, and costs an RSA check per signature.
   */
  private static List<PGPKeyRing> read(byte[] bytes) {
    byte[] data = normalizeArmor(bytes);
    requireFooters(data);
    List<PGPKeyRing> rings = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
      InputStream current = in;
      while (true) {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(new MarkerSkippingPackets(current));
        Object o;
        while ((o = factory.nextObject()) != null) {
          if (o instanceof PGPKeyRing ring) {
            rings.add(ring);
          } else if (!(o instanceof PGPMarker)) {
            throw new PgpKeyException(
                "the key data holds something other than keys (" + ParseFailures.describe(o) + ")");
          }
        }
        if (!(current instanceof ArmoredInputStream armored) || armored.isEndOfStream()) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof PgpKeyException k) {
        throw k;
      }
      if (e instanceof PgpDataException d) { // a marker packet that is not one
        throw new PgpKeyException(d.getMessage(), d);
      }
      throw ParseFailures.damagedKey(e);
    }
    if (rings.isEmpty()) {
      throw new PgpKeyException("the data holds no OpenPGP key");
    }
    return rings;
  }

  /**
   * Armored {@code data} with LF line endings and no trailing whitespace (see {@link ArmorLines}):
   * BouncyCastle refuses armor header lines whose line endings differ. Binary data is returned.
   */
  private static byte[] normalizeArmor(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    if (!text.stripLeading().startsWith(BEGIN)) {
      return data;
    }
    return ArmorLines.normalizeKeys(text).getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Refuses armored data in which a block ends without its END line, as {@link ArmorText} does for
   * a single key: BouncyCastle ends a block at the end of the input just as at its footer, so a key
   * cut off after a whole packet would otherwise be read as complete. Binary data passes.
   */
  private static void requireFooters(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    if (!text.stripLeading().startsWith(BEGIN)) {
      return;
    }
    String open = null;
    for (String line : text.lines().map(String::strip).toList()) {
      if (line.startsWith(BEGIN) && line.endsWith(DASHES)) {
        if (open != null) {
          throw ArmorText.missingFooter(footer(open));
        }
        open = line.substring(BEGIN.length(), line.length() - DASHES.length());
        if (!ArmorLines.isLabel(open)) {
          throw new PgpKeyException(
              "an armor header line is damaged: it names no kind of OpenPGP block (a key begins"
                  + " with -----BEGIN PGP PUBLIC KEY BLOCK----- or -----BEGIN PGP PRIVATE KEY"
                  + " BLOCK-----); copy the key again");
        }
      } else if (open != null && line.startsWith(footer(open))) {
        if (!line.equals(footer(open))) {
          throw ArmorText.textAfterFooter(footer(open));
        }
        open = null;
      }
    }
    if (open != null) {
      throw ArmorText.missingFooter(footer(open));
    }
  }

  private static String footer(String block) {
    return "-----END PGP " + block + DASHES;
  }
}
