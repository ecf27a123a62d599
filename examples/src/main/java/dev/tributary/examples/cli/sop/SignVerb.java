package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpSignatures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sop} verb: makes a detached signature over stdin. */
@Command(name = "sign", description = "Makes a detached signature over stdin.")
final class SignVerb implements Callable<Integer> {
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
    List<PgpKey> signers = SopIo.keys(keys, keyPasswords);
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
