package dev.tributary.sftp.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.SessionFactory;
import net.schmizz.sshj.sftp.PacketType;
import net.schmizz.sshj.sftp.Request;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPEngine;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.sftp.SFTPPacket;
import org.jspecify.annotations.Nullable;

/**
 * sshj's SFTP engine with its own thread for the server's replies, moving the data of a transfer
 * without a fresh buffer for each packet's bytes, and failing fast on a dead connection.
 *
 * <p>Bulk data: sshj copies every reply into a new array the size of the packet, and builds every
 * write request in a new buffer that grows to the next power of two. At hundreds of megabytes a
 * second that allocation, its zeroing and the fresh heap pages it touches cost more CPU than the
 * encryption (measured with {@code perf}: a quarter of a download's samples). Here a read's data
 * goes straight from the channel into the array its caller supplied ({@link #read}), and a write
 * goes straight from the caller's array into the channel ({@link #write}). Every other reply
 * becomes sshj's {@link Response} as before.
 *
 * <p>Dead connections: when the reply thread ends, for whatever reason, it fails the requests
 * waiting at that moment, including one whose reply it was reading, and a request sent afterwards
 * fails at once instead of waiting for its whole timeout. A request blocked in sending, waiting for
 * the server to open the channel window, would also wait the whole timeout when the connection dies
 * (sshj does not wake that wait): {@link #wakeUp()} interrupts it, and the interrupt is cleared
 * again before the request returns, so it never reaches other code.
 */
final class Engine extends SFTPEngine {
  /**
   * The answer to a {@link #read}: {@code length} bytes in the caller's array, or another reply.
   */
  record ReadReply(int length, @Nullable Response other) {}

  /** A request waiting for its reply. */
  private sealed interface Pending permits Plain, Read {
    Promise<?, SFTPException> promise();

    default void fail(IOException e) {
      promise().deliverError(e);
    }
  }

  private record Plain(Promise<Response, SFTPException> promise) implements Pending {}

  private record Read(Promise<ReadReply, SFTPException> promise, byte[] into) implements Pending {}

  private static final int DATA = PacketType.DATA.toByte() & 0xff;

  // Not the engine's own monitor: that is held while blocked in transmit().
  private final Object lock = new Object();
  private @Nullable Thread sending;
  private boolean interruptedBySelf;
  private boolean dead;

  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final DataInputStream in;
  // Used by one thread at a time: init(), then the reply thread.
  private final SFTPPacket<Response> packet = new SFTPPacket<>();
  private @Nullable Thread replies;
  // Guarded by the engine's monitor (this).
  private byte[] writeHeader = new byte[64];

  Engine(SessionFactory ssh) throws SSHException {
    super(ssh);
    this.in = new DataInputStream(sub.getInputStream());
  }

  /** Agrees on the protocol version, then starts the reply thread in place of sshj's. */
  @Override
  protected SFTPEngine init(int requestedVersion) throws IOException {
    transmit(new SFTPPacket<Request>(PacketType.INIT).putUInt32(requestedVersion));
    int length = readLength();
    int type = in.readUnsignedByte();
    if (type != (PacketType.VERSION.toByte() & 0xff)) {
      throw new SFTPException("the server answered INIT with packet type " + type);
    }
    packet.clear();
    readInto(packet, length - 1);
    operativeVersion = packet.readUInt32AsInt();
    if (operativeVersion > requestedVersion) {
      throw new SFTPException("the server speaks SFTP version " + operativeVersion);
    }
    while (packet.available() > 0) {
      serverExtensions.put(packet.readString(), packet.readString());
    }
    Thread t = new Thread(this::readReplies, "tributary-sftp-replies");
    t.setDaemon(true);
    replies = t;
    t.start();
    return this;
  }

  private int readLength() throws IOException {
    int length = in.readInt();
    if (length < 1 || length > SFTPPacket.MAX_SIZE) {
      throw new SFTPException("a packet of " + (length & 0xffffffffL) + " bytes: not SFTP");
    }
    return length;
  }

  private void readInto(SFTPPacket<Response> p, int n) throws IOException {
    p.ensureCapacity(n);
    in.readFully(p.array(), p.wpos(), n);
    p.wpos(p.wpos() + n);
  }

