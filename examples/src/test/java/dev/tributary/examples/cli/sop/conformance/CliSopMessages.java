package dev.tributary.examples.cli.sop.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sop.DecryptionResult;
import sop.EncryptionResult;
import sop.MicAlg;
import sop.Ready;
import sop.ReadyWithResult;
import sop.SessionKey;
import sop.Signatures;
import sop.SigningResult;
import sop.Verification;
import sop.enums.EncryptAs;
import sop.enums.InlineSignAs;
import sop.enums.SignAs;
import sop.operation.AbstractSign;
import sop.operation.AbstractVerify;
import sop.operation.Decrypt;
import sop.operation.DetachedSign;
import sop.operation.DetachedVerify;
import sop.operation.Encrypt;
import sop.operation.InlineDetach;
import sop.operation.InlineSign;
import sop.operation.InlineVerify;
import sop.operation.VerifySignatures;

/**
 * The message verbs of {@link CliSop}: sign, verify, encrypt, decrypt and their inline forms.
 * Results beside the data — verifications, the session key, the micalg, detached signatures — come
 * back through the draft's {@code --*-out} files.
 */
final class CliSopMessages {
  private CliSopMessages() {}

  /** A {@link ReadyWithResult} for bytes and a result a call has already produced. */
  static <T> ReadyWithResult<T> ready(byte[] bytes, T result) {
    return new ReadyWithResult<>() {
      @Override
      public T writeTo(OutputStream out) throws IOException {
        out.write(bytes);
        return result;
      }
    };
  }

