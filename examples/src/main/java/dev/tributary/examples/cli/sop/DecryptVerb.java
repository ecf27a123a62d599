package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.DecryptionResult;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.SignatureVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sop} verb: decrypts stdin with the keys. */
@Command(name = "decrypt", description = "Decrypts stdin with the keys.")
final class DecryptVerb implements Callable<Integer> {
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
    PgpDecryptor.Builder b = PgpDecryptor.builder().keys(SopIo.keys(keys, keyPasswords));
    SopIo.certs(verifyWith).forEach(b::verifyWith);
    DecryptionResult result = b.build().decrypt(sop.in, sop.out);
    if (verificationsOut != null) {
      StringBuilder lines = new StringBuilder();
      for (SignatureVerification v : result.signatures()) {
        if (v.valid()) {
          lines.append(SopIo.verificationLine(v));
        }
      }
      Files.writeString(Path.of(verificationsOut), lines);
    }
    return 0;
  }
}
