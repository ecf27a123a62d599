package dev.tributary.examples.cli.sop.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import sop.Profile;
import sop.Ready;
import sop.SOP;
import sop.exception.SOPGPException;
import sop.operation.Armor;
import sop.operation.CertifyUserId;
import sop.operation.ChangeKeyPassword;
import sop.operation.Dearmor;
import sop.operation.Decrypt;
import sop.operation.DetachedSign;
import sop.operation.DetachedVerify;
import sop.operation.Encrypt;
import sop.operation.ExtractCert;
import sop.operation.GenerateKey;
import sop.operation.InlineDetach;
import sop.operation.InlineSign;
import sop.operation.InlineVerify;
import sop.operation.ListProfiles;
import sop.operation.MergeCerts;
import sop.operation.RevokeKey;
import sop.operation.UpdateKey;
import sop.operation.ValidateUserId;
import sop.operation.Version;
import sop.util.UTCUtil;

/**
 * sop-java's {@link SOP} over a sop command line, so that sop-java's conformance suite can drive
 * our runner (or a sop binary). Each operation collects its options into one {@link SopCall} and
 * runs it when given its input; keys, certificates and passwords become files, as the draft passes
 * them. The key-management verbs are here; the message verbs are in {@link CliSopMessages}.
 *
 * <p>The suite skips a test whose implementation lacks a verb: its {@code assumeSupported} aborts
 * the test when getting the verb's handle ({@code sop.revokeKey()}) throws {@link
 * SOPGPException.UnsupportedSubcommand}. A handle here runs nothing until it is given its input, so
 * for a sop binary, which may lack the verbs of later drafts, getting a handle first asks the
 * binary whether it has the verb: it runs the verb once, with no arguments and no input, and a
 * binary that lacks the verb exits 69 (UNSUPPORTED_SUBCOMMAND). Our runner is not asked: a verb it
 * lacks fails the test.
 */
final class CliSop implements SOP {
  private final String name;
  private final SopRunner runner;

  /** Whether the runner has each verb asked about so far. */
  private final Map<String, Boolean> verbs = new ConcurrentHashMap<>();

  CliSop(String name, SopRunner runner) {
    this.name = name;
    this.runner = runner;
  }

  /** A call of {@code verb}, which the runner has; see {@link #requireVerb}. */
  SopCall call(String verb) {
    requireVerb(verb);
    return new SopCall(runner, verb);
  }

  /**
   * Throws {@link SOPGPException.UnsupportedSubcommand} if the runner lacks {@code verb}: if it
   * exits 69 when the verb is run with no arguments and no input. Each verb is asked about once.
   */
  void requireVerb(String verb) {
    if (!runner.hasEveryVerb() && !verbs.computeIfAbsent(verb, this::hasVerb)) {
      throw new SOPGPException.UnsupportedSubcommand(
          name + " lacks the verb " + verb + ": it exits 69 (UNSUPPORTED_SUBCOMMAND)");
    }
  }

  private boolean hasVerb(String verb) {
    return runner.run(List.of(verb), new byte[0]).code()
        != SOPGPException.UnsupportedSubcommand.EXIT_CODE;
  }

  @Override
  public String toString() {
    return name;
  }

