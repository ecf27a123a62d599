package dev.tributary.pgp.internal;

import java.io.OutputStream;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;

/**
 * A verifier that forwards everything to {@link #inner}: its hash and key algorithms and key ID
 * always, its digest's stream and its check unless a subclass says otherwise.
 */
abstract class ForwardingVerifier implements PGPContentVerifier {
  final PGPContentVerifier inner;

  ForwardingVerifier(PGPContentVerifier inner) {
    this.inner = inner;
  }

  @Override
  public OutputStream getOutputStream() {
    return inner.getOutputStream();
  }

  @Override
  public int getHashAlgorithm() {
    return inner.getHashAlgorithm();
  }

  @Override
  public int getKeyAlgorithm() {
    return inner.getKeyAlgorithm();
  }

  @Override
  public long getKeyID() {
    return inner.getKeyID();
  }

  @Override
  public boolean verify(byte[] expected) {
    return inner.verify(expected);
  }
}
