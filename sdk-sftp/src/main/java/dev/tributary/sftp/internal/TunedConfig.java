package dev.tributary.sftp.internal;

import com.hierynomus.sshj.key.KeyAlgorithms;
import com.hierynomus.sshj.transport.kex.DHGroups;
import com.hierynomus.sshj.transport.kex.ExtInfoClientFactory;
import com.hierynomus.sshj.transport.kex.ExtendedDHGroups;
import com.hierynomus.sshj.userauth.keyprovider.OpenSSHKeyV1KeyFile;
import java.util.List;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.ConfigImpl;
import net.schmizz.sshj.transport.compression.NoneCompression;
import net.schmizz.sshj.transport.kex.Curve25519SHA256;
import net.schmizz.sshj.transport.kex.DHGexSHA256;
import net.schmizz.sshj.transport.kex.ECDHNistP;
import net.schmizz.sshj.transport.random.JCERandom;
import net.schmizz.sshj.transport.random.SingletonRandomFactory;
import net.schmizz.sshj.userauth.keyprovider.OpenSSHKeyFile;
import net.schmizz.sshj.userauth.keyprovider.PKCS8KeyFile;

/**
 * sshj's configuration for this SDK: the JDK-first ciphers and MACs of {@link JdkCrypto}, modern
 * key exchanges and host-key algorithms only (no SHA-1 key exchange, no DSA), a keep-alive that
 * notices a dead peer ({@code keepalive@openssh.com} with replies) instead of sshj's one-way
 * heartbeat, and sshj's own log lines at DEBUG ({@link QuietSshjLoggers}).
 *
 * <p>Built on {@code ConfigImpl} rather than sshj's {@code DefaultConfig}, which instantiates and
 * tests some thirty ciphers (most of them BouncyCastle's) on every construction.
 */
final class TunedConfig extends ConfigImpl {
  TunedConfig() {
    SshjSecurity.install();
    setLoggerFactory(new QuietSshjLoggers());
    setVersion("TRIBUTARY_SFTP");
    setKeyExchangeFactories(
        new Curve25519SHA256.Factory(),
        new Curve25519SHA256.FactoryLibSsh(),
        new ECDHNistP.Factory256(),
        new ECDHNistP.Factory384(),
        new ECDHNistP.Factory521(),
        new DHGexSHA256.Factory(),
        ExtendedDHGroups.Group16SHA512AtSSH(),
        ExtendedDHGroups.Group18SHA512AtSSH(),
        DHGroups.Group16SHA512(),
        DHGroups.Group18SHA512(),
        DHGroups.Group14SHA256(),
        new ExtInfoClientFactory());
    setKeyAlgorithms(
        List.of(
            KeyAlgorithms.EdDSA25519CertV01(),
            KeyAlgorithms.EdDSA25519(),
            KeyAlgorithms.ECDSASHANistp521CertV01(),
            KeyAlgorithms.ECDSASHANistp521(),
            KeyAlgorithms.ECDSASHANistp384CertV01(),
            KeyAlgorithms.ECDSASHANistp384(),
            KeyAlgorithms.ECDSASHANistp256CertV01(),
            KeyAlgorithms.ECDSASHANistp256(),
            KeyAlgorithms.RSASHA512(),
            KeyAlgorithms.RSASHA256(),
            KeyAlgorithms.SSHRSACertV01(),
            KeyAlgorithms.SSHRSA()));
    setRandomFactory(new SingletonRandomFactory(new JCERandom.Factory()));
    setFileKeyProviderFactories(
        new OpenSSHKeyV1KeyFile.Factory(),
        new PKCS8KeyFile.Factory(),
        new OpenSSHKeyFile.Factory());
    setCipherFactories(JdkCrypto.ciphers());
    setMACFactories(JdkCrypto.macs());
    setCompressionFactories(new NoneCompression.Factory());
    setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
  }
}
