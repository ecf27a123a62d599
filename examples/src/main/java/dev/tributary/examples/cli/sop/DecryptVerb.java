package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.DecryptionResult;
import dev.tributary.pgp.PgpCipherRefusedException;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.SignatureVerification;
import dev.tributary.pgp.TextLineEndings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.jspecify.annotations.Nullable;

/**
 * {@code sop} verb: decrypts stdin with the keys, the passwords or the session keys. The first 16
 * MiB of plaintext are held back until the message passes its integrity check ({@link
 * HeldBackOutput}), so a tampered or truncated message up to that size writes nothing. Text
 * (literal data 't' or 'u', stored with CRLF) is written with the platform's line endings, so that
 * {@code encrypt --as=text} of LF text decrypts to the same bytes, as sop-java's suite expects.
 */
final class DecryptVerb implements Verb {
  @Override
  public String description() {
    return "Decrypts stdin with the keys, the passwords or the session keys.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Verb.value(
                "session-key-out", "SESSIONKEY", "Writes the message's session key to this file."))
        .addOption(
            Verb.value(
                "with-session-key",
                "SESSIONKEY",
                "A file with a session key to decrypt with (ALGONUM:HEXKEY)."))
        .addOption(
            Verb.value("with-password", "PASSWORD", "A file with a password to decrypt with."))
        .addOption(Verb.value("with-key-password", "PASSWORD", "A file with a key's password."))
        .addOption(Verb.value("verify-with", "CERTS", "Checks signatures by these certificates."))
        .addOption(
            Verb.value(
                "verifications-out", "VERIFICATIONS", "Writes the valid signatures to this file."))
        .addOption(Verb.value("verify-out", "VERIFICATIONS", "Old name of --verifications-out."))
        .addOption(Verb.value("verify-not-before", "DATE", "See verify --not-before."))
        .addOption(Verb.value("verify-not-after", "DATE", "See verify --not-after."));
  }

  @Override
  public Arity arity() {
    return Arity.any("KEY");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<String> passwordFiles = Verb.values(line, "with-password");
    List<String> sessionKeyFiles = Verb.values(line, "with-session-key");
    if (line.getArgList().isEmpty() && passwordFiles.isEmpty() && sessionKeyFiles.isEmpty()) {
      throw new SopExit.Failure(
          SopExit.MISSING_ARG,
          "missing argument: expected KEY..., --with-password or --with-session-key");
    }
    Path sessionKeyOut = SopIo.newOutputFile(Verb.single(line, "session-key-out"));
    PgpDecryptor.Builder b =
        PgpDecryptor.builder()
            .sessionKeys(SopIo.sessionKeys(sessionKeyFiles))
            .keys(SopIo.decryptionKeys(line.getArgList(), Verb.values(line, "with-key-password")))
            .passwords(SopIo.passwords(passwordFiles))
            .revealSessionKey(sessionKeyOut != null)
            .textLineEndings(TextLineEndings.NATIVE);
    List<String> verifyWith = Verb.values(line, "verify-with");
    String verificationsName = verificationsOut(line);
    if (verifyWith.isEmpty() != (verificationsName == null)) {
      throw new SopExit.Failure(
          SopExit.INCOMPLETE_VERIFICATION,
          verifyWith.isEmpty()
              ? "--verifications-out needs --verify-with: the certificates to check signatures by"
              : "--verify-with needs --verifications-out: the file to write the valid signatures"
                  + " to (the exit code does not say whether a signature was valid)");
    }
    SopIo.certs(verifyWith).forEach(b::verifyWith);
    Path verificationsOut = SopIo.newOutputFile(verificationsName);
    SignatureWindow window =
        SignatureWindow.of(line, "verify-not-before", "verify-not-after", Instant.now());
    HeldBackOutput held = new HeldBackOutput(out, HeldBackOutput.LIMIT);
    DecryptionResult result;
    try {
      result = b.build().decrypt(in, held);
    } catch (PgpCipherRefusedException e) {
      throw refusedCipher(e);
    }
    held.release();
    out.flush(); // before the indirect outputs, which @FD:1 appends to the same output
    if (sessionKeyOut != null) {
      SopIo.writeNew(
          sessionKeyOut, Objects.requireNonNull(result.sessionKey()).revealText() + "\n");
    }
    if (verificationsOut != null) {
      StringBuilder lines = new StringBuilder();
      for (SignatureVerification v : result.signatures()) {
        if (window.counts(v)) {
          lines.append(SopIo.verificationLine(v));
        }
      }
      SopIo.writeNew(verificationsOut, lines.toString());
    }
  }

  /**
   * A cipher sop will not decrypt with, in sop's words (the library's message names its Java API):
   * "unable to decrypt" (29), as sqop exits for IDEA. sop offers no option to accept a legacy
   * cipher, since the draft defines none: the sender has to encrypt with AES.
   */
  static SopExit.Failure refusedCipher(PgpCipherRefusedException e) {
    String cipher = e.cipherName();
    String what;
    if (e.reason() == PgpDataException.Reason.WEAK_ALGORITHM) {
      what =
          cipher
              + ", which sop refuses as weak: it decrypts under the default policy, which refuses"
              + " the legacy ciphers with 64-bit blocks (3DES, CAST5, Blowfish)";
    } else if (cipher.equals("ID " + e.cipherId())) {
      what = "an unknown cipher (" + cipher + ")";
    } else {
      what = cipher + ", a legacy cipher with 64-bit blocks that sop does not implement";
    }
    return new SopExit.Failure(
        SopExit.CANNOT_DECRYPT,
        "cannot decrypt: the message is encrypted with "
            + what
            + "; ask the sender to encrypt with AES");
  }

  /** The file of {@code --verifications-out}, or of its older name {@code --verify-out}. */
  private static @Nullable String verificationsOut(CommandLine line) {
    String newName = Verb.single(line, "verifications-out");
    String oldName = Verb.single(line, "verify-out");
    if (newName != null && oldName != null) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_OPTION, "--verifications-out and --verify-out are the same option");
    }
    return newName != null ? newName : oldName;
  }
}
