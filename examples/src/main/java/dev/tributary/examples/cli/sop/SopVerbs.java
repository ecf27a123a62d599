package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.Compression;
import dev.tributary.pgp.DecryptionResult;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.PgpSignatures;
import dev.tributary.pgp.SignatureVerification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The verbs of {@link Sop}, one small class each. */
final class SopVerbs {
  private SopVerbs() {}

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

  @Command(name = "version", description = "Prints the implementation's name and version.")
  static final class Version implements Callable<Integer> {
    @ParentCommand Sop sop;

    @Option(names = "--backend")
    boolean backend;

    @Option(names = "--extended")
    boolean extended;

    @Override
    public Integer call() throws IOException {
      String line = "tributary-sop 0.1.0\n";
      if (backend || extended) {
        line += "sdk-pgp on BouncyCastle 1.87 (JDK AES-NI fast path for SEIPD v1)\n";
      }
      write(sop.out, line);
      return 0;
    }
  }

  @Command(name = "generate-key", description = "Generates a private key.")
  static final class GenerateKey implements Callable<Integer> {
    @ParentCommand Sop sop;

    @Option(names = "--no-armor")
    boolean noArmor;

    @Option(names = "--with-key-password", paramLabel = "PASSWORD")
    @Nullable String passwordFile;

    @Option(names = "--profile", defaultValue = "default")
    String profile;

    @Parameters(paramLabel = "USERID", arity = "0..1")
    @Nullable String userId;

    @Override
    public Integer call() throws IOException {
      KeyProfile chosen = null;
      for (KeyProfile p : KeyProfile.values()) {
        if (p.profileName().equals(profile)) {
          chosen = p;
        }
      }
      if (chosen == null) {
        throw new SopExit.Failure(SopExit.UNSUPPORTED_PROFILE, "unknown profile: " + profile);
      }
      Secret password =
          passwordFile == null ? Secret.empty() : passwords(List.of(passwordFile)).get(0);
      PgpKey key = PgpKey.generate(chosen, userId == null ? "" : userId, password);
      if (noArmor) {
        sop.out.write(key.encoded());
      } else {
        write(sop.out, key.armored().reveal());
      }
      return 0;
    }
  }

  @Command(name = "extract-cert", description = "Extracts the certificate of a key on stdin.")
  static final class ExtractCert implements Callable<Integer> {
    @ParentCommand Sop sop;

    @Option(names = "--no-armor")
    boolean noArmor;

    @Override
    public Integer call() throws IOException {
      for (PgpKey key : PgpKey.readAll(sop.in.readAllBytes(), Secret.empty())) {
        if (noArmor) {
          sop.out.write(key.certificate().encoded());
        } else {
          write(sop.out, key.certificate().armored());
        }
      }
      return 0;
    }
  }

  @Command(name = "encrypt", description = "Encrypts stdin to the certificates.")
  static final class Encrypt implements Callable<Integer> {
    @ParentCommand Sop sop;

    @Option(names = "--no-armor")
    boolean noArmor;

    @Option(names = "--as", defaultValue = "binary")
    String as;

    @Option(names = "--sign-with", paramLabel = "KEY")
    List<String> signWith = new ArrayList<>();

    @Option(names = "--with-key-password", paramLabel = "PASSWORD")
    List<String> keyPasswords = new ArrayList<>();

    @Option(names = "--profile", defaultValue = "default")
    String profile;

    @Option(
        names = "--compression",
        defaultValue = "NONE",
        description = "Extension: NONE (the default, like other sop tools), ZIP, ZLIB or BZIP2.")
    Compression compression;

    @Parameters(paramLabel = "CERTS", arity = "1..*")
    List<String> certs;

