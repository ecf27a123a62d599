package dev.tributary.sftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The bulk crypto of a transfer comes from the JDK's SunJCE (AES-NI, SHA intrinsics) even when a
 * library put BouncyCastle, whose pure-Java AES moves about 50 MiB/s, first in the provider list.
 */
@ResourceLock("java.security.Security")
class JdkCryptoTest {
  /** Where BouncyCastle was in the provider list before the test (1-based), or -1. */
  private int previousPosition = -1;

  @BeforeEach
  void bouncyCastleFirst() {
    Provider[] providers = Security.getProviders();
    for (int i = 0; i < providers.length; i++) {
      if (providers[i].getName().equals(BouncyCastleProvider.PROVIDER_NAME)) {
        previousPosition = i + 1;
      }
    }
    Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
    Security.insertProviderAt(new BouncyCastleProvider(), 1);
  }

  @AfterEach
  void restore() {
    Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
    if (previousPosition > 0) {
      Security.insertProviderAt(new BouncyCastleProvider(), previousPosition);
    }
  }

  @Test
  void aesAndHmacComeFromSunJceEvenWithBouncyCastleFirst() throws Exception {
    assertThat(javax.crypto.Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
        .as("precondition: another provider is preferred by default")
        .isNotEqualTo("SunJCE");

    assertThat(JdkCrypto.cipher("AES/GCM/NoPadding").getProvider().getName()).isEqualTo("SunJCE");
    assertThat(JdkCrypto.cipher("AES/CTR/NoPadding").getProvider().getName()).isEqualTo("SunJCE");
    assertThat(JdkCrypto.mac("HmacSHA256").getProvider().getName()).isEqualTo("SunJCE");
  }

  @Test
  void theJdkCiphersArePreferredAndChachaComesLast() {
    var names = JdkCrypto.ciphers().stream().map(f -> f.getName()).toList();

    assertThat(names.get(0)).isEqualTo("aes128-gcm@openssh.com");
    assertThat(names.get(names.size() - 1)).isEqualTo("chacha20-poly1305@openssh.com");
    assertThat(JdkCrypto.ciphers().get(0).create()).isInstanceOf(JdkCrypto.JdkGcmCipher.class);
  }
}
