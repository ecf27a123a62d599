package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.examples.cli.JitDirectives;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpSessionKey;
import dev.tributary.pgp.SignatureType;
import dev.tributary.pgp.SignatureVerification;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** What the sop verbs share: reading argument files, keys with passwords, certificates. */
final class SopIo {
  private SopIo() {}

  /**
   * The bytes of an indirect input: a file, or a special designator ({@code @ENV:NAME},
   * {@code @FD:N}); {@code MISSING_INPUT} (61) when there is none such.
   */
  static byte[] readFile(String name) {
    Designator special = designator(name);
    Path file = Path.of(name);
    if (special != null && special.environment()) {
      String value = System.getenv(special.value());
      if (value == null) {
        throw new SopExit.Failure(
            SopExit.MISSING_INPUT,
            "cannot read " + name + ": the environment has no " + special.value());
      }
      return value.getBytes(StandardCharsets.UTF_8);
    } else if (special != null) {
      file = descriptor(name, special.value());
      if (!open(file)) {
        throw new SopExit.Failure(
            SopExit.MISSING_INPUT, "cannot read " + name + ": " + notOpen(special.value()));
      }
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      if (special != null) {
        // Open a moment ago, closed now: one the JVM opened for itself, not the caller's.
        throw new SopExit.Failure(
            SopExit.MISSING_INPUT,
            "cannot read " + name + ": descriptor " + special.value() + " is not open");
      }
      throw new SopExit.Failure(SopExit.MISSING_INPUT, "cannot read " + name + ": " + why(e));
    } catch (IOException e) {
      throw new SopExit.Failure(SopExit.MISSING_INPUT, "cannot read " + name + ": " + why(e));
    }
  }