    @Override
    public Integer call() throws IOException {
      if (!as.equals("binary")) {
        throw new SopExit.Failure(SopExit.UNSUPPORTED_OPTION, "only --as=binary is supported");
      }
      if (!profile.equals("default") && !profile.equals("rfc9580")) {
        throw new SopExit.Failure(SopExit.UNSUPPORTED_PROFILE, "unknown profile: " + profile);
      }
      PgpEncryptor.Builder b =
          PgpEncryptor.builder()
              .armor(!noArmor)
              .compression(compression)
              .allowAead(profile.equals("rfc9580"));
      try {
        b.recipients(certs(certs));
        keys(signWith, keyPasswords).forEach(b::signWith);
        b.build().encrypt(sop.in, sop.out);
      } catch (PgpKeyException e) {
        if (e.getMessage().contains("no key we may encrypt to")) {
          throw new SopExit.Failure(SopExit.CERT_CANNOT_ENCRYPT, e.getMessage());
        }
        throw e;
      }
      return 0;
    }
  }

  @Command(name = "decrypt", description = "Decrypts stdin with the keys.")
  static final class Decrypt implements Callable<Integer> {
    @ParentCommand Sop sop;

    @Option(names = "--with-key-password", paramLabel = "PASSWORD")
    List<String> keyPasswords = new ArrayList<>();

    @Option(names = "--verify-with", paramLabel = "CERTS")
    List<String> verifyWith = new ArrayList<>();

    @Option(
        names = {"--verifications-out", "--verify-out"},
        paramLabel = "VERIFICATIONS")
    @Nullable String verificationsOut;

    @Parameters(paramLabel = "KEY", arity = "1..*")
    List<String> keys;

    @Override
    public Integer call() throws IOException {
      PgpDecryptor.Builder b = PgpDecryptor.builder().keys(keys(keys, keyPasswords));
      certs(verifyWith).forEach(b::verifyWith);
      DecryptionResult result = b.build().decrypt(sop.in, sop.out);
      if (verificationsOut != null) {
        StringBuilder lines = new StringBuilder();
        for (SignatureVerification v : result.signatures()) {
          if (v.valid()) {
            lines.append(verificationLine(v));
          }
        }
        Files.writeString(Path.of(verificationsOut), lines);
      }
      return 0;
    }
  }

  @Command(name = "sign", description = "Makes a detached signature over stdin.")
  static final class Sign implements Callable<Integer> {
    @ParentCommand Sop sop;

    @Option(names = "--no-armor")
    boolean noArmor;

    @Option(names = "--as", defaultValue = "binary")
    String as;

    @Option(names = "--with-key-password", paramLabel = "PASSWORD")
    List<String> keyPasswords = new ArrayList<>();

    @Parameters(paramLabel = "KEYS", arity = "1..*")
    List<String> keys;

    @Override
    public Integer call() {
      if (!as.equals("binary")) {
        throw new SopExit.Failure(SopExit.UNSUPPORTED_OPTION, "only --as=binary is supported");
      }
      List<PgpKey> signers = keys(keys, keyPasswords);
      try {
        PgpSignatures.sign(sop.in, sop.out, signers, !noArmor);
      } catch (PgpKeyException e) {
        if (e.getMessage().contains("no valid signing key")) {
          throw new SopExit.Failure(SopExit.KEY_CANNOT_SIGN, e.getMessage());
        }
        throw e;
      }
      return 0;
    }
  }

  @Command(name = "verify", description = "Checks detached signatures over stdin.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand Sop sop;

    @Parameters(index = "0", paramLabel = "SIGNATURES")
    String signatures;

    @Parameters(index = "1..*", paramLabel = "CERTS", arity = "1..*")
    List<String> certs;

    @Override
    public Integer call() throws IOException {
      List<SignatureVerification> results =
          PgpSignatures.verify(
              sop.in,
              new ByteArrayInputStream(readFile(signatures)),
              certs(certs),
              PgpPolicy.defaults());
      int valid = 0;
      for (SignatureVerification v : results) {
        if (v.valid()) {
          write(sop.out, verificationLine(v));
          valid++;
        }
      }
      if (valid == 0) {
        throw new SopExit.Failure(
            SopExit.NO_SIGNATURE,
            "no valid signature"
                + (results.isEmpty() ? "" : ": " + results.get(0).failure().orElse("")));
      }
      return 0;
    }
  }
}
