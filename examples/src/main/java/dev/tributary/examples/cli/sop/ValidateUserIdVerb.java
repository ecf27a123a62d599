package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: succeeds (0, no output) when every certificate on stdin has USERID certified by
 * one of the CERTS arguments, the authorities ({@link PgpCertificate#userIdsCertifiedBy}), as of
 * {@code --validate-at} (default now); else fails with 107, naming the first certificate without.
 * USERID must equal the user ID exactly; with {@code --addr-spec-only} it is an e-mail address,
 * compared with the address part ({@code <...>}) of each certified user ID. A certificate among the
 * authorities vouches for its own self-signed user IDs.
 */
final class ValidateUserIdVerb implements Verb {
  @Override
  public String description() {
    return "Checks that USERID of each certificate on stdin is certified by one of CERTS.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Verb.flag("addr-spec-only", "USERID is an e-mail address, matched against theirs."))
        .addOption(
            Verb.value(
                "validate-at",
                "DATE",
                "Checks the certifications as they stood at DATE (default: now)."));
  }

  @Override
  public Arity arity() {
    return new Arity("USERID CERTS...", 2, Integer.MAX_VALUE);
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<String> args = line.getArgList();
    String userId = args.get(0);
    boolean addrSpecOnly = line.hasOption("addr-spec-only");
    Instant at =
        SignatureWindow.date(
            "validate-at", Verb.single(line, "validate-at", "now"), Instant.now(), false);
    if (at == null) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_OPTION, "--validate-at must be a date and time or now, not -");
    }
    List<PgpCertificate> authorities = SopIo.certs(args.subList(1, args.size()));
    for (PgpCertificate cert : PgpCertificate.readAllPublic(in.readAllBytes())) {
      List<String> certified = cert.userIdsCertifiedBy(authorities, at);
      boolean match =
          addrSpecOnly
              ? certified.stream().anyMatch(u -> sameAddress(userId, addrSpec(u)))
              : certified.contains(userId);
      if (!match) {
        throw new SopExit.Failure(
            SopExit.CERT_USERID_NO_MATCH,
            "certificate "
                + cert.fingerprint()
                + " has no user ID "
                + (addrSpecOnly ? "with address " : "")
                + "'"
                + userId
                + "' certified by the given certificates"
                + (certified.isEmpty() ? "" : "; certified are " + certified));
      }
    }
  }

  /**
   * Whether two e-mail addresses are the same: the local part exactly, the domain in any case (RFC
   * 5321: domain names are case-insensitive, local parts need not be).
   */
  static boolean sameAddress(String a, String b) {
    int at = a.lastIndexOf('@');
    int bt = b.lastIndexOf('@');
    if (at < 0 || bt < 0) {
      return a.equals(b);
    }
    return a.substring(0, at).equals(b.substring(0, bt))
        && a.substring(at + 1).equalsIgnoreCase(b.substring(bt + 1));
  }

  /** The address in a user ID: between its last angle brackets, or the whole user ID. */
  static String addrSpec(String userId) {
    int open = userId.lastIndexOf('<');
    int close = userId.lastIndexOf('>');
    return open >= 0 && close > open ? userId.substring(open + 1, close) : userId.strip();
  }
}
