package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpKeyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sop} verb: encrypts stdin to the certificates. */
@Command(name = "encrypt", description = "Encrypts stdin to the certificates.")
final class EncryptVerb implements Callable<Integer> {
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
      b.recipients(SopIo.certs(certs));
      SopIo.keys(signWith, keyPasswords).forEach(b::signWith);
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
