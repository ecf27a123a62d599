package dev.tributary.sftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerLimitsTest {
  private static final int ONE_PACKET = 32_768 - 13;

  @Test
  void aStatedWriteLimit_allowsWritesUpToIt_beyondOnePacket() {
    ServerLimits openssh = new ServerLimits(261_120, 261_120);
    assertThat(openssh.writeSize(255 * 1024, ONE_PACKET)).isEqualTo(261_120);
    assertThat(openssh.writeSize(64 * 1024, ONE_PACKET)).isEqualTo(64 * 1024);
    assertThat(new ServerLimits(0, 100_000).writeSize(255 * 1024, ONE_PACKET)).isEqualTo(100_000);
  }

  @Test
  void withoutAStatedLimit_aWriteStaysWithinOneSshPacket() {
    assertThat(ServerLimits.UNKNOWN.writeSize(255 * 1024, ONE_PACKET)).isEqualTo(ONE_PACKET);
    assertThat(ServerLimits.UNKNOWN.writeSize(8 * 1024, ONE_PACKET)).isEqualTo(8 * 1024);
  }

  @Test
  void aWriteIsNeverBelowOneKibibyte() {
    assertThat(new ServerLimits(0, 10).writeSize(255 * 1024, ONE_PACKET)).isEqualTo(1024);
    assertThat(ServerLimits.UNKNOWN.writeSize(255 * 1024, 100)).isEqualTo(1024);
  }
}