  /** What went wrong with a file, in words: the JDK's exceptions give only the path. */
  static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * Whether descriptor {@code file} ({@code /dev/fd/N}) is the caller's: open when sop started. The
   * JVM opens descriptors of its own (its modules file, the jar, the random devices, its {@code
   * conf} files) at the lowest free numbers, and the runner's warm-up thread opens more while the
   * verb reads its arguments, so a number the caller left closed may be one of those: reading it
   * would read the JDK (130 MB of {@code lib/modules} as a password), writing it would write into
   * the random device.
   *
   * <p>When {@code main} recorded the descriptors open at its start ({@link CallerDescriptors}, for
   * a command line that names one), only those count, each with the same number and link target as
   * then: one opened since, by any thread, or closed and reused for another file, does not. A list
   * of the JVM's own files applies too, since the JVM opened some before {@code main}, and is all
   * there is without that record (an in-process caller, or a system whose descriptors cannot be
   * listed): files under {@code /proc} and {@code /sys}, which the JVM opens for a moment from any
   * thread (its container support reads the cgroup limits, at a garbage collection too); {@code
   * java.home}'s files and where its {@code conf} and {@code lib/security} links lead; the class
   * path; the random devices; the runner's own compiler directive, a file in the temporary
   * directory that its warm-up thread writes and the JVM reads ({@link JitDirectives}). A socket
   * counts as not open: the JVM keeps one of its own (NIO's, from the first file it reads that way)
   * at a low number, and {@code /dev/fd/N} cannot open a socket anyway, the caller's or the JVM's,
   * so the read or write would fail, a write after the work was done and its output written. One
   * that closes between this check and the read is reported as not open by {@link #readFile}.
   */
  private static boolean open(Path file) {
    Path target;
    try {
      target = Files.readSymbolicLink(file);
    } catch (NoSuchFileException e) {
      // Not open now; asking again (Files.exists) could find what a JVM thread opened since,
      // such as the warm-up's /dev/random, and its end would write the output into it.
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      return openAtStart(file, null) && Files.exists(file);
    }
    String path = target.toString();
    if (path.equals("/dev/random")
        || path.equals("/dev/urandom")
        || path.startsWith("/proc/")
        || path.startsWith("/sys/")
        || path.startsWith("socket:")) {
      return false;
    }
    String javaHome = System.getProperty("java.home", "/nonexistent");
    if (target.startsWith(realPath(javaHome)) || jdkLinkedFiles(javaHome).contains(target)) {
      return false;
    }
    Path name = target.getFileName();
    if (name != null
        && name.toString().startsWith(JitDirectives.FILE_PREFIX)
        && realPath(System.getProperty("java.io.tmpdir", "/nonexistent"))
            .equals(target.getParent())) {
      return false; // the runner's compiler directive, on its way to the JVM
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && target.equals(realPath(entry))) {
        return false;
      }
    }
    return openAtStart(file, path) && Files.exists(file);
  }

  /**
   * Whether descriptor {@code file}, whose link leads to {@code target} (null when unreadable), was
   * open at {@code main}'s start with the same target; true when {@code main} recorded nothing.
   */
  private static boolean openAtStart(Path file, @Nullable String target) {
    CallerDescriptors start = CallerDescriptors.atStart();
    return start == null || start.held(Integer.parseInt(file.getFileName().toString()), target);
  }

  /**
   * Where the JDK's own files that are links lead: Debian's JDK links {@code conf}'s files (such as
   * {@code logging.properties}, which the warm-up thread reads) and {@code lib/security}'s to
   * {@code /etc}, outside {@code java.home}.
   */
  private static Set<Path> jdkLinkedFiles(String javaHome) {
    Set<Path> linked = new HashSet<>();
    for (String folder : List.of("conf", "lib/security")) {
      try (Stream<Path> files = Files.walk(Path.of(javaHome, folder))) {
        files.filter(Files::isSymbolicLink).forEach(link -> linked.add(realPath(link.toString())));
      } catch (IOException | RuntimeException e) {
        // no such folder: nothing of the JDK's there
      }
    }
    return linked;
  }

  /** Why descriptor {@code number} cannot be used ({@link #open}). */
  private static String notOpen(String number) {
    return "descriptor " + number + " is not open (or is a socket, which /dev/fd cannot open)";
  }

  private static Path realPath(String name) {
    try {
      return Path.of(name).toRealPath();
    } catch (IOException | RuntimeException e) {
      return Path.of(name).toAbsolutePath().normalize();
    }
  }

  private static final String ENV = "@ENV:";
  private static final String FD = "@FD:";

  /**
   * A special designator of the draft: {@code @ENV:NAME}, an environment variable ({@code
   * environment}), or {@code @FD:N}, an open file descriptor; {@code value} is what follows the
   * prefix.
   */
  private record Designator(boolean environment, String value) {}

  /**
   * The special designator {@code name} is, or null for an ordinary file name.
   *
   * @throws SopExit.Failure {@code AMBIGUOUS_INPUT} (73) for a name beginning with {@code @} that
   *     is also a file, {@code UNSUPPORTED_SPECIAL_PREFIX} (71) for an {@code @} name that is
   *     neither designator
   */
  private static @Nullable Designator designator(String name) {
    if (!name.startsWith("@")) {
      return null;
    }
    if (Files.exists(Path.of(name), LinkOption.NOFOLLOW_LINKS)) {
      throw new SopExit.Failure(
          SopExit.AMBIGUOUS_INPUT,
          name + " is a file and a special designator alike; name the file as ./" + name);
    }
    if (name.startsWith(ENV)) {
      return new Designator(true, name.substring(ENV.length()));
    }
    if (name.startsWith(FD)) {
      return new Designator(false, name.substring(FD.length()));
    }
    throw new SopExit.Failure(
        SopExit.UNSUPPORTED_SPECIAL_PREFIX,
        name
            + ": a name beginning with @ is a special designator, and only @ENV:NAME and @FD:N"
            + " are known");
  }

  /** The file of open descriptor {@code number}, from the special designator {@code name}. */
  private static Path descriptor(String name, String number) {
    if (!number.matches("[0-9]{1,9}")) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_SPECIAL_PREFIX, name + ": @FD: takes a descriptor number");
    }
    Path file = Path.of("/dev/fd", number);
    if (!Files.isDirectory(file.getParent())) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_SPECIAL_PREFIX,
          name + ": this system has no /dev/fd to reach descriptors by");
    }
    return file;
  }

  /** Whether {@code file} is an open descriptor's, from {@code @FD:N}, not a file sop made. */
  static boolean isDescriptor(Path file) {
    return file.startsWith("/dev/fd");
  }

  /**
   * Whether {@code file}, an output's, is sop's own standard output: {@code @FD:1}, or a descriptor
   * that is a copy of it ({@code 3>&1}) or the same file ({@code >out 3>>out}). A terminal or
   * {@code /dev/null} on both does not count: there nothing is kept to be mixed up.
   */
  static boolean isStandardOutput(Path file) {
    if (!isDescriptor(file)) {
      return false;
    }
    Path stdout = Path.of("/dev/fd/1");
    if (file.equals(stdout)) {
      return true;
    }
    try {
      return !Files.readSymbolicLink(stdout).startsWith("/dev/") && Files.isSameFile(file, stdout);
    } catch (IOException | UnsupportedOperationException e) {
      return false; // no /dev/fd links to compare: only @FD:1 itself is known
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

  /**
   * The session keys in {@code files}, each {@code ALGONUM:HEXKEY} (a final newline is fine); a
   * malformed one is {@code BAD_DATA} (41), with what is wrong but not the key.
   */
  static List<PgpSessionKey> sessionKeys(List<String> files) {
    List<PgpSessionKey> keys = new ArrayList<>();
    for (String f : files) {
      try {
        keys.add(PgpSessionKey.parse(new String(readFile(f), StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        throw new SopExit.Failure(SopExit.BAD_DATA, f + ": " + e.getMessage());
      }
    }
    return keys;
  }

  /**
   * The file of an indirect output option, checked not to exist yet ({@code OUTPUT_EXISTS}, 59), so
   * that the work is not done for nothing; null when the option is absent.
   */
  static @Nullable Path newOutputFile(@Nullable String name) {
    if (name == null) {
      return null;
    }
    Designator special = designator(name);
    if (special != null && special.environment()) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_SPECIAL_PREFIX,
          name + ": @ENV: names an input; an output can go to a file or to @FD:N");
    } else if (special != null) {
      Path file = descriptor(name, special.value());
      if (!open(file)) {
        throw new SopExit.Failure(
            SopExit.MISSING_INPUT, "cannot write " + name + ": " + notOpen(special.value()));
      }
      return file;
    }
    Path file = Path.of(name);
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw outputExists(name);
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      // Before the work, not after the main output was written.
      throw new SopExit.Failure(
          SopExit.MISSING_INPUT, "cannot write " + name + ": no such folder " + folder);
    }
    return file;
  }

  /**
   * Creates and opens {@code file}, or opens an {@code @FD:N} descriptor's; 59 if the file has
   * appeared since {@link #newOutputFile}. A descriptor's file is opened anew, at its own offset:
   * in append mode, so that what sop writes lands after what is there (the caller's {@code
   * 3>>file}, or sop's own standard output when it is {@code @FD:1}; flush that first), not over
   * it.
   */
  static OutputStream create(Path file) throws IOException {
    if (isDescriptor(file)) {
      return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    try {
      return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw outputExists(file.toString());
    }
  }

  /** Writes {@code text} to {@code file}, which must not exist ({@code OUTPUT_EXISTS}, 59). */
  static void writeNew(Path file, String text) throws IOException {
    try (OutputStream out = create(file)) {
      write(out, text);
    }
  }

  private static SopExit.Failure outputExists(String name) {
    return new SopExit.Failure(SopExit.OUTPUT_EXISTS, name + " exists: sop does not overwrite it");
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
   * The keys in {@code files} for decryption: each protected one unlocked with the first password
   * that fits, or passed on locked when none does. The decryptor asks for a key's passphrase only
   * when the message is encrypted to it, so a locked key the message does not need is no failure;
   * one it needs fails as {@code KEY_IS_PROTECTED} (67) there.
   */
  static List<PgpKey> decryptionKeys(List<String> files, List<String> passwordFiles) {
    List<Secret> passwords = passwords(passwordFiles);
    List<PgpKey> keys = new ArrayList<>();
    for (String f : files) {
      for (PgpKey key : PgpKey.readAll(readFile(f), Secret.empty())) {
        keys.add(unlocked(key, passwords).orElse(key));
      }
    }
    return keys;
  }

  /**
   * {@code key}, unlocked with the first of {@code passwords} that fits (given with {@code
   * option}); {@code KEY_IS_PROTECTED} (67) when none does.
   */
  static PgpKey unlock(PgpKey key, List<Secret> passwords, String option) {
    return unlocked(key, passwords)
        .orElseThrow(
            () ->
                new SopExit.Failure(
                    SopExit.KEY_IS_PROTECTED,
                    "key " + key.fingerprint() + " is protected, and no " + option + " fits it"));
  }

  /** {@code key} if it is not protected, else with the first of {@code passwords} that fits. */
  private static Optional<PgpKey> unlocked(PgpKey key, List<Secret> passwords) {
    if (!key.isProtected()) {
      return Optional.of(key);
    }
    for (Secret p : passwords) {
      PgpKey candidate = PgpKey.readAll(key.encoded(), p).get(0);
      try {
        candidate.checkPassphrase();
        return Optional.of(candidate);
      } catch (PgpKeyException e) {
        // try the next password
      }
    }
    return Optional.empty();
  }

  /**
   * Every certificate in the files, refusing private keys (41): the draft's CERTS "MUST fail with
   * BAD_DATA" when an input holds secret key material, wherever a certificate is expected (encrypt
   * and verify too, not only where certificates are passed on), so that a caller who mixed up the
   * files learns it rather than spreading a secret.
   */
  static List<PgpCertificate> certs(List<String> files) {
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

  /**
   * The draft's verification line for {@code v}: when it was made, the signing (sub)key, the
   * certificate, and {@code mode:text} for a text signature (type 0x01), else {@code mode:binary}.
   */
  static String verificationLine(SignatureVerification v) {
    return v.created().truncatedTo(ChronoUnit.SECONDS)
        + " "
        + v.signingKeyFingerprint()
        + " "
        + v.signerFingerprint()
        + (v.type() == SignatureType.TEXT ? " mode:text\n" : " mode:binary\n");
  }
}
