package dev.tributary.pgp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a key is: its fingerprint, user IDs, and every primary key and subkey with algorithm, size,
 * dates and capabilities, and why a key cannot be used, if it cannot. {@link #toString()} gives a
 * readable summary in the spirit of {@code gpg --list-keys}: revoked user IDs and keys are marked
 * {@code REVOKED}, and an unusable key says why.
 *
 * @param fingerprint the primary key's fingerprint
 * @param userIds the user IDs, e.g. "Alice <alice@example.com>", revoked ones included
 * @param revokedUserIds those of {@code userIds} that the key's owner revoked
 * @param secret whether this describes a private key (else a public certificate)
 * @param keys the primary key first, then the subkeys
 */
public record KeyDescription(
    String fingerprint,
    List<String> userIds,
    List<String> revokedUserIds,
    boolean secret,
    List<ComponentKey> keys) {

  public KeyDescription {
    Objects.requireNonNull(fingerprint, "fingerprint");
    userIds = List.copyOf(userIds);
    revokedUserIds = List.copyOf(revokedUserIds);
    keys = List.copyOf(keys);
  }

  /** The primary key. */
  public ComponentKey primaryKey() {
    return keys.get(0);
  }

  /** Whether the key's owner revoked {@code userId}. */
  public boolean isRevoked(String userId) {
    return revokedUserIds.contains(userId);
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
      if (revokedUserIds.contains(uid)) {
        s.append(" REVOKED");
      }
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
      k.whyUnusable().ifPresent(why -> s.append(" (unusable: ").append(why).append(')'));
    }
    return s.toString();
  }

  private static String day(Instant instant) {
    return instant.toString().substring(0, 10);
  }
}
