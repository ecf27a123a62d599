package dev.tributary.examples.cli;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Set;
import java.util.logging.LogManager;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Does the JDK's one-off set-up that a {@code sop} verb meets on its way, on the machine's other
 * core while the verb parses its arguments, reads its key and the message header, and does its RSA.
 * In a fresh JVM with the benchmark's class archive, each of these otherwise stops a 6-byte {@code
 * sop decrypt} on its main thread:
 *
 * <ol>
 *   <li>java.util.logging, which BouncyCastle's key rings and {@code CryptoServicesRegistrar} ask
 *       for as they load: its set-up looks for a {@code System.LoggerFinder} with a ServiceLoader,
 *       which opens the runnable jar (some 16,000 entries) for the first time in the process;
 *   <li>the security providers' list and the seeding of the first {@link SecureRandom} (RSA
 *       blinding, session keys);
 *   <li>the provider look-up of the first JCE {@link Cipher}: the JDK loads every provider listed
 *       before SunJCE, SunEC's module and several others with it, and reads the crypto policy.
 * </ol>
 *
 * <p>First of all it keeps C2 off the methods that matter only before the data flows ({@link
 * JitDirectives}).
 *
 * <p>The work is the same JDK calls the verb makes anyway, with no key and nothing read or written,
 * so nothing it does can change what the verb outputs; the verb waits, if at all, only on the JDK's
 * own locks and class initialisation, which the JDK makes safe between threads. Failures are
 * swallowed: the verb meets the same one and reports it in sop's words. Runs once, on a named
 * daemon thread; a verb that finishes first simply exits. Started by the runner, never by sdk-pgp:
 * a library must not start threads in its host to initialise the JDK's logging.
 */
final class SopWarmup {
  /** The thread's name, so that a thread dump explains it. */
  static final String THREAD_NAME = "tributary-sop-warmup";

  /** The verbs that read no key or certificate: all the others warm up. */
  private static final Set<String> WITHOUT_KEYS =
      Set.of("version", "list-profiles", "help", "armor", "dearmor");

  private SopWarmup() {}

  /**
   * Starts the warm-up unless {@code args} (sop's verb and its arguments) lack a verb or name one
   * that reads no key or certificate; returns the thread, or null when none was started.
   */
  static Thread startFor(String... args) {
    if (args.length == 0 || args[0].startsWith("-") || WITHOUT_KEYS.contains(args[0])) {
      return null;
    }
    Thread t = new Thread(new Work(), THREAD_NAME);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The work, in a class of its own that only a started warm-up loads; no lambda to link. */
  private static final class Work implements Runnable {
    @Override
    public void run() {
      JitDirectives.install();
      try {
        LogManager.getLogManager();
        new SecureRandom().nextInt();
        Cipher.getInstance("AES/ECB/NoPadding")
            .init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"));
      } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
        // only a speed-up: the verb meets the same failure and reports it
      }
    }
  }
}
