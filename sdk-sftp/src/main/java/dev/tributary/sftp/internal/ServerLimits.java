package dev.tributary.sftp.internal;

import java.io.IOException;
import net.schmizz.sshj.sftp.PacketType;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPEngine;

/**
 * The largest read and write a server accepts, from OpenSSH's {@code limits@openssh.com} extension;
 * 0 when the server does not say. A read above the limit comes back short; a write above it can end
 * the session, so writes must respect it, and where no limit is stated stay within one SSH packet.
 */
record ServerLimits(long maxRead, long maxWrite) {
  static final ServerLimits UNKNOWN = new ServerLimits(0, 0);

  static ServerLimits query(SFTPEngine engine) {
    if (!engine.supportsServerExtension("limits", "openssh.com")) {
      return UNKNOWN;
    }
    try {
      Response r =
          engine
              .request(engine.newExtendedRequest("limits@openssh.com"))
              .retrieve(engine.getTimeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS);
      if (r.getType() != PacketType.EXTENDED_REPLY) {
        return UNKNOWN;
      }
      r.readUInt64(); // max packet length
      long maxRead = r.readUInt64();
      long maxWrite = r.readUInt64();
      return new ServerLimits(maxRead, maxWrite);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  /** {@code wanted}, or less if the server allows less. */
  int capRead(int wanted) {
    return maxRead > 0 ? (int) Math.min(wanted, maxRead) : wanted;
  }

  /**
   * The size of one write: {@code wanted}, capped by the server's stated limit, or where the server
   * states none by {@code onePacket} (the payload of one SSH packet, which every server accepts);
   * at least 1 KiB.
   */
  int writeSize(int wanted, int onePacket) {
    long cap = maxWrite > 0 ? maxWrite : onePacket;
    return (int) Math.max(1024, Math.min(wanted, cap));
  }
}
