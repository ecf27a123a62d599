package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpCipherRefusedException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.SymmetricAlgorithm;

/** The names of OpenPGP's symmetric cipher IDs in errors, and the refusals that name them. */
public final class CipherNames {
  /** The one cipher of RFC 4880 that this library does not implement (RFC 9580, section 9.3). */
  private static final int IDEA = 1;

  private CipherNames() {}

  /**
   * The cipher's name and its ID, as errors print it: "CAST5 (ID 3)", "IDEA (ID 1)", or "ID 99" for
   * an ID that names no cipher.
   */
  public static String describe(int id) {
    if (id == IDEA) {
      return "IDEA (ID 1)";
    }
    for (SymmetricAlgorithm a : SymmetricAlgorithm.values()) {
      if (a.id() == id) {
        return a.displayName() + " (ID " + id + ")";
      }
    }
    return "ID " + id;
  }

  /**
   * The refusal of cipher {@code id}, which this library does not implement: IDEA, named as a
   * legacy cipher, or an ID no cipher has.
   *
   * @param what the words before the cipher's name, such as "the message is encrypted with"
   */
  static PgpCipherRefusedException unsupported(String what, int id) {
    String name = describe(id);
    return new PgpCipherRefusedException(
        Reason.UNSUPPORTED,
        id,
        name,
        id == IDEA
            ? what
                + " IDEA (ID 1), a legacy cipher with 64-bit blocks that this library does not"
                + " implement; ask the sender to use AES"
            : what + " an unknown cipher (" + name + ")");
  }
}
