package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.PgpSignatures;
import dev.tributary.pgp.SignatureVerification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sop} verb: checks detached signatures over stdin. */
@Command(name = "verify", description = "Checks detached signatures over stdin.")
final class VerifyVerb implements Callable<Integer> {
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
            new ByteArrayInputStream(SopIo.readFile(signatures)),
            SopIo.certs(certs),
            PgpPolicy.defaults());
    int valid = 0;
    for (SignatureVerification v : results) {
      if (v.valid()) {
        SopIo.write(sop.out, SopIo.verificationLine(v));
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