  private void readReplies() {
    Pending current = null; // taken from the map, not answered yet: failed with the rest
    Throwable failure = null;
    try {
      while (true) {
        int length = readLength();
        if (length < 5) {
          throw new SFTPException("a reply of " + length + " bytes has no request id");
        }
        int type = in.readUnsignedByte();
        long id = in.readInt() & 0xffffffffL;
        current = pending.remove(id);
        if (current == null) {
          throw new SFTPException("a reply to request " + id + ", which was never sent");
        }
        int rest = length - 5;
        if (current instanceof Read r && type == DATA && rest >= 4) {
          int n = in.readInt();
          if (n < 0 || n > rest - 4 || n > r.into().length) {
            throw new SFTPException(
                "the server sent " + n + " bytes for a read of " + r.into().length);
          }
          in.readFully(r.into(), 0, n);
          in.skipNBytes(rest - 4L - n);
          current = null;
          r.promise().deliver(new ReadReply(n, null));
          continue;
        }
        packet.clear();
        packet.putByte((byte) type);
        packet.putUInt32(id);
        readInto(packet, rest);
        Response response = new Response(packet, operativeVersion);
        Pending answered = current;
        current = null;
        if (answered instanceof Plain plain) {
          plain.promise().deliver(response);
        } else if (answered instanceof Read r) {
          r.promise().deliver(new ReadReply(0, response));
        }
      }
    } catch (IOException e) {
      failure = e; // the usual end: the channel closed, or the connection dropped
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      // Whatever ended this thread: no request may be left waiting for an answer.
      synchronized (lock) {
        dead = true;
      }
      IOException cause =
          failure instanceof IOException io
              ? io
              : new SFTPException("reading the server's replies failed", failure);
      if (current != null) {
        current.fail(cause);
      }
      for (Long id : pending.keySet()) {
        Pending p = pending.remove(id);
        if (p != null) {
          p.fail(cause);
        }
      }
    }
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
      Thread t = replies;
      return !dead && t != null && t.isAlive();
    }
  }

  private <T> Promise<T, SFTPException> promise(long id) {
    return new Promise<>("sftp / " + id, SFTPException.chainer, getLoggerFactory());
  }

  /** After sending: a reply thread that died meanwhile will never answer. */
  private void failIfDead(long id) {
    if (!alive()) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.fail(new SFTPException("the connection was lost"));
      }
    }
  }

  /** Something sent to the server. */
  private interface Send {
    void run() throws IOException;
  }

  /**
   * Registers {@code waiting} under {@code id}, then sends. A failed send leaves it registered, as
   * sshj does: the packet may already sit in the channel's buffer and be answered later, and a
   * reply to a forgotten id would end the connection.
   */
  private void send(long id, Pending waiting, Send send) throws IOException {
    enter();
    try {
      pending.put(id, waiting);
      send.run();
    } catch (RuntimeException e) {
      // sshj's transport can fail this way while the connection is torn down under it (seen: an
      // index out of bounds in its packet encoder after the server dropped the connection).
      wakeUp();
      throw new SFTPException("sending to the server failed: the connection is broken", e);
    } finally {
      exit();
    }
    failIfDead(id);
  }

  @Override
  public Promise<Response, SFTPException> request(Request req) throws IOException {
    Promise<Response, SFTPException> promise = promise(req.getRequestID());
    send(req.getRequestID(), new Plain(promise), () -> transmit(req));
    return promise;
  }

  /**
   * Sends an SSH_FXP_READ whose data the reply thread puts straight into {@code into} (as many
   * bytes as the server sends, at most {@code into.length}). The caller must not touch {@code into}
   * until the promise is fulfilled, nor reuse it if the promise fails.
   */
  Promise<ReadReply, SFTPException> read(byte[] handle, long offset, byte[] into)
      throws IOException {
    Request req =
        newRequest(PacketType.READ).putString(handle).putUInt64(offset).putUInt32(into.length);
    Promise<ReadReply, SFTPException> promise = promise(req.getRequestID());
    send(req.getRequestID(), new Read(promise, into), () -> transmit(req));
    return promise;
  }

  /**
   * Sends an SSH_FXP_WRITE straight from {@code data}, without building the packet first. The
   * channel copies the bytes into its own packet before this returns, so the caller may reuse
   * {@code data} at once.
   */
  Promise<Response, SFTPException> write(byte[] handle, long offset, byte[] data, int off, int len)
      throws IOException {
    Objects.checkFromIndexSize(off, len, data.length);
    long id = newRequest(PacketType.WRITE).getRequestID();
    Promise<Response, SFTPException> promise = promise(id);
    send(id, new Plain(promise), () -> transmitWrite(id, handle, offset, data, off, len));
    return promise;
  }

  /** The engine's monitor, as {@code transmit()} uses: packets never interleave. */
  private synchronized void transmitWrite(
      long id, byte[] handle, long offset, byte[] data, int off, int len) throws IOException {
    int fields = 1 + 4 + 4 + handle.length + 8 + 4;
    if (writeHeader.length < 4 + fields) {
      writeHeader = new byte[4 + fields];
    }
    ByteBuffer h = ByteBuffer.wrap(writeHeader);
    h.putInt(fields + len).put(PacketType.WRITE.toByte()).putInt((int) id);
    h.putInt(handle.length).put(handle).putLong(offset).putInt(len);
    out.write(writeHeader, 0, h.position());
    out.write(data, off, len);
    out.flush();
  }
}
