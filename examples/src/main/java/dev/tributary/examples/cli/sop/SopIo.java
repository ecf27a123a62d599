package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.SignatureVerification;
import java.io.IOException;
import java.io.OutputStream;
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

  static List<Secret> passwords(List<String> files) {
    List<Secret> secrets = new ArrayList<>();
    for (String f : files) {
      String text = new String(readFile(f), StandardCharsets.UTF_8);
      secrets.add(Secret.of(text));
      if (!text.strip().equals(text)) {
        secrets.add(Secret.of(text.strip()));
      }
    }
    return secrets;
  }

  /** Every key in the files, each unlocked with the first password that fits. */
  static List<PgpKey> keys(List<String> files, List<String> passwordFiles) {
    List<Secret> passwords = passwords(passwordFiles);
    List<PgpKey> keys = new ArrayList<>();
    for (String f : files) {
      for (PgpKey key : PgpKey.readAll(readFile(f), Secret.empty())) {
        keys.add(unlock(key, passwords));
      }
    }
    return keys;
  }

  private static PgpKey unlock(PgpKey key, List<Secret> passwords) {
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
        "key " + key.fingerprint() + " is protected, and no --with-key-password fits it");
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
