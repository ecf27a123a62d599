package dev.tributary.pgp;

import dev.tributary.pgp.internal.Days;
import dev.tributary.pgp.internal.TerminalText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a key is: its fingerprint, user IDs, and every primary key and subkey with algorithm, size,
 * dates and capabilities, and why a key cannot be used, if it cannot. {@link #toString()} gives a
 * readable summary in the spirit of {@code gpg --list-keys}: revoked user IDs and keys are marked
 * {@code REVOKED}, a revoked user ID with its revocation's date, reason and comment, and an
 * unusable key says why. User IDs and comments are the key owner's text: {@code toString()} escapes
 * their control, format (bidirectional) and line separating characters.
 *
 * @param fingerprint the primary key's fingerprint
 * @param userIds the user IDs, e.g. "Alice <alice@example.com>", revoked ones included
 * @param revokedUserIds those of {@code userIds} that the key's owner revoked
 * @param userIdRevocations how each of {@code revokedUserIds} was revoked (when, why, the owner's
 *     comment), in their order
 * @param secret whether this describes a private key (else a public certificate)
 * @param keys the primary key first, then the subkeys
 */
public record KeyDescription(
    String fingerprint,
    List<String> userIds,
    List<String> revokedUserIds,
    Map<String, KeyRevocation> userIdRevocations,
    boolean secret,
    List<ComponentKey> keys) {

  /**
   * @throws IllegalArgumentException if {@code userIdRevocations} names a user ID that is not among
   *     {@code revokedUserIds}
   */
  public KeyDescription {
    Objects.requireNonNull(fingerprint, "fingerprint");
    userIds = List.copyOf(userIds);
    revokedUserIds = List.copyOf(revokedUserIds);
    Map<String, KeyRevocation> copy = new LinkedHashMap<>();
    userIdRevocations.forEach(
        (userId, revocation) ->
            copy.put(
                Objects.requireNonNull(userId, "userIdRevocations key"),
                Objects.requireNonNull(revocation, "userIdRevocations value")));
    for (String userId : copy.keySet()) {
      if (!revokedUserIds.contains(userId)) {
        throw new IllegalArgumentException(
            "userIdRevocations names a user ID that is not among revokedUserIds: "
                + TerminalText.quote(userId));
      }
    }
    userIdRevocations = Collections.unmodifiableMap(copy);
    keys = List.copyOf(keys);
  }

  /**
   * A description without the user ID revocations' details: {@link #revocation(String)} finds none.
   */
  public KeyDescription(
      String fingerprint,
      List<String> userIds,
      List<String> revokedUserIds,
      boolean secret,
      List<ComponentKey> keys) {
    this(fingerprint, userIds, revokedUserIds, Map.of(), secret, keys);
  }

  /** The primary key. */
  public ComponentKey primaryKey() {
    return keys.get(0);
  }

  /** Whether the key's owner revoked {@code userId}. */
  public boolean isRevoked(String userId) {
    return revokedUserIds.contains(userId);
  }

  /**
   * How the key's owner revoked {@code userId}: when, for what reason (normally 32, "user ID no
   * longer valid"), with what comment; empty if they did not.
   */
  public Optional<KeyRevocation> revocation(String userId) {
    return Optional.ofNullable(userIdRevocations.get(userId));
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
      s.append("\n  uid ").append(TerminalText.escape(uid));
      if (revokedUserIds.contains(uid)) {
        s.append(" REVOKED").append(revocation(uid).map(KeyDescription::details).orElse(""));
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
          .append(Days.of(k.created()));
      if (k.expires() != null) {
        s.append(" expires ").append(Days.of(k.expires()));
      }
      s.append(' ').append(k.capabilities());
      if (k.revoked()) {
        s.append(" REVOKED");
      } else if (k.revocation() != null) {
        s.append(" (revoked on ")
            .append(Days.of(k.revocation().date()))
            .append(": ")
            .append(k.revocation().kind())
            .append(", then bound again)");
      }
      if (k.isProtected()) {
        s.append(" protected");
      }
      k.whyUnusable().ifPresent(why -> s.append(" (unusable: ").append(why).append(')'));
      if (k.revocation() != null && !k.revocation().comment().isEmpty()) {
        s.append(" revocation comment ").append(TerminalText.quote(k.revocation().comment()));
      }
    }
    return s.toString();
  }

  /** " (on 2025-03-01: user ID no longer valid, a soft revocation; comment "…")". */
  private static String details(KeyRevocation r) {
    return " (on "
        + Days.of(r.date())
        + ": "
        + r.kind()
        + (r.comment().isEmpty() ? "" : "; comment " + TerminalText.quote(r.comment()))
        + ")";
  }
}