  /** A {@link Ready} for bytes a call has already written. */
  static Ready ready(byte[] bytes) {
    return new Ready() {
      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }
    };
  }

  /** A password or session key as the bytes of the file that holds it. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String date(Date date) {
    return UTCUtil.formatUTCDate(date);
  }

  @Override
  public Version version() {
    requireVerb("version");
    return new CliVersion(this);
  }

  @Override
  public ListProfiles listProfiles() {
    requireVerb("list-profiles");
    return command -> {
      String text =
          new String(
              call("list-profiles").positional(command).run(new byte[0]), StandardCharsets.UTF_8);
      List<Profile> profiles = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          profiles.add(Profile.parse(line.strip()));
        }
      }
      return profiles;
    };
  }

  @Override
  public GenerateKey generateKey() {
    SopCall call = call("generate-key");
    return new GenerateKey() {
      @Override
      public GenerateKey noArmor() {
        call.arg("--no-armor");
        return this;
      }

      @Override
      public GenerateKey userId(String userId) {
        call.positional(userId);
        return this;
      }

      @Override
      public GenerateKey withKeyPassword(String password) {
        call.fileOption("with-key-password", utf8(password));
        return this;
      }

      @Override
      public GenerateKey profile(String profile) {
        call.arg("--profile=" + profile);
        return this;
      }

      @Override
      public GenerateKey signingOnly() {
        call.arg("--signing-only");
        return this;
      }

      @Override
      public Ready generate() {
        return ready(call.run(new byte[0]));
      }
    };
  }

  @Override
  public ExtractCert extractCert() {
    SopCall call = call("extract-cert");
    return new ExtractCert() {
      @Override
      public ExtractCert noArmor() {
        call.arg("--no-armor");
        return this;
      }

      @Override
      public Ready key(InputStream key) {
        return ready(call.run(key));
      }
    };
  }

  @Override
  public ChangeKeyPassword changeKeyPassword() {
    SopCall call = call("change-key-password");
    return new ChangeKeyPassword() {
      @Override
      public ChangeKeyPassword noArmor() {
        call.arg("--no-armor");
        return this;
      }

      @Override
      public ChangeKeyPassword oldKeyPassphrase(String password) {
        call.fileOption("old-key-password", utf8(password));
        return this;
      }

      @Override
      public ChangeKeyPassword newKeyPassphrase(String password) {
        call.fileOption("new-key-password", utf8(password));
        return this;
      }

      @Override
      public Ready keys(InputStream keys) {
        return ready(call.run(keys));
      }
    };
  }

  @Override
  public RevokeKey revokeKey() {
    SopCall call = call("revoke-key");
    return new RevokeKey() {
      @Override
      public RevokeKey noArmor() {
        call.arg("--no-armor");
        return this;
      }

      @Override
      public RevokeKey withKeyPassword(byte[] password) {
        call.fileOption("with-key-password", password);
        return this;
      }

      @Override
      public Ready keys(InputStream keys) {
        return ready(call.run(keys));
      }
    };
  }

  @Override
  public UpdateKey updateKey() {
    SopCall call = call("update-key");
    return new UpdateKey() {
      @Override
      public UpdateKey noArmor() {
        call.arg("--no-armor");
        return this;
      }

      @Override
      public UpdateKey signingOnly() {
        call.arg("--signing-only");
        return this;
      }

      @Override
      public UpdateKey noAddedCapabilities() {
        call.arg("--no-added-capabilities");
        return this;
      }

      @Override
      public UpdateKey withKeyPassword(byte[] password) {
        call.fileOption("with-key-password", password);
        return this;
      }

      @Override
      public UpdateKey mergeCerts(InputStream certs) {
        call.arg("--merge-certs=" + call.file(certs));
        return this;
      }

      @Override
      public Ready key(InputStream key) {
        return ready(call.run(key));
      }
    };
  }

  @Override
  public MergeCerts mergeCerts() {
    SopCall call = call("merge-certs");
    return new MergeCerts() {
      @Override
      public MergeCerts noArmor() {
        call.arg("--no-armor");
        return this;
      }

      @Override
      public MergeCerts updates(InputStream updates) {
        call.positional(call.file(updates));
        return this;
      }

      @Override
      public Ready baseCertificates(InputStream certs) {
        return ready(call.run(certs));
      }
    };
  }

  @Override
  public CertifyUserId certifyUserId() {
    SopCall call = call("certify-userid");
    return new CertifyUserId() {
      @Override
      public CertifyUserId noArmor() {
        call.arg("--no-armor");
        return this;
      }

      @Override
      public CertifyUserId userId(String userId) {
        call.arg("--userid=" + userId);
        return this;
      }

      @Override
      public CertifyUserId withKeyPassword(byte[] password) {
        call.fileOption("with-key-password", password);
        return this;
      }

      @Override
      public CertifyUserId noRequireSelfSig() {
        call.arg("--no-require-self-sig");
        return this;
      }

      @Override
      public CertifyUserId keys(InputStream keys) {
        call.positional(call.file(keys));
        return this;
      }

      @Override
      public Ready certs(InputStream certs) {
        return ready(call.run(certs));
      }
    };
  }

  @Override
  public ValidateUserId validateUserId() {
    SopCall call = call("validate-userid");
    List<String> authorities = new ArrayList<>();
    return new ValidateUserId() {
      private @Nullable String userId;

      @Override
      public ValidateUserId addrSpecOnly() {
        call.arg("--addr-spec-only");
        return this;
      }

      @Override
      public ValidateUserId userId(String userId) {
        this.userId = userId;
        return this;
      }

      @Override
      public ValidateUserId authorities(InputStream certs) {
        authorities.add(call.file(certs));
        return this;
      }

      @Override
      public ValidateUserId validateAt(Date date) {
        call.arg("--validate-at=" + date(date));
        return this;
      }

      @Override
      public boolean subjects(InputStream certs) {
        call.positional(Objects.requireNonNull(userId, "userId"));
        authorities.forEach(call::positional);
        call.run(certs);
        return true;
      }
    };
  }

  @Override
  public Armor armor() {
    requireVerb("armor");
    return data -> ready(call("armor").run(data));
  }

  @Override
  public Dearmor dearmor() {
    requireVerb("dearmor");
    return data -> ready(call("dearmor").run(data));
  }

  @Override
  public DetachedSign detachedSign() {
    return new CliSopMessages.Sign(call("sign"));
  }

  @Override
  public DetachedVerify detachedVerify() {
    return new CliSopMessages.Verify(call("verify"));
  }

  @Override
  public InlineSign inlineSign() {
    return new CliSopMessages.InlineSignOp(call("inline-sign"));
  }

  @Override
  public InlineVerify inlineVerify() {
    return new CliSopMessages.InlineVerifyOp(call("inline-verify"));
  }

  @Override
  public InlineDetach inlineDetach() {
    return new CliSopMessages.InlineDetachOp(call("inline-detach"));
  }

  @Override
  public Encrypt encrypt() {
    return new CliSopMessages.EncryptOp(call("encrypt"));
  }

  @Override
  public Decrypt decrypt() {
    return new CliSopMessages.DecryptOp(call("decrypt"));
  }
}
