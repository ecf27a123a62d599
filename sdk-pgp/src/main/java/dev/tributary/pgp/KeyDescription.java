package dev.tributary.pgp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a key is: its fingerprint, user IDs, and every primary key and subkey with algorithm, size,
 * dates and capabilities. {@link #toString()} gives a readable summary in the spirit of {@code gpg
 * --list-keys}.
 *
 * @param fingerprint the primary key's fingerprint
 * @param userIds the user IDs, e.g. "Alice <alice@example.com>"
 * @param secret whether this describes a private key (else a public certificate)
 * @param keys the primary key first, then the subkeys
 */
public record KeyDescription(
    String fingerprint, List<String> userIds, boolean secret, List<ComponentKey> keys) {

  public KeyDescription {
    Objects.requireNonNull(fingerprint, "fingerprint");
    userIds = List.copyOf(userIds);
    keys = List.copyOf(keys);
  }

  /** The primary key. */
  public ComponentKey primaryKey() {
    return keys.get(0);
  }

  /** Whether any key is protected by a passphrase. */
  public boolean isProtected() {
    return keys.stream().anyMatch(ComponentKey::isProtected);
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder(secret ? "private key " : "public key ").append(fingerprint);
    for (String uid : userIds) {
      s.append("\n  uid ").append(uid);
    }
    for (ComponentKey k : keys) {
      s.append(k.primary() ? "\n  pub " : "\n  sub ")
          .append(k.algorithm())
          .append(' ')
          .append(k.bits())
          .append(" v")
          .append(k.version())
          .append(' ')
          .append(k.keyId())
          .append(" created ")
          .append(day(k.created()));
      if (k.expires() != null) {
        s.append(" expires ").append(day(k.expires()));
      }
      s.append(' ').append(k.capabilities());
      if (k.revoked()) {
        s.append(" REVOKED");
      }
      if (k.isProtected()) {
        s.append(" protected");
      }
    }
    return s.toString();
  }

  private static String day(Instant instant) {
    return instant.toString().substring(0, 10);
  }
}
