package dev.tributary.sftp.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.PacketType;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPException;

/**
 * An open remote file whose reads and writes can be sent without waiting for the answer, so that
 * many are in flight at once (sshj keeps its asynchronous calls {@code protected}).
 */
final class OpenFile extends RemoteFile {
  private final Engine engine;

  private OpenFile(Engine engine, String path, byte[] handle) {
    super(engine, path, handle);
    this.engine = engine;
  }

  static OpenFile open(Engine engine, String path, Set<OpenMode> modes) throws IOException {
    byte[] handle =
        engine
            .request(
                engine
                    .newRequest(PacketType.OPEN)
                    .putString(path, engine.getSubsystem().getRemoteCharset())
                    .putUInt32(OpenMode.toMask(modes))
                    .putFileAttributes(FileAttributes.EMPTY))
            .retrieve(engine.getTimeoutMs(), TimeUnit.MILLISECONDS)
            .ensurePacketTypeIs(PacketType.HANDLE)
            .readBytes();
    return new OpenFile(engine, path, handle);
  }

  /** Reads up to {@code into.length} bytes at {@code offset} straight into {@code into}. */
  Promise<Engine.ReadReply, SFTPException> sendRead(long offset, byte[] into) throws IOException {
    return engine.read(handle, offset, into);
  }

  Promise<Response, SFTPException> sendWrite(long offset, byte[] data, int length)
      throws IOException {
    return engine.write(handle, offset, data, 0, length);
  }

  /** The largest write that fits one SSH channel packet of the server. */
  int writeSizeForOnePacket() {
    return (int) requester.getSubsystem().getRemoteMaxPacketSize() - getOutgoingPacketOverhead();
  }
}