  /** The verifications a call wrote, one a line: to stdout or to {@code --verifications-out}. */
  static List<Verification> verifications(byte @Nullable [] text) {
    List<Verification> list = new ArrayList<>();
    if (text != null) {
      for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          list.add(Verification.fromString(line.strip()));
        }
      }
    }
    return list;
  }

  /** What a call wrote to stdout, and the result read from its other outputs. */
  private record Produced<T>(byte[] stdout, T result) {}

  /** The options sign and inline-sign share: KEYS..., --no-armor, --with-key-password, --as. */
  private abstract static class Signing<T> implements AbstractSign<T> {
    final SopCall call;

    Signing(SopCall call) {
      this.call = call;
    }

    abstract T self();

    @Override
    public T noArmor() {
      call.arg("--no-armor");
      return self();
    }

    @Override
    public T key(InputStream key) {
      call.positional(call.file(key));
      return self();
    }

    @Override
    public T withKeyPassword(byte[] password) {
      call.fileOption("with-key-password", password);
      return self();
    }

    T as(Enum<?> mode) {
      call.arg("--as=" + mode.name());
      return self();
    }
  }

  /**
   * The options verify and inline-verify share: --not-before, --not-after and CERTS..., which go
   * last, after the signatures of verify.
   */
  private abstract static class Verifying<T> implements AbstractVerify<T> {
    final SopCall call;
    private final List<String> certs = new ArrayList<>();

    Verifying(SopCall call) {
      this.call = call;
    }

    abstract T self();

    @Override
    public T notBefore(Date date) {
      call.arg("--not-before=" + CliSop.date(date));
      return self();
    }

    @Override
    public T notAfter(Date date) {
      call.arg("--not-after=" + CliSop.date(date));
      return self();
    }

    @Override
    public T cert(InputStream cert) {
      certs.add(call.file(cert));
      return self();
    }

    /** Adds the certificates as positional arguments. */
    void addCerts() {
      certs.forEach(call::positional);
    }
  }

  static final class Sign extends Signing<DetachedSign> implements DetachedSign {
    Sign(SopCall call) {
      super(call);
    }

    @Override
    DetachedSign self() {
      return this;
    }

    @Override
    public DetachedSign mode(SignAs mode) {
      return as(mode);
    }

    @Override
    public ReadyWithResult<SigningResult> data(InputStream data) {
      String micalg = call.outputFile("micalg");
      call.arg("--micalg-out=" + micalg);
      Produced<SigningResult> out =
          call.run(
              SopCall.readAll(data),
              stdout -> {
                byte[] name = call.output(micalg);
                MicAlg alg =
                    name == null
                        ? MicAlg.empty()
                        : new MicAlg(new String(name, StandardCharsets.UTF_8).strip());
                return new Produced<>(stdout, new SigningResult(alg));
              });
      return ready(out.stdout(), out.result());
    }
  }

  static final class Verify extends Verifying<DetachedVerify> implements DetachedVerify {
    private @Nullable String signatures;

    Verify(SopCall call) {
      super(call);
    }

    @Override
    DetachedVerify self() {
      return this;
    }

    @Override
    public VerifySignatures signatures(InputStream signatures) {
      this.signatures = call.file(signatures);
      return this;
    }

    @Override
    public List<Verification> data(InputStream data) {
      if (signatures != null) {
        call.positional(signatures);
      }
      addCerts();
      return verifications(call.run(data));
    }
  }

  static final class InlineSignOp extends Signing<InlineSign> implements InlineSign {
    InlineSignOp(SopCall call) {
      super(call);
    }

    @Override
    InlineSign self() {
      return this;
    }

    @Override
    public InlineSign mode(InlineSignAs mode) {
      return as(mode);
    }

    @Override
    public Ready data(InputStream data) {
      return CliSop.ready(call.run(data));
    }
  }

  static final class InlineVerifyOp extends Verifying<InlineVerify> implements InlineVerify {
    InlineVerifyOp(SopCall call) {
      super(call);
    }

    @Override
    InlineVerify self() {
      return this;
    }

    @Override
    public ReadyWithResult<List<Verification>> data(InputStream data) {
      String verifications = call.outputFile("verifications");
      call.arg("--verifications-out=" + verifications);
      addCerts();
      Produced<List<Verification>> out =
          call.run(
              SopCall.readAll(data),
              stdout -> new Produced<>(stdout, verifications(call.output(verifications))));
      return ready(out.stdout(), out.result());
    }
  }

  static final class InlineDetachOp implements InlineDetach {
    private final SopCall call;

    InlineDetachOp(SopCall call) {
      this.call = call;
    }

    @Override
    public InlineDetach noArmor() {
      call.arg("--no-armor");
      return this;
    }

    @Override
    public ReadyWithResult<Signatures> message(InputStream message) {
      String signaturesOut = call.outputFile("signatures");
      call.arg("--signatures-out=" + signaturesOut);
      Produced<Signatures> out =
          call.run(
              SopCall.readAll(message),
              stdout -> {
                byte[] signatures =
                    Objects.requireNonNull(
                        call.output(signaturesOut), "inline-detach wrote no --signatures-out");
                return new Produced<>(
                    stdout,
                    new Signatures() {
                      @Override
                      public void writeTo(OutputStream o) throws IOException {
                        o.write(signatures);
                      }
                    });
              });
      return ready(out.stdout(), out.result());
    }
  }

  static final class EncryptOp implements Encrypt {
    private final SopCall call;

    EncryptOp(SopCall call) {
      this.call = call;
    }

    @Override
    public Encrypt noArmor() {
      call.arg("--no-armor");
      return this;
    }

    @Override
    public Encrypt mode(EncryptAs mode) {
      call.arg("--as=" + mode.name());
      return this;
    }

    @Override
    public Encrypt signWith(InputStream key) {
      call.arg("--sign-with=" + call.file(key));
      return this;
    }

    @Override
    public Encrypt withKeyPassword(byte[] password) {
      call.fileOption("with-key-password", password);
      return this;
    }

    @Override
    public Encrypt withPassword(String password) {
      call.fileOption("with-password", CliSop.utf8(password));
      return this;
    }

    @Override
    public Encrypt withCert(InputStream cert) {
      call.positional(call.file(cert));
      return this;
    }

    @Override
    public Encrypt profile(String profile) {
      call.arg("--profile=" + profile);
      return this;
    }

    @Override
    public ReadyWithResult<EncryptionResult> plaintext(InputStream plaintext) {
      return ready(call.run(plaintext), new EncryptionResult(null));
    }
  }

  static final class DecryptOp implements Decrypt {
    private final SopCall call;
    private boolean verify;

    DecryptOp(SopCall call) {
      this.call = call;
    }

    @Override
    public Decrypt verifyNotBefore(Date date) {
      call.arg("--verify-not-before=" + CliSop.date(date));
      return this;
    }

    @Override
    public Decrypt verifyNotAfter(Date date) {
      call.arg("--verify-not-after=" + CliSop.date(date));
      return this;
    }

    @Override
    public Decrypt verifyWithCert(InputStream cert) {
      call.arg("--verify-with=" + call.file(cert));
      verify = true;
      return this;
    }

    @Override
    public Decrypt withSessionKey(SessionKey sessionKey) {
      call.fileOption("with-session-key", CliSop.utf8(sessionKey.toString()));
      return this;
    }

    @Override
    public Decrypt withPassword(String password) {
      call.fileOption("with-password", CliSop.utf8(password));
      return this;
    }

    @Override
    public Decrypt withKey(InputStream key) {
      call.positional(call.file(key));
      return this;
    }

    @Override
    public Decrypt withKeyPassword(byte[] password) {
      call.fileOption("with-key-password", password);
      return this;
    }

    @Override
    public ReadyWithResult<DecryptionResult> ciphertext(InputStream ciphertext) {
      String sessionKeyOut = call.outputFile("session-key");
      String verificationsOut = call.outputFile("verifications");
      call.arg("--session-key-out=" + sessionKeyOut);
      if (verify) {
        call.arg("--verifications-out=" + verificationsOut);
      }
      Produced<DecryptionResult> out =
          call.run(
              SopCall.readAll(ciphertext),
              stdout -> {
                byte[] key = call.output(sessionKeyOut);
                SessionKey sessionKey =
                    key == null
                        ? null
                        : SessionKey.fromString(new String(key, StandardCharsets.UTF_8).strip());
                return new Produced<>(
                    stdout,
                    new DecryptionResult(sessionKey, verifications(call.output(verificationsOut))));
              });
      return ready(out.stdout(), out.result());
    }
  }
}
