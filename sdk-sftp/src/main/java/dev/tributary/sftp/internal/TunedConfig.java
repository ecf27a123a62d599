package dev.tributary.sftp.internal;

import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;

/**
 * sshj's default configuration with the JDK-first ciphers and MACs of {@link JdkCrypto} and a
 * keep-alive that notices a dead peer ({@code keepalive@openssh.com} with replies), instead of
 * sshj's one-way heartbeat. sshj's own log lines go to DEBUG ({@link QuietSshjLoggers}).
 */
final class TunedConfig extends DefaultConfig {
  TunedConfig() {
    setLoggerFactory(new QuietSshjLoggers());
    setCipherFactories(JdkCrypto.ciphers());
    setMACFactories(JdkCrypto.macs());
    setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
  }
}
