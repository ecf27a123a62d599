package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar tributary-examples.jar sop …} with real stdin/stdout, against sqop.
 *
 * <p>The jar is this build's {@code target/tributary-examples.jar}, or the one the system property
 * {@value #JAR_PROPERTY} names: to show that a test fails on a build from before a change, package
 * that commit in a worktree of its own and run, for instance, {@code ./mvnw verify -pl examples -am
 * -Dit.test='SopJarIT#jar*Primality' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsop.jar=/work/wt-base/examples/target/tributary-examples.jar}.
 */
class SopJarIT {
  /** The system property naming another {@code tributary-examples.jar} to run. */
  static final String JAR_PROPERTY = "sop.jar";

  @TempDir Path dir;

  record Result(int code, byte[] out, String err) {}

  Result run(Path stdin, String... command) throws Exception {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p =
        new ProcessBuilder(command)
            .redirectInput(stdin.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
  }

  String[] jar(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty(JAR_PROPERTY, RunnableJarIT.JAR.toString()));
    command.add("sop");
    command.addAll(List.of(args));
    return command.toArray(new String[0]);
  }

  Path file(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  /** Carol's (Sequoia's) armored private key, or her certificate, in carol.sec or carol.pub. */
  Path carol(boolean privateKey) throws Exception {
    return key(PgpTestKeys.CAROL_SEQUOIA, "carol", privateKey);
  }

  /** Alice's (GnuPG's RSA) armored private key, or her certificate, in alice.sec or alice.pub. */
  Path alice(boolean privateKey) throws Exception {
    return key(PgpTestKeys.ALICE_RSA, "alice", privateKey);
  }

  private Path key(TestKey key, String name, boolean privateKey) throws Exception {
    return file(
        name + (privateKey ? ".sec" : ".pub"),
        (privateKey ? key.armoredPrivateKey() : key.armoredPublicKey())
            .getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void jarEncrypts_sqopDecrypts_andBack() throws Exception {
    Path plain = file("plain.txt", "hello from the jar\n".getBytes(StandardCharsets.UTF_8));
    Path cert = carol(false);
    Path key = carol(true);

    Result enc = run(plain, jar("encrypt", "--no-armor", cert.toString()));
    assertThat(enc.code()).as(enc.err()).isZero();
    Path message = file("message.pgp", enc.out());
    Result sqop = run(message, "sqop", "decrypt", key.toString());
    assertThat(sqop.code()).as(sqop.err()).isZero();
    assertThat(new String(sqop.out(), StandardCharsets.UTF_8)).isEqualTo("hello from the jar\n");

    Result theirs = run(plain, "sqop", "encrypt", cert.toString());
    Path theirMessage = file("theirs.asc", theirs.out());
    Result dec = run(theirMessage, jar("decrypt", key.toString()));
    assertThat(dec.code()).as(dec.err()).isZero();
    assertThat(new String(dec.out(), StandardCharsets.UTF_8)).isEqualTo("hello from the jar\n");
  }

  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void jarEncryptsWithAPassword_sqopDecrypts_andBack_aWrongOneIs29() throws Exception {
    Path plain = file("plain.txt", "hello with a password\n".getBytes(StandardCharsets.UTF_8));
    Path password = file("pw", "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8));
    Path wrong = file("wrong", "Tr0ub4dor&3".getBytes(StandardCharsets.UTF_8));

    Result enc = run(plain, jar("encrypt", "--with-password=" + password));
    assertThat(enc.code()).as(enc.err()).isZero();
    Path message = file("message.asc", enc.out());
    Result sqop = run(message, "sqop", "decrypt", "--with-password=" + password);
    assertThat(sqop.code()).as(sqop.err()).isZero();
    assertThat(new String(sqop.out(), StandardCharsets.UTF_8)).isEqualTo("hello with a password\n");

    Result theirs = run(plain, "sqop", "encrypt", "--with-password=" + password);
    Path theirMessage = file("theirs.asc", theirs.out());
    Result dec = run(theirMessage, jar("decrypt", "--with-password=" + password));
    assertThat(dec.code()).as(dec.err()).isZero();
    assertThat(new String(dec.out(), StandardCharsets.UTF_8)).isEqualTo("hello with a password\n");

    Result bad = run(theirMessage, jar("decrypt", "--with-password=" + wrong));
    assertThat(bad.code()).as(bad.err()).isEqualTo(29);
    assertThat(bad.out()).isEmpty();
    assertThat(run(plain, jar("encrypt")).code()).as("no certificate, no password").isEqualTo(19);
  }

  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void jarInlineSigns_sqopInlineVerifies_andBack_everyMode() throws Exception {
    String text = "Dear partner,\n- see below  \nFrom us\n";
    Path plain = file("plain.txt", text.getBytes(StandardCharsets.UTF_8));
    Path cert = carol(false);
    Path key = carol(true);
    for (String as : new String[] {"binary", "text", "clearsigned"}) {
      Result signed = run(plain, jar("inline-sign", "--as=" + as, key.toString()));
      assertThat(signed.code()).as(signed.err()).isZero();
      Result sqop = run(file("ours", signed.out()), "sqop", "inline-verify", cert.toString());
      assertThat(sqop.code()).as(as + ": " + sqop.err()).isZero();

      Result theirs = run(plain, "sqop", "inline-sign", "--as=" + as, key.toString());
      Path verifications = dir.resolve("verifications-" + as);
      Result verified =
          run(
              file("theirs", theirs.out()),
              jar("inline-verify", "--verifications-out=" + verifications, cert.toString()));
      assertThat(verified.code()).as(as + ": " + verified.err()).isZero();
      assertThat(new String(verified.out(), StandardCharsets.UTF_8).replace("\r", ""))
          .isEqualTo(as.equals("clearsigned") ? text.replace("  \n", "\n") : text);
      assertThat(Files.readString(verifications)).contains(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
    }
  }

  /**
   * Stop 31's testers: our {@code inline-detach} of a cleartext-signed message drops its final line
   * break, where sqop's and {@code inline-verify} keep it. By design: the line ending before the
   * signature is not signed (RFC 9580 section 7), and our data verifies against the detached
   * signatures with sqop, for a message made by sqop or by us; sqop's own data does not.
   */
  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void jarInlineDetach_ofACleartextMessage_givesTheSignedText_thatSqopVerifies() throws Exception {
    Path plain = file("plain.txt", "hello\nworld\n".getBytes(StandardCharsets.UTF_8));
    Path cert = carol(false);
    Path key = carol(true);
    Result ours = run(plain, jar("inline-sign", "--as=clearsigned", key.toString()));
    Result theirs = run(plain, "sqop", "inline-sign", "--as=clearsigned", key.toString());
    for (Result signed : List.of(ours, theirs)) {
      assertThat(signed.code()).as(signed.err()).isZero();
      Path message = file("message.asc", signed.out());
      Path sigs = dir.resolve("sigs.asc");
      Files.deleteIfExists(sigs);
      Result detached = run(message, jar("inline-detach", "--signatures-out=" + sigs));
      assertThat(detached.code()).as(detached.err()).isZero();
      assertThat(new String(detached.out(), StandardCharsets.UTF_8)).isEqualTo("hello\nworld");
      Path data = file("data", detached.out());
      Result verified = run(data, "sqop", "verify", sigs.toString(), cert.toString());
      assertThat(verified.code()).as(verified.err()).isZero();
      assertThat(run(plain, "sqop", "verify", sigs.toString(), cert.toString()).code())
          .as("the text with its final line break is not what was signed")
          .isEqualTo(3);
    }
  }

  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void jarSignsAndEncryptsAsText_sqopVerifiesAndDecrypts_andBack() throws Exception {
    String lf = "Dear partner,\nsee below\n";
    Path plain = file("plain.txt", lf.getBytes(StandardCharsets.UTF_8));
    Path crlf = file("crlf.txt", lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    Path cert = carol(false);
    Path key = carol(true);

    Result ourSig = run(plain, jar("sign", "--as=text", key.toString()));
    assertThat(ourSig.code()).as(ourSig.err()).isZero();
    Path ours = file("ours.sig", ourSig.out());
    Result sqopVerified = run(crlf, "sqop", "verify", ours.toString(), cert.toString());
    assertThat(sqopVerified.code()).as(sqopVerified.err()).isZero();

    Path theirs = file("theirs.sig", run(crlf, "sqop", "sign", "--as=text", key.toString()).out());
    Result verified = run(plain, jar("verify", theirs.toString(), cert.toString()));
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(new String(verified.out(), StandardCharsets.UTF_8)).endsWith(" mode:text\n");

    Result ourMessage =
        run(plain, jar("encrypt", "--as=text", "--sign-with=" + key, cert.toString()));
    assertThat(ourMessage.code()).as(ourMessage.err()).isZero();
    Result sqopDecrypted =
        run(
            file("ours.asc", ourMessage.out()),
            "sqop",
            "decrypt",
            "--verify-with=" + cert,
            "--verifications-out=" + dir.resolve("sqop-verifications"),
            key.toString());
    assertThat(sqopDecrypted.code()).as(sqopDecrypted.err()).isZero();
    assertThat(Files.readString(dir.resolve("sqop-verifications")))
        .contains(PgpTestKeys.CAROL_SEQUOIA.fingerprint());

    Result theirMessage =
        run(plain, "sqop", "encrypt", "--as=text", "--sign-with=" + key, cert.toString());
    Path verifications = dir.resolve("verifications");
    Result decrypted =
        run(
            file("theirs.asc", theirMessage.out()),
            jar(
                "decrypt",
                "--verify-with=" + cert,
                "--verifications-out=" + verifications,
                key.toString()));
    assertThat(decrypted.code()).as(decrypted.err()).isZero();
    assertThat(new String(decrypted.out(), StandardCharsets.UTF_8).replace("\r\n", "\n"))
        .isEqualTo(lf);
    assertThat(Files.readString(verifications))
        .contains(PgpTestKeys.CAROL_SEQUOIA.fingerprint())
        .endsWith(" mode:text\n");
  }

  // Building a picocli model was a third of a short sop call; the verbs use Commons CLI.
  @Test
  void jarSop_loadsNoPicocliClass() throws Exception {
    List<String> command = new ArrayList<>(List.of(jar("version")));
    command.add(1, "-Xlog:class+load");
    Result version = run(file("empty", new byte[0]), command.toArray(new String[0]));
    assertThat(version.code()).as(version.err()).isZero();
    String log = new String(version.out(), StandardCharsets.UTF_8);
    assertThat(log).contains("org.apache.commons.cli.DefaultParser", "tributary-sop ");
    assertThat(log.lines().filter(line -> line.contains("picocli"))).isEmpty();
  }

  // The runner warms the JDK up on a daemon thread (SopWarmup): short calls through the real
  // entry point keep their exact output, a silent standard error and their exit codes.
  @Test
  void jar_sixBytes_encryptAndDecrypt_exactOutput_silentStderr_wrongKeyIs29() throws Exception {
    Path cert = alice(false);
    Path key = alice(true);
    byte[] hello = "hello\n".getBytes(StandardCharsets.US_ASCII);

    Result enc = run(file("six.txt", hello), jar("encrypt", "--no-armor", cert.toString()));
    assertThat(enc.code()).as(enc.err()).isZero();
    assertThat(enc.err()).isEmpty();
    assertThat(enc.out()[0] & 0x80).as("a binary packet, not armor").isEqualTo(0x80);

    Path message = file("six.pgp", enc.out());
    Result dec = run(message, jar("decrypt", key.toString()));
    assertThat(dec.code()).as(dec.err()).isZero();
    assertThat(dec.err()).isEmpty();
    assertThat(dec.out()).isEqualTo(hello);

    Path carol = carol(true);
    Result wrong = run(message, jar("decrypt", carol.toString()));
    assertThat(wrong.code()).isEqualTo(29);
    assertThat(wrong.out()).isEmpty();
    assertThat(wrong.err())
        .isEqualTo(
            "sop: the message was encrypted for key ID(s) "
                + PgpTestKeys.ALICE_RSA.encryptionKeyId()
                + ", but the private key(s) held are "
                + PgpTestKeys.CAROL_SEQUOIA.fingerprint()
                + "; configure the private key whose (sub)key ID matches, or ask the sender to"
                + " encrypt to your public key\n");
  }

  // The warm-up thread is for the verbs that read keys; version and the like never start it.
  @Test
  void jarSop_warmsUpForKeyVerbsOnly() throws Exception {
    Path key = alice(true);
    List<String> extract = new ArrayList<>(List.of(jar("extract-cert")));
    extract.add(1, "-Xlog:class+load");
    Result cert = run(key, extract.toArray(new String[0]));
    assertThat(cert.code()).as(cert.err()).isZero();
    assertThat(cert.err()).isEmpty();
    assertThat(new String(cert.out(), StandardCharsets.UTF_8))
        .contains("dev.tributary.examples.cli.SopWarmup$Work ");

    List<String> version = new ArrayList<>(List.of(jar("version")));
    version.add(1, "-Xlog:class+load");
    Result v = run(file("empty", new byte[0]), version.toArray(new String[0]));
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(new String(v.out(), StandardCharsets.UTF_8))
        .doesNotContain("dev.tributary.examples.cli.SopWarmup$Work");
  }

  // The runner keeps C2 off the methods that matter only before the data flows (JitDirectives):
  // the jar's manifest opens jdk.management to it, so the directive reaches the JVM without a
  // launch flag. Seen from outside, as jcmd sees it, while the verb waits for its message.
  @Test
  void jarSop_addsItsCompilerDirective_whileTheVerbWaitsForData() throws Exception {
    Path key = alice(true);
    Process p =
        new ProcessBuilder(jar("decrypt", key.toString()))
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile())
            .start();
    try {
      String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      String printed = "";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!printed.contains("java/math/BigInteger.*") && System.nanoTime() < deadline) {
        Process print =
            new ProcessBuilder(jcmd, Long.toString(p.pid()), "Compiler.directives_print")
                .redirectErrorStream(true)
                .start();
        printed = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(print.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(printed)
          .contains(
              "java/math/BigInteger.*",
              "java/math/MutableBigInteger.*",
              "java/util/zip/ZipFile*.*",
              "jdk/internal/loader/*.*",
              "java/lang/String.*",
              "java/util/HashMap.*",
              "com/sun/crypto/provider/AESCrypt.implEncryptBlock",
              "sun/security/provider/SHA.implCompress0",
              "sun/security/provider/ByteArrayAccess.b2iBig64")
          .containsPattern("c2 directives:\\R\\s*inline: -\\R\\s*Enable:true Exclude:true");
      assertThat(p.isAlive()).as("the verb still waits for its message").isTrue();
    } finally {
      p.getOutputStream().close(); // an empty message
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(p.exitValue()).isEqualTo(41);
    assertThat(Files.readString(dir.resolve("stderr")))
        .isEqualTo("sop: the input is empty: no OpenPGP data\n");
    assertThat(Files.readAllBytes(dir.resolve("stdout"))).isEmpty();
  }

  /**
   * The BouncyCastle primality-test classes a 6-byte call of the jar with {@code args} loads (the
   * lines of its class-loading log), after checking that it succeeded and loaded PGPSignature.
   */
  private List<String> primalityTestClasses(Path stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(jar(args)));
    command.add(1, "-Xlog:class+load");
    Result r = run(stdin, command.toArray(new String[0]));
    assertThat(r.code()).as(r.err()).isZero();
    String log = new String(r.out(), StandardCharsets.ISO_8859_1);
    assertThat(log).as(args[0]).contains("org.bouncycastle.openpgp.PGPSignature ");
    return log.lines().filter(line -> line.contains("org.bouncycastle.math.Primes")).toList();
  }

  // BouncyCastle tests every public RSA modulus it verifies a signature with for primality, a
  // fifth of a second in a fresh JVM; certificates' self-signatures go through the JDK's RSA
  // (JdkRsa), as recipients' session keys do, so a 6-byte encrypt or sign makes no such test.
  // Against the jar of a2dbad8 (-Dsop.jar), from before, both load org.bouncycastle.math.Primes.
  @Test
  void jarEncryptAndSign_testNoRsaModulusForPrimality() throws Exception {
    Path plain = file("six.txt", "hello\n".getBytes(StandardCharsets.US_ASCII));
    Map<String, List<String>> loaded = new LinkedHashMap<>();
    loaded.put(
        "encrypt", primalityTestClasses(plain, "encrypt", "--no-armor", alice(false).toString()));
    loaded.put("sign", primalityTestClasses(plain, "sign", alice(true).toString()));
    assertThat(loaded).allSatisfy((verb, lines) -> assertThat(lines).as(verb).isEmpty());
  }

  // Signatures over data go through the JDK's RSA too: a 6-byte verify or inline-verify makes no
  // primality test of the signer's modulus either. Against the jar of 0ce5abd (-Dsop.jar), which
  // checks certificates with the JDK's RSA but not yet the signatures over data, both load it.
  @Test
  void jarVerifyAndInlineVerify_testNoRsaModulusForPrimality() throws Exception {
    Path plain = file("six.txt", "hello\n".getBytes(StandardCharsets.US_ASCII));
    Result detached = run(plain, jar("sign", alice(true).toString()));
    assertThat(detached.code()).as(detached.err()).isZero();
    Path signature = file("six.sig", detached.out());
    Result inline = run(plain, jar("inline-sign", alice(true).toString()));
    assertThat(inline.code()).as(inline.err()).isZero();
    Path signed = file("six.signed", inline.out());
    Map<String, List<String>> loaded = new LinkedHashMap<>();
    loaded.put(
        "verify",
        primalityTestClasses(plain, "verify", signature.toString(), alice(false).toString()));
    loaded.put(
        "inline-verify", primalityTestClasses(signed, "inline-verify", alice(false).toString()));
    assertThat(loaded).allSatisfy((verb, lines) -> assertThat(lines).as(verb).isEmpty());
  }

  @Test
  void jarVersion_printsTheVersionsOfThePom_andListsProfiles() throws Exception {
    Path empty = file("empty", new byte[0]);
    Result version = run(empty, jar("version", "--extended"));
    assertThat(version.code()).as(version.err()).isZero();
    List<String> lines = new String(version.out(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo("tributary-sop " + SopCommandTest.fromPom("tributary.version"));
    assertThat(lines.get(1))
        .contains("BouncyCastle " + SopCommandTest.fromPom("bouncycastle.version") + " ");
    Result spec = run(empty, jar("version", "--sop-spec"));
    assertThat(spec.code()).as(spec.err()).isZero();
    assertThat(new String(spec.out(), StandardCharsets.UTF_8))
        .startsWith("~draft-dkg-openpgp-stateless-cli-")
        .contains("\npartial: update-key ")
        .doesNotContain("missing: ");
    Result profiles = run(empty, jar("list-profiles", "generate-key"));
    assertThat(profiles.code()).as(profiles.err()).isZero();
    assertThat(new String(profiles.out(), StandardCharsets.UTF_8)).startsWith("default: ");
    assertThat(run(empty, jar("list-profiles", "sign")).code()).isEqualTo(89);
  }

  /**
   * Runs {@code script} in bash in the test's folder, with {@code $SOP} the runner's command and
   * {@code SOP_PW} in the environment: for the draft's special designators, which name environment
   * variables and open descriptors.
   */
  Result bash(String script) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", script)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    String[] sop = jar();
    sop[2] = Path.of(sop[2]).toAbsolutePath().toString(); // the jar, from the test's folder
    pb.environment().put("SOP", String.join(" ", sop));
    pb.environment().put("SOP_PW", "correct horse battery staple");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readAllBytes(dir.resolve("stdout")),
        Files.readString(dir.resolve("stderr")));
  }

  /** {@code @ENV:NAME} and {@code @FD:N} were read as file names (61), and @FD:1 made a file. */
  @Test
  void jar_specialDesignators_readEnvironmentAndDescriptors_writeDescriptors() throws Exception {
    file("pw", "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8));
    file("plain", "by designator\n".getBytes(StandardCharsets.UTF_8));
    Result enc = bash("$SOP encrypt --with-password=@ENV:SOP_PW < plain > msg.asc");
    assertThat(enc.code()).as(enc.err()).isZero();
    Result dec =
        bash("$SOP decrypt --with-password=@FD:5 --session-key-out=@FD:6 < msg.asc 5<pw 6>sk");
    assertThat(dec.code()).as(dec.err()).isZero();
    assertThat(new String(dec.out(), StandardCharsets.UTF_8)).isEqualTo("by designator\n");
    String sessionKey = Files.readString(dir.resolve("sk"));
    assertThat(sessionKey).matches("9:[0-9A-F]{64}\n");
    Result bySessionKey = bash("$SOP decrypt --with-session-key=@FD:7 < msg.asc 7<sk");
    assertThat(bySessionKey.code()).as(bySessionKey.err()).isZero();
    assertThat(new String(bySessionKey.out(), StandardCharsets.UTF_8)).isEqualTo("by designator\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("@"));
    }

    Result unknown = bash("$SOP decrypt --with-password=@FOO:x < msg.asc");
    assertThat(unknown.code()).as(unknown.err()).isEqualTo(71);
    assertThat(unknown.out()).isEmpty();
    assertThat(bash("$SOP decrypt --with-password=@FD:9 < msg.asc").code()).isEqualTo(61);
    assertThat(bash("$SOP decrypt --with-password=@ENV:SOP_NONE < msg.asc").code()).isEqualTo(61);
    Result envOut =
        bash("$SOP decrypt --with-password=@ENV:SOP_PW --session-key-out=@ENV:X < msg.asc");
    assertThat(envOut.code()).as(envOut.err()).isEqualTo(71);
    file("@ENV:SOP_PW", "a file that looks like a designator".getBytes(StandardCharsets.UTF_8));
    Result ambiguous = bash("$SOP decrypt --with-password=@ENV:SOP_PW < msg.asc");
    assertThat(ambiguous.code()).as(ambiguous.err()).isEqualTo(73);
    assertThat(ambiguous.err()).contains("./@ENV:SOP_PW");
  }

  /**
   * The JVM opens files under {@code /proc} and {@code /sys} for a moment from any thread (its
   * container support reads the cgroup limits): a descriptor on one is never the caller's, and was
   * read as a password when the JVM held it at the number asked for (CI saw the race once).
   */
  @Test
  void jar_descriptorOnProcOrSys_isNotTheCallers() throws Exception {
    file("plain", "by designator\n".getBytes(StandardCharsets.UTF_8));
    assertThat(bash("$SOP encrypt --with-password=@ENV:SOP_PW < plain > msg.asc").code()).isZero();
    for (String file :
        List.of("/proc/self/cgroup", "/sys/kernel/mm/transparent_hugepage/enabled")) {
      if (!Files.isReadable(Path.of(file))) {
        continue;
      }
      Result in = bash("$SOP decrypt --with-password=@FD:3 < msg.asc 3<" + file);
      assertThat(in.code()).as("%s: %s", file, in.err()).isEqualTo(61);
      assertThat(in.err()).contains("descriptor 3 is not open");
      assertThat(in.out()).as("nothing decrypted").isEmpty();
    }
  }

  /**
   * The JVM keeps a socket of its own at a low descriptor number (NIO's, made when it first reads a
   * file that way, 6 on Linux with the caller's 3 to 5 closed), and passed sop's check of an
   * {@code @FD:N} it was at: {@code decrypt --verifications-out=@FD:6} wrote the plaintext, then
   * failed with exit 1, "/dev/fd/6: No such device or address"; an input read so exited 61 with the
   * same words. {@code /dev/fd} cannot open a socket, the caller's either: both are refused as not
   * open (61), an output before the work.
   */
  @Test
  void jar_descriptorOnASocket_isRefusedLikeOneNotOpen_outputsBeforeTheWork() throws Exception {
    signedMessage();
    for (int n = 3; n <= 12; n++) {
      Result out =
          bash(
              "$SOP decrypt --with-password=@ENV:SOP_PW --verify-with=carol.pub"
                  + " --verifications-out=@FD:"
                  + n
                  + " < msg.asc");
      assertThat(out.code()).as("@FD:%d out: %s", n, out.err()).isEqualTo(61);
      assertThat(out.err()).contains("cannot write @FD:" + n + ": descriptor " + n + " is not");
      assertThat(out.out()).as("@FD:%d: nothing decrypted", n).isEmpty();
      Result in =
          bash(
              "$SOP decrypt --with-password=@ENV:SOP_PW --verify-with=@FD:"
                  + n
                  + " --verifications-out=v < msg.asc");
      assertThat(in.code()).as("@FD:%d in: %s", n, in.err()).isEqualTo(61);
      assertThat(in.err()).contains("cannot read @FD:" + n + ": descriptor " + n + " is not");
    }
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result socket =
          bash(
              "$SOP decrypt --with-password=@FD:3 < msg.asc 3<>/dev/tcp/127.0.0.1/"
                  + server.getLocalPort());
      assertThat(socket.code()).as(socket.err()).isEqualTo(61);
      assertThat(socket.err())
          .isEqualTo(
              "sop: cannot read @FD:3: descriptor 3 is not open (or is a socket, which /dev/fd"
                  + " cannot open)\n");
    }
  }

  // The JVM reads its conf files (logging.properties on the warm-up thread), which Debian's JDK
  // links to /etc: a descriptor of one, at a number the caller left closed, is the JVM's. So is a
  // number closed when sop looks (it was asked again, and found what a JVM thread opened since).
  @Test
  void jar_descriptorOfAJdkConfFile_isNotTheCallers() throws Exception {
    file("plain", "by designator\n".getBytes(StandardCharsets.UTF_8));
    assertThat(bash("$SOP encrypt --with-password=@ENV:SOP_PW < plain > msg.asc").code()).isZero();
    Path conf = Path.of(System.getProperty("java.home"), "conf", "logging.properties");
    Result read = bash("$SOP decrypt --with-password=@FD:7 < msg.asc 7<" + conf);
    assertThat(read.code()).as(read.err()).isEqualTo(61);
    assertThat(read.err()).contains("cannot read @FD:7: descriptor 7 is not open");
    assertThat(read.out()).isEmpty();
  }

  // The runner's warm-up thread writes its compiler directive to a file in the temporary folder
  // (JitDirectives) while the verb reads its arguments: a descriptor of such a file, at a number
  // the caller left closed, is the runner's, not the caller's (CI met one as @FD:5's key). Only in
  // the temporary folder: the same name elsewhere is the caller's file.
  @Test
  void jar_descriptorOfTheDirectiveFile_isNotTheCallers_onlyInTheTemporaryFolder()
      throws Exception {
    file("plain", "by designator\n".getBytes(StandardCharsets.UTF_8));
    assertThat(bash("$SOP encrypt --with-password=@ENV:SOP_PW < plain > msg.asc").code()).isZero();
    file(
        JitDirectives.FILE_PREFIX + "0.json",
        "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8));
    String read =
        " decrypt --with-password=@FD:7 < msg.asc 7<" + JitDirectives.FILE_PREFIX + "0.json";

    Result asTemporary = bash("${SOP/ -jar / -Djava.io.tmpdir=$PWD -jar }" + read);
    assertThat(asTemporary.code()).as(asTemporary.err()).isEqualTo(61);
    assertThat(asTemporary.err())
        .isEqualTo(
            "sop: cannot read @FD:7: descriptor 7 is not open (or is a socket, which /dev/fd"
                + " cannot open)\n");
    assertThat(asTemporary.out()).isEmpty();

    Result elsewhere = bash("$SOP" + read);
    assertThat(elsewhere.code()).as(elsewhere.err()).isZero();
    assertThat(elsewhere.out()).isEqualTo("by designator\n".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An {@code @FD:N} output was opened anew at offset 0: over what the caller's {@code 3>>file}
   * held, and over sop's own output when N was 1. A descriptor the caller left closed could be one
   * the JVM opened for itself: reading it read the JDK's modules file as a password, writing it
   * wrote into the random device, and a missing output folder was found after the plaintext was
   * written.
   */
  @Test
  void jar_descriptorOutputs_append_closedDescriptorsAreRefused_missingFoldersFirst()
      throws Exception {
    file("plain", "by designator\n".getBytes(StandardCharsets.UTF_8));
    assertThat(bash("$SOP encrypt --with-password=@ENV:SOP_PW < plain > msg.asc").code()).isZero();
    file("sk", "kept\n".getBytes(StandardCharsets.UTF_8));
    Result appended =
        bash("$SOP decrypt --with-password=@ENV:SOP_PW --session-key-out=@FD:3 < msg.asc 3>>sk");
    assertThat(appended.code()).as(appended.err()).isZero();
    assertThat(Files.readString(dir.resolve("sk"))).matches("kept\n9:[0-9A-F]{64}\n");

    Result together =
        bash("$SOP decrypt --with-password=@ENV:SOP_PW --session-key-out=@FD:1 < msg.asc");
    assertThat(together.code()).as(together.err()).isZero();
    assertThat(new String(together.out(), StandardCharsets.UTF_8))
        .matches("by designator\n9:[0-9A-F]{64}\n");

    // Closed here, so each is free for the JVM: its modules file, the jar, the random devices.
    for (int n = 3; n <= 8; n++) {
      Result in = bash("$SOP decrypt --with-password=@FD:" + n + " < msg.asc");
      assertThat(in.code()).as("@FD:%d in: %s", n, in.err()).isEqualTo(61);
      assertThat(in.err()).contains("descriptor " + n + " is not open");
      Result out =
          bash(
              "$SOP decrypt --with-password=@ENV:SOP_PW --session-key-out=@FD:" + n + " < msg.asc");
      assertThat(out.code()).as("@FD:%d out: %s", n, out.err()).isEqualTo(61);
      assertThat(out.out()).as("nothing decrypted").isEmpty();
    }

    Result noFolder =
        bash("$SOP decrypt --with-password=@ENV:SOP_PW --session-key-out=none/sk < msg.asc");
    assertThat(noFolder.code()).as(noFolder.err()).isEqualTo(61);
    assertThat(noFolder.err()).contains("no such folder");
    assertThat(noFolder.out()).as("refused before the work").isEmpty();
    Result noFile = bash("$SOP decrypt --with-password=nope.pw < msg.asc");
    assertThat(noFile.err()).isEqualTo("sop: cannot read nope.pw: no such file or folder\n");
  }

  /**
   * A descriptor the JVM opened after {@code main} started, on a file of no list of the JVM's own:
   * here the logging configuration a user named with {@code -Djava.util.logging.config.file}, which
   * the warm-up thread reads while the verb reads its arguments. It was read as the password of
   * {@code @FD:N}, N a number the caller left closed. The configuration is a pipe that stays open
   * (nobody writes to it), and the password before {@code @FD:N} is behind a pipe the script writes
   * to only once the JVM holds the configuration, so sop looks at N while the JVM holds it there. A
   * first run learns N. The guard's kill fires only when sop, taking N for the caller's, waits on
   * the pipe; sop's message on standard error lets the configuration go.
   */
  @Test
  void jar_descriptorTheJvmOpenedAfterMain_onAFileOfNoList_isNotTheCallers() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")));
    file("plain", "by designator\n".getBytes(StandardCharsets.UTF_8));
    assertThat(bash("$SOP encrypt --with-password=@ENV:SOP_PW < plain > msg.asc").code()).isZero();
    String script =
        String.join(
            "\n",
            "mkfifo logconf gate errs",
            "SOPL=\"${SOP/ -jar / -Djava.util.logging.config.file=$PWD/logconf -jar }\"",
            "held() { for f in /proc/$1/fd/*; do",
            "  [ \"$(readlink $f)\" = \"$PWD/logconf\" ] && echo ${f##*/}; done; }",
            "run() {",
            "  $SOPL decrypt --with-password=gate --with-password=@FD:$1 < msg.asc 2> errs &",
            "  pid=$!",
            "  exec 7<errs 8>logconf", // the second returns once the JVM has opened logconf
            "  at=$(held $pid)",
            "  echo wrong > gate",
            "  ( exec 7<&- 8>&-; sleep 30 && kill -9 $pid ) 2>/dev/null & guard=$!",
            "  IFS= read -r err <&7",
            "  exec 8>&-",
            "  wait $pid; code=$?",
            "  exec 7<&-",
            "  kill $guard",
            "}",
            "for i in 1 2 3; do",
            "  run 99; n=$at; run $n",
            "  [ \"$at\" = \"$n\" ] && break",
            "done",
            "echo \"@FD:$n, the JVM's at $at; exit $code: $err\"");
    Result r = bash(script);
    assertThat(new String(r.out(), StandardCharsets.UTF_8))
        .as(r.err())
        .matches(
            "@FD:([0-9]+), the JVM's at \\1; exit 61: sop: cannot read @FD:\\1: descriptor \\1 is"
                + " not open \\(or is a socket, which /dev/fd cannot open\\)\n");
  }

  /**
   * A cleartext-signed message is held whole to be verified (its signatures come after its text).
   * In a heap too small for it, that was an OutOfMemoryError's stack trace and exit 1; it is now
   * the library's refusal in words, bad data's exit 41, and no text on standard output.
   */
  @Test
  void jar_inlineVerify_aClearsignedTextLargerThanTheHeap_saysSoInWords() throws Exception {
    alice(true);
    alice(false);
    Result r =
        bash(
            "head -c 25165824 /dev/zero | tr '\\0' a | fold -w 79 > big.txt"
                + " && $SOP inline-sign --as=clearsigned alice.sec < big.txt > signed.asc"
                + " && ${SOP/ -jar / -Xmx32m -jar } inline-verify alice.pub < signed.asc");
    assertThat(r.code()).as(r.err()).isEqualTo(41);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .matches(
            "sop: the cleartext-signed message's text does not fit in this JVM's heap \\(more than"
                + " [0-9]+ bytes read, and the heap holds at most [0-9]+ bytes\\): its signatures"
                + " come after it, so all of it is held to check them; give the JVM more heap"
                + " \\(-Xmx\\), or ask for a one-pass signed message \\(gpg --sign\\) for data"
                + " this large\n");
  }

  /**
   * msg.asc: "signed and encrypted\n", signed by Carol, for {@code SOP_PW}; carol.pub and carol.sec
   * beside it.
   */
  private void signedMessage() throws Exception {
    carol(false);
    carol(true);
    file("plain", "signed and encrypted\n".getBytes(StandardCharsets.UTF_8));
    Result enc =
        bash("$SOP encrypt --with-password=@ENV:SOP_PW --sign-with=carol.sec < plain > msg.asc");
    assertThat(enc.code()).as(enc.err()).isZero();
  }

  /**
   * The runner records the descriptors open when its {@code main} starts and takes only those for
   * the caller's: the ones the caller did pass still work, inputs and outputs, above numbers left
   * closed for the JVM's own files.
   */
  @Test
  void jar_descriptorsTheCallerPassed_areReadAndWritten_aboveNumbersLeftClosed() throws Exception {
    signedMessage();
    file("pw", "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8));
    file("sk", "kept\n".getBytes(StandardCharsets.UTF_8));
    Result dec =
        bash(
            "$SOP decrypt --with-password=@FD:9 --verify-with=@FD:10 --verifications-out=@FD:11"
                + " --session-key-out=@FD:12 < msg.asc 9<pw 10<carol.pub 11>v 12>>sk");
    assertThat(dec.code()).as(dec.err()).isZero();
    assertThat(new String(dec.out(), StandardCharsets.UTF_8)).isEqualTo("signed and encrypted\n");
    assertThat(Files.readString(dir.resolve("v")))
        .matches("\\S+ [0-9A-F]{40,64} [0-9A-F]{40,64} mode:binary\n");
    assertThat(Files.readString(dir.resolve("sk"))).matches("kept\n9:[0-9A-F]{64}\n");
  }

  /**
   * {@code inline-detach --signatures-out=@FD:1} interleaved the signatures with the data on
   * standard output; a descriptor that is a copy of standard output ({@code 3>&1}) or the same file
   * did too. All are refused (83) before anything is written; another descriptor works.
   */
  @Test
  void jarInlineDetach_signaturesOutOnStandardOutput_is83_anotherDescriptorWorks()
      throws Exception {
    carol(true);
    file("data", "detached\n".getBytes(StandardCharsets.UTF_8));
    Result signed = bash("$SOP inline-sign carol.sec < data > msg.asc");
    assertThat(signed.code()).as(signed.err()).isZero();
    for (String script :
        new String[] {
          "$SOP inline-detach --signatures-out=@FD:1 < msg.asc",
          "$SOP inline-detach --signatures-out=@FD:3 < msg.asc 3>&1",
          "$SOP inline-detach --signatures-out=@FD:3 < msg.asc > both 3>>both"
        }) {
      Result mixed = bash(script);
      assertThat(mixed.code()).as(script + ": " + mixed.err()).isEqualTo(83);
      assertThat(mixed.out()).as(script).isEmpty();
      assertThat(mixed.err()).as(script).contains("is standard output, where the data goes");
    }
    assertThat(dir.resolve("both")).isEmptyFile();
    Result apart = bash("$SOP inline-detach --signatures-out=@FD:3 < msg.asc 3>sigs");
    assertThat(apart.code()).as(apart.err()).isZero();
    assertThat(new String(apart.out(), StandardCharsets.UTF_8)).isEqualTo("detached\n");
    assertThat(Files.readString(dir.resolve("sigs"))).startsWith("-----BEGIN PGP SIGNATURE-----");
  }

  /**
   * Under the C locale JDK 17 reads each non-ASCII byte of an argument as U+FFFD: "Jörg" became
   * "J\uFFFD\uFFFDrg" in the key made, silently. It is refused now, naming the fix.
   */
  @Test
  void jar_argumentsTheJvmCannotRead_areRefused_underAUtf8LocaleTheyWork() throws Exception {
    String userId = "$(printf 'J\\303\\266rg <j@example.com>')";
    Result c = bash("LC_ALL=C $SOP generate-key \"" + userId + "\" > c.key");
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.err())
        .contains("argument 2 holds characters this JVM could not read")
        .contains("LANG=C.UTF-8")
        .doesNotContain("rg <j@");
    assertThat(Files.size(dir.resolve("c.key"))).isZero();
    Result utf8 = bash("LC_ALL=C.UTF-8 $SOP generate-key \"" + userId + "\" > u.key");
    assertThat(utf8.code()).as(utf8.err()).isZero();
    assertThat(
            dev.tributary.pgp.PgpKey.readAll(
                    Files.readAllBytes(dir.resolve("u.key")),
                    dev.tributary.core.auth.Secret.empty())
                .get(0)
                .describe()
                .userIds())
        .containsExactly("J\u00f6rg <j@example.com>");
  }

  /** A full disk or a closed pipe ended the runner with an IOException's stack trace. */
  @Test
  void jar_standardOutputThatCannotBeWritten_isSaidInSopsWords_withoutAStackTrace()
      throws Exception {
    byte[] binary = new byte[1 << 20];
    binary[0] = (byte) 0xCB; // a literal data packet's first octet: armored as a MESSAGE
    Path plain = file("data.pgp", binary);
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
    Process p =
        new ProcessBuilder(jar("armor"))
            .redirectInput(plain.toFile())
            .redirectOutput(full.toFile())
            .redirectError(dir.resolve("stderr").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("stderr"));
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).startsWith("sop: ").contains("No space left on device").doesNotContain("\tat ");
  }

  /**
   * {@code inline-verify} holds the data in a temporary file until the signatures are checked; a
   * SIGTERM while it read left that unverified data behind in the temporary folder.
   */
  @Test
  void jarInlineVerify_stoppedWhileReading_leavesNoTemporaryFile() throws Exception {
    byte[] data = new byte[4 << 20];
    new SplittableRandom(5).nextBytes(data);
    Result signed = run(file("data", data), jar("inline-sign", carol(true).toString()));
    assertThat(signed.code()).as(signed.err()).isZero();
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    List<String> command = new ArrayList<>(List.of(jar("inline-verify", carol(false).toString())));
    command.add(1, "-Djava.io.tmpdir=" + tmp);
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("verified").toFile())
            .redirectError(dir.resolve("stderr").toFile())
            .start();
    p.getOutputStream().write(signed.out(), 0, signed.out().length / 2); // and no end: it waits
    p.getOutputStream().flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!holdsData(tmp) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(holdsData(tmp)).as("the temporary file, written while it reads").isTrue();
    // SIGTERM alone: Process.destroy() would also close its standard input, and the end of the
    // input would let the verb end on its own
    p.toHandle().destroy();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (var left = Files.list(tmp)) {
      assertThat(left).as("left in the temporary folder").isEmpty();
    }
  }

  private static boolean holdsData(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.anyMatch(f -> f.toFile().length() > 0);
    }
  }

  @Test
  void jar_tamperedMessage_exits29_withTheIntegrityError() throws Exception {
    Path plain = file("plain.txt", new byte[100_000]);
    Path cert = alice(false);
    Path key = alice(true);
    Result enc = run(plain, jar("encrypt", "--no-armor", cert.toString()));
    byte[] message = enc.out();
    message[message.length - 10] ^= 1;
    Result dec = run(file("bad.pgp", message), jar("decrypt", key.toString()));
    assertThat(dec.code()).isEqualTo(29);
    assertThat(dec.err()).contains("failed its integrity check");
  }

  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void jarArmors_sqopDearmors_andJarDearmorsItBack_8MiB() throws Exception {
    byte[] binary = new byte[8 << 20];
    new SplittableRandom(7).nextBytes(binary);
    binary[0] = (byte) 0xCB; // a literal data packet's first octet: armored as a MESSAGE
    Path input = file("data.pgp", binary);

    Result armored = run(input, jar("armor"));
    assertThat(armored.code()).as(armored.err()).isZero();
    assertThat(new String(armored.out(), 0, 28, StandardCharsets.US_ASCII))
        .isEqualTo("-----BEGIN PGP MESSAGE-----\n");
    Path armoredFile = file("data.asc", armored.out());
    Result sqop = run(armoredFile, "sqop", "dearmor");
    assertThat(sqop.code()).as(sqop.err()).isZero();
    assertThat(sqop.out()).isEqualTo(binary);
    Result back = run(armoredFile, jar("dearmor"));
    assertThat(back.code()).as(back.err()).isZero();
    assertThat(back.out()).isEqualTo(binary);
  }

  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void jarChangesKeyPassword_sqopUnlocksIt_thenJarRevokes_andSqopRejectsItsSignature()
      throws Exception {
    Path empty = file("empty", new byte[0]);
    Path pw1 = file("pw1", "first\n".getBytes(StandardCharsets.UTF_8));
    Path pw2 = file("pw2", "second".getBytes(StandardCharsets.UTF_8));
    Result gen = run(empty, jar("generate-key", "--with-key-password=" + pw1, "J <j@example.com>"));
    assertThat(gen.code()).as(gen.err()).isZero();
    Result changed =
        run(
            file("key1.asc", gen.out()),
            jar("change-key-password", "--old-key-password=" + pw1, "--new-key-password=" + pw2));
    assertThat(changed.code()).as(changed.err()).isZero();
    Path key = file("key2.asc", changed.out());
    Path data = file("data", "signed in the jar\n".getBytes(StandardCharsets.UTF_8));

    Result sig = run(data, "sqop", "sign", "--with-key-password=" + pw2, key.toString());
    assertThat(sig.code()).as(sig.err()).isZero();
    Path signature = file("sig.asc", sig.out());
    Result cert = run(key, jar("extract-cert"));
    Path certFile = file("cert.asc", cert.out());
    Result before = run(data, "sqop", "verify", signature.toString(), certFile.toString());
    assertThat(before.code()).as(before.err()).isZero();
    Thread.sleep(1100); // a whole second before the revocation: signature times are seconds

    assertThat(run(key, jar("revoke-key", "--with-key-password=" + pw1)).code()).isEqualTo(67);
    Result revoked = run(key, jar("revoke-key", "--with-key-password=" + pw2));
    assertThat(revoked.code()).as(revoked.err()).isZero();
    Path revokedFile = file("revoked.asc", revoked.out());
    Result after = run(data, "sqop", "verify", signature.toString(), revokedFile.toString());
    assertThat(after.code()).isEqualTo(3);
  }
}
