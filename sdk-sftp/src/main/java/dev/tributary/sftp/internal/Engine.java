package dev.tributary.sftp.internal;

import java.io.IOException;
import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.SessionFactory;
import net.schmizz.sshj.sftp.Request;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPEngine;
import net.schmizz.sshj.sftp.SFTPException;
import org.jspecify.annotations.Nullable;

/**
 * sshj's SFTP engine, made to fail fast on a dead connection. When sshj's packet reader dies it
 * fails the requests waiting at that moment, but a request sent just afterwards would wait for its
 * whole timeout; here it fails at once. And a request blocked in sending, waiting for the server to
 * open the channel window, would also wait the whole timeout when the connection dies (sshj does
 * not wake that wait): {@link #wakeUp()} interrupts it, and the interrupt is cleared again before
 * the request returns, so it never reaches other code.
 */
final class Engine extends SFTPEngine {
  // Not the engine's own monitor: sshj holds that while blocked in transmit().
  private final Object lock = new Object();
  private @Nullable Thread sending;
  private boolean interruptedBySelf;
  private boolean dead;

  Engine(SessionFactory ssh) throws SSHException {
    super(ssh);
  }

  /** The connection died: interrupt a request blocked in sending, and refuse new ones. */
  void wakeUp() {
    synchronized (lock) {
      dead = true;
      Thread t = sending;
      if (t != null) {
        interruptedBySelf = true;
        t.interrupt();
      }
    }
  }

  private void enter() throws SFTPException {
    synchronized (lock) {
      if (dead) {
        throw new SFTPException("the connection was lost");
      }
      sending = Thread.currentThread();
    }
  }

  private void exit() {
    synchronized (lock) {
      sending = null;
      if (interruptedBySelf) {
        interruptedBySelf = false;
        Thread.interrupted();
      }
    }
  }

  /** Whether the thread that reads the server's answers still runs. */
  boolean alive() {
    synchronized (lock) {
      return !dead && reader.isAlive();
    }
  }

  @Override
  public Promise<Response, SFTPException> request(Request req) throws IOException {
    Promise<Response, SFTPException> promise;
    enter();
    try {
      promise = super.request(req);
    } finally {
      exit();
    }
    if (!reader.isAlive()) {
      promise.deliverError(new SFTPException("the connection was lost"));
    }
    return promise;
  }
}
