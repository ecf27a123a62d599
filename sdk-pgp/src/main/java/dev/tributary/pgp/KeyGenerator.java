package dev.tributary.pgp;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.internal.KeyGeneration;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a new private key: {@code PgpKey.generator(KeyProfile.CURVE25519).userId("Exports
 * <exports@example.com>").passphrase(passphrase).generate()}. The key has a certifying primary key,
 * a signing subkey and, unless {@link #signingOnly()}, an encryption subkey; it expires five years
 * from now, or from its {@link #clock}'s now (BouncyCastle's default): plan its renewal. {@link
 * PgpKey#generate(KeyProfile, String, Secret)} is the short form for one user ID.
 *
 * <p>Not thread-safe; each {@link #generate()} makes a new key.
 */
public final class KeyGenerator {
  private final KeyProfile profile;
  private final List<String> userIds = new ArrayList<>();
  private Secret passphrase = Secret.empty();
  private boolean encryption = true;
  private Clock clock = Clock.systemUTC();

  KeyGenerator(KeyProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  /**
   * Adds a user ID, such as {@code "Example Exports <exports@example.com>"}; the first is marked
   * primary. None by default, and a key may have none, but GnuPG 2.2 refuses to import a key
   * without a user ID: add one for keys partners will use with GnuPG.
   *
   * @throws IllegalArgumentException if {@code userId} is empty or blank
   */
  public KeyGenerator userId(String userId) {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank: '" + userId + "'");
    }
    userIds.add(userId);
    return this;
  }

  /**
   * Protects the key with {@code passphrase}; {@link Secret#empty()} (the default) leaves it open.
   */
  public KeyGenerator passphrase(Secret passphrase) {
    this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
    return this;
  }

  /**
   * Leaves out the encryption subkey: the key only signs, and nothing can be encrypted to its
   * certificate ({@link PgpEncryptor} refuses it as a recipient). For a key that signs exports.
   */
  public KeyGenerator signingOnly() {
    this.encryption = false;
    return this;
  }

  /**
   * When the key is made: its keys' creation time and that of its self-signatures is the clock's
   * "now" when {@link #generate()} is called (in whole seconds, as OpenPGP stores it), and it
   * expires five years after that. Default: the system UTC clock. Tests pass a clock of their own
   * ({@code ManualClock} of sdk-testing) to make a key whose dates they know.
   */
  public KeyGenerator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Generates the key (an RSA key takes a second or more). */
  public PgpKey generate() {
    return new PgpKey(
        KeyGeneration.generate(
            profile,
            List.copyOf(userIds),
            passphrase,
            encryption,
            clock.instant().truncatedTo(ChronoUnit.SECONDS)),
        passphrase);
  }
}
