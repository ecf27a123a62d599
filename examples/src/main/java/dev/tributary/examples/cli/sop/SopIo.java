package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.SignatureVerification;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What the sop verbs share: reading argument files, keys with passwords, certificates. */
final class SopIo {
  private SopIo() {}

  static byte[] readFile(String name) {
    try {
      return Files.readAllBytes(Path.of(name));
    } catch (IOException e) {
      throw new SopExit.Failure(
          SopExit.MISSING_INPUT, "cannot read " + name + ": " + e.getMessage());
    }
  }

  /**
   * The passwords in {@code files} for unlocking or decrypting: each without its trailing
   * whitespace (a password file's newline) and, when it had some, also as given, as the draft
   * advises. The stripped form comes first: it is the likely one, and each try costs a password
   * hashing (up to Argon2's 64 MiB and 0.3 s).
   */
  static List<Secret> passwords(List<String> files) {
    List<Secret> secrets = new ArrayList<>();
    for (String f : files) {
      String text = new String(readFile(f), StandardCharsets.UTF_8);
      String stripped = text.stripTrailing();
      secrets.add(Secret.of(stripped));
      if (!stripped.equals(text)) {
        secrets.add(Secret.of(text));
      }
    }
    return secrets;
  }

  /**
   * The password in {@code file} for protecting something new (a key, a message): UTF-8 (else
   * {@code PASSWORD_NOT_HUMAN_READABLE}, 31), with trailing whitespace stripped, as the draft asks
   * of a password that makes new material, so that a password file's newline is not part of it;
   * nothing left is refused with 31 too.
   */
  static Secret newPassword(String file) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(readFile(file)))
              .toString()
              .stripTrailing();
    } catch (CharacterCodingException e) {
      throw new SopExit.Failure(
          SopExit.PASSWORD_NOT_HUMAN_READABLE,
          "the password in " + file + " is not UTF-8 text; use a password a person can type");
    }
    if (text.isEmpty()) {
      throw new SopExit.Failure(
          SopExit.PASSWORD_NOT_HUMAN_READABLE, "the password in " + file + " is empty");
    }
    return Secret.of(text);
  }

  /** {@link #newPassword} of each file. */
  static List<Secret> newPasswords(List<String> files) {
    List<Secret> secrets = new ArrayList<>();
    for (String f : files) {
      secrets.add(newPassword(f));
    }
    return secrets;
  }

  /** Every key in the files, each unlocked with the first password that fits. */
  static List<PgpKey> keys(List<String> files, List<String> passwordFiles) {
    List<Secret> passwords = passwords(passwordFiles);
    List<PgpKey> keys = new ArrayList<>();
    for (String f : files) {
      for (PgpKey key : PgpKey.readAll(readFile(f), Secret.empty())) {
        keys.add(unlock(key, passwords, "--with-key-password"));
      }
    }
    return keys;
  }

  /**
   * {@code key}, unlocked with the first of {@code passwords} that fits (given with {@code
   * option}); {@code KEY_IS_PROTECTED} (67) when none does.
   */
  static PgpKey unlock(PgpKey key, List<Secret> passwords, String option) {
    if (!key.isProtected()) {
      return key;
    }
    for (Secret p : passwords) {
      PgpKey candidate = PgpKey.readAll(key.encoded(), p).get(0);
      try {
        candidate.checkPassphrase();
        return candidate;
      } catch (PgpKeyException e) {
        // try the next password
      }
    }
    throw new SopExit.Failure(
        SopExit.KEY_IS_PROTECTED,
        "key " + key.fingerprint() + " is protected, and no " + option + " fits it");
  }

  /**
   * The failure to report for {@code e} from signing: {@code KEY_CANNOT_SIGN} (79) for a key
   * without a valid signing key, else {@code e} itself.
   */
  static RuntimeException signingFailure(PgpKeyException e) {
    return e.getMessage().contains("no valid signing key")
        ? new SopExit.Failure(SopExit.KEY_CANNOT_SIGN, e.getMessage())
        : e;
  }

  static List<PgpCertificate> certs(List<String> files) {
    List<PgpCertificate> certs = new ArrayList<>();
    for (String f : files) {
      certs.addAll(PgpCertificate.readAll(readFile(f)));
    }
    return certs;
  }

  /** Every certificate in the files, refusing private keys (41): for certificates passed on. */
  static List<PgpCertificate> publicCerts(List<String> files) {
    List<PgpCertificate> certs = new ArrayList<>();
    for (String f : files) {
      certs.addAll(PgpCertificate.readAllPublic(readFile(f)));
    }
    return certs;
  }

  /** Writes each key ASCII-armored, one block after another, or binary, one after another. */
  static void writeKeys(OutputStream out, List<PgpKey> keys, boolean armor) throws IOException {
    for (PgpKey key : keys) {
      if (armor) {
        write(out, key.armored().reveal());
      } else {
        out.write(key.encoded());
      }
    }
  }

  /** Writes each certificate ASCII-armored, one block after another, or binary. */
  static void writeCerts(OutputStream out, List<PgpCertificate> certs, boolean armor)
      throws IOException {
    for (PgpCertificate cert : certs) {
      if (armor) {
        write(out, cert.armored());
      } else {
        out.write(cert.encoded());
      }
    }
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  static String verificationLine(SignatureVerification v) {
    return v.created().truncatedTo(ChronoUnit.SECONDS)
        + " "
        + v.signingKeyFingerprint()
        + " "
        + v.signerFingerprint()
        + " mode:binary\n";
  }
}
