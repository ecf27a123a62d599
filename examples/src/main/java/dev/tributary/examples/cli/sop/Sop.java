package dev.tributary.examples.cli.sop;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpCertificationException;
import dev.tributary.pgp.PgpCipherRefusedException;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.PgpKeyCannotEncryptException;
import dev.tributary.pgp.PgpKeyCannotSignException;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpWrongKeyException;
import dev.tributary.pgp.PgpWrongPassphraseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Runs one Stateless OpenPGP verb. Certificates, keys and password files are named as arguments;
 * data comes on {@code in} and results go to {@code out} as bytes; errors are one line on {@code
 * err} and an exit code of draft-dkg-openpgp-stateless-cli (29 cannot decrypt, 31 password not
 * human-readable, 41 bad data, 67 key is protected, 19 missing argument, 37 unsupported option, 69
 * unsupported subcommand, 89 unsupported profile, 107 user ID not certified, 109 key cannot
 * certify, …).
 *
 * <p>Arguments are parsed with Apache Commons CLI, not picocli like the rest of the runner: a sop
 * call is usually a fresh JVM, and building even one verb's picocli model cost it some 0.3 s, four
 * times the Commons CLI parse. Thread-safe: {@link #run} keeps no state between calls.
 */
public final class Sop {
  /** The verbs, in the order {@code sop help} lists them. */
  private static final Map<String, Supplier<Verb>> VERBS = new LinkedHashMap<>();

  static {
    for (String name :
        new String[] {
          "version",
          "list-profiles",
          "generate-key",
          "change-key-password",
          "revoke-key",
          "update-key",
          "extract-cert",
          "merge-certs",
          "certify-userid",
          "validate-userid",
          "encrypt",
          "decrypt",
          "sign",
          "verify",
          "inline-sign",
          "inline-verify",
          "inline-detach",
          "armor",
          "dearmor",
          "help"
        }) {
      VERBS.put(name, new Named(name));
    }
  }

  /**
   * Makes the verb of one name. One class rather than a lambda or method reference per verb: a
   * fresh JVM links each of those when the table is built, on every call (the 20 of them cost 6–8
   * 10 ms of a 0.34 s {@code sop decrypt}).
   */
  private static final class Named implements Supplier<Verb> {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public Verb get() {
      switch (name) {
        case "version":
          return new VersionVerb(VERBS);
        case "list-profiles":
          return new ListProfilesVerb(VERBS);
        case "generate-key":
          return new GenerateKeyVerb();
        case "change-key-password":
          return new ChangeKeyPasswordVerb();
        case "revoke-key":
          return new RevokeKeyVerb();
        case "update-key":
          return new UpdateKeyVerb();
        case "extract-cert":
          return new ExtractCertVerb();
        case "merge-certs":
          return new MergeCertsVerb();
        case "certify-userid":
          return new CertifyUserIdVerb();
        case "validate-userid":
          return new ValidateUserIdVerb();
        case "encrypt":
          return new EncryptVerb();
        case "decrypt":
          return new DecryptVerb();
        case "sign":
          return new SignVerb();
        case "verify":
          return new VerifyVerb();
        case "inline-sign":
          return new InlineSignVerb();
        case "inline-verify":
          return new InlineVerifyVerb();
        case "inline-detach":
          return new InlineDetachVerb();
        case "armor":
          return ArmorVerb.armor();
        case "dearmor":
          return ArmorVerb.dearmor();
        case "help":
          return new HelpVerb(VERBS);
        default:
          throw new IllegalStateException("no verb " + name);
      }
    }
  }

  private Sop() {}

  /** Runs {@code args} (a verb and its arguments) and returns the exit code. */
  public static int run(InputStream in, OutputStream out, PrintWriter err, String... args) {
    try {
      requireReadableArguments(args);
      if (asksForHelp(args)) {
        args = new String[] {"help", args[0]};
      }
      Verb verb = verb(args);
      CommandLine line = parse(args[0], verb, Arrays.copyOfRange(args, 1, args.length));
      verb.run(line, in, out);
      return SopExit.OK;
    } catch (ParseException e) {
      err.println("sop: " + parseFailure(args[0], e));
      return e instanceof MissingArgumentException || e instanceof MissingOptionException
          ? SopExit.MISSING_ARG
          : SopExit.UNSUPPORTED_OPTION; // unrecognized or ambiguous option, and the rest
    } catch (IOException | RuntimeException e) {
      err.println("sop: " + message(e));
      return exitCode(e);
    } finally {
      err.flush();
    }
  }

  /**
   * Refuses arguments the JVM could not decode, which it turns into U+FFFD: under a locale whose
   * character set is not UTF-8 (LANG unset, C or POSIX, as in many containers and cron jobs) JDK 17
   * reads every non-ASCII byte so, and under a UTF-8 locale every byte that is not UTF-8. A user ID
   * such as "Jörg" would be stored damaged, and a file name would not be found. Names the argument
   * and the fix, never the argument itself, which could be a secret.
   */
  static void requireReadableArguments(String... args) {
    String charset = System.getProperty("sun.jnu.encoding", "");
    boolean utf8 = charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
    for (int i = 0; i < args.length; i++) {
      if (args[i].indexOf('\uFFFD') >= 0) {
        throw new SopExit.Failure(
            1,
            "argument "
                + (i + 1)
                + (utf8
                    ? " is not UTF-8 (or holds U+FFFD, the replacement character); give it as UTF-8"
                    : " holds characters this JVM could not read: it decodes arguments as "
                        + charset
                        + ", so anything but ASCII is lost; run sop under a UTF-8 locale"
                        + " (LANG=C.UTF-8, say)"));
      }
    }
  }

  /**
   * Whether {@code args} are a verb followed by {@code --help} among its options (before any {@code
   * --}): {@code sop sign --help} is {@code sop help sign}, as in sqop.
   */
  private static boolean asksForHelp(String... args) {
    if (args.length < 2 || !VERBS.containsKey(args[0])) {
      return false;
    }
    for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals("--help")) {
        return true;
      }
    }
    return false;
  }

  private static Verb verb(String... args) {
    if (args.length == 0) {
      throw new SopExit.Failure(SopExit.MISSING_ARG, "name a verb: sop help lists them");
    }
    String name = args[0].equals("--help") ? "help" : args[0];
    Supplier<Verb> verb = VERBS.get(name);
    if (verb == null) {
      throw name.startsWith("-")
          ? new SopExit.Failure(SopExit.UNSUPPORTED_OPTION, "unknown option: " + name)
          : new SopExit.Failure(
              SopExit.UNSUPPORTED_SUBCOMMAND, "unknown verb: " + name + "; sop help lists them");
    }
    return verb.get();
  }

  /**
   * Parses a verb's arguments: options as {@code --name=value} or {@code --name value}, anywhere
   * among the positional arguments until {@code --}; whole option names only (no abbreviations),
   * and with two dashes only.
   */
  private static CommandLine parse(String name, Verb verb, String[] args) throws ParseException {
    Options options = verb.options();
    requireTwoDashes(name, options, args);
    CommandLine line =
        DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
    List<String> positional = line.getArgList();
    Verb.Arity arity = verb.arity();
    if (positional.size() < arity.min()) {
      throw new SopExit.Failure(SopExit.MISSING_ARG, "missing argument: expected " + arity.label());
    }
    if (positional.size() > arity.max()) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_OPTION, "unexpected argument: " + positional.get(arity.max()));
    }
    return line;
  }

  /**
   * Refuses an option given with one dash ({@code -no-armor}), which Commons CLI's parser takes for
   * the long option, having no setting against it: the draft's options have two, and a positional
   * argument beginning with a dash goes after {@code --}. An option's value given as the next
   * argument may begin with a dash, as the parser allows.
   */
  private static void requireTwoDashes(String name, Options options, String... args) {
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        Option option = options.getOption(arg.substring(2));
        if (option != null && option.hasArg()) {
          i++; // --name VALUE: the value is not an option, whatever its first character
        }
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new SopExit.Failure(SopExit.UNSUPPORTED_OPTION, unknownOption(name, arg));
      }
    }
  }

  private static String unknownOption(String verb, String option) {
    return "unknown option: " + option + "; sop help " + verb + " lists the options";
  }

  /** The parser's complaint in sop's words, saying what was expected. */
  private static String parseFailure(String verb, ParseException e) {
    if (e instanceof MissingArgumentException m) {
      Option o = m.getOption();
      String desc = o.getDescription() == null ? "" : o.getDescription();
      return "--"
          + o.getLongOpt()
          + " needs a value, as --"
          + o.getLongOpt()
          + "="
          + o.getArgName()
          + (desc.isEmpty()
              ? ""
              : ": " + Character.toLowerCase(desc.charAt(0)) + desc.substring(1));
    }
    if (e instanceof UnrecognizedOptionException u) {
      return unknownOption(verb, u.getOption());
    }
    return e.getMessage();
  }

  /**
   * The message of {@code e} in sop's words. The library's messages end in hints naming its Java
   * API ("accept it with PgpPolicy.legacySenders()", "(PgpPolicy.minimumRsaBits)"), which mean
   * nothing on the command line, and sop has no option to change the policy: {@link
   * #withoutJavaHints} drops them. A weak password S2K, the one refusal with a reason of its own
   * ({@code WEAK_ALGORITHM} on a plain {@link PgpDataException}), says what the sender can do. A
   * certification refused for a user ID its certificate binds at no time points to {@code
   * certifyAddingUserIds}, which is {@code certify-userid --no-require-self-sig} here.
   */
  static String message(Throwable e) {
    String message = withoutJavaHints(String.valueOf(e.getMessage()));
    if (isWeakPasswordHashing(e)) {
      return "cannot decrypt: " + message;
    }
    if (e instanceof PgpCertificationException c
        && c.reason() == PgpCertificationException.Reason.USER_ID_NOT_BOUND) {
      return message.replace(ADDING_USER_IDS, "certify it with --no-require-self-sig");
    }
    return message;
  }

  /**
   * The library refuses a message whose password is hashed with the simple or salted S2K as {@code
   * WEAK_ALGORITHM}; a refused cipher, the other weak algorithm, is a {@link
   * PgpCipherRefusedException} that {@code decrypt} words itself.
   */
  private static boolean isWeakPasswordHashing(Throwable e) {
    return e instanceof PgpDataException d
        && !(e instanceof PgpCipherRefusedException)
        && d.reason() == PgpDataException.Reason.WEAK_ALGORITHM;
  }

  /** How the library's refusal of an unbound user ID names the call that certifies it anyway. */
  private static final String ADDING_USER_IDS = "certify it with certifyAddingUserIds";

  /** The Java API hints the library's policy messages carry, with the text that introduces them. */
  private static final Pattern JAVA_HINT =
      Pattern.compile(
          ",? or accept it with PgpPolicy\\.\\w+\\(\\)" // weak password S2K
              + "|; PgpPolicy\\.\\w+ allows it" // SHA-1 signatures
              + "| \\(PgpPolicy\\.\\w+ (?:accepts|allows) (?:it|them)\\)" // SHA-1 self-signatures
              + "| \\(PgpPolicy\\.\\w+\\)" // minimum RSA bits, decompression limit
              + "|; raise the limit if it is genuine"); // which sop cannot

  /**
   * {@code message} without the library's hints that name its Java API, which a sop user cannot
   * call; the rest of the message, what is refused and why, stays.
   */
  static String withoutJavaHints(String message) {
    return JAVA_HINT.matcher(message).replaceAll("");
  }

  static int exitCode(Throwable e) {
    if (e instanceof SopExit.Failure f) {
      return f.code;
    }
    if (isWeakPasswordHashing(e)) {
      return SopExit.CANNOT_DECRYPT; // valid data sop will not decrypt, as for a legacy cipher
    }
    if (e instanceof PgpKeyCannotEncryptException) {
      return SopExit.CERT_CANNOT_ENCRYPT; // encrypt
    }
    if (e instanceof PgpKeyCannotSignException) {
      return SopExit.KEY_CANNOT_SIGN; // sign, inline-sign, encrypt --sign-with
    }
    if (e instanceof PgpCertificationException c) {
      return c.reason() == PgpCertificationException.Reason.KEY_CANNOT_CERTIFY
          ? SopExit.KEY_CANNOT_CERTIFY
          : SopExit.CERT_USERID_NO_MATCH;
    }
    if (e instanceof PgpWrongPassphraseException) {
      return SopExit.KEY_IS_PROTECTED;
    }
    if (e instanceof PgpWrongKeyException || e instanceof PgpIntegrityException) {
      return SopExit.CANNOT_DECRYPT;
    }
    if (e instanceof PgpDataException || e instanceof PgpKeyException) {
      return SopExit.BAD_DATA;
    }
    // I/O failures (TransientException) and bugs: the draft's generic failure.
    return e instanceof TributaryException t && t.errorClass() == ErrorClass.VALIDATION
        ? SopExit.BAD_DATA
        : 1;
  }
}
