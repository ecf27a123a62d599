package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshTestKeysTest {
  static final List<SshTestKey> ALL =
      List.of(
          SshTestKeys.CLIENT_ED25519,
          SshTestKeys.CLIENT_ED25519_PROTECTED,
          SshTestKeys.CLIENT_RSA_PEM,
          SshTestKeys.CLIENT_RSA_PEM_PROTECTED,
          SshTestKeys.HOST_ECDSA,
          SshTestKeys.HOST_ED25519);

  @Test
  void fingerprints_areTheSha256OfThePublicKeyBlob() throws Exception {
    for (SshTestKey key : ALL) {
      byte[] blob = Base64.getDecoder().decode(key.publicKey().split(" ")[1]);
      String computed =
          "SHA256:"
              + Base64.getEncoder()
                  .withoutPadding()
                  .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
      assertThat(key.fingerprint()).as(key.name()).isEqualTo(computed);
    }
  }

  @Test
  void formats_areWhatTheNamesSay() {
    assertThat(SshTestKeys.CLIENT_ED25519.privateKey())
        .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    assertThat(SshTestKeys.CLIENT_RSA_PEM.privateKey())
        .startsWith("-----BEGIN RSA PRIVATE KEY-----")
        .doesNotContain("ENCRYPTED");
    assertThat(SshTestKeys.CLIENT_RSA_PEM_PROTECTED.privateKey())
        .contains("Proc-Type: 4,ENCRYPTED");
    assertThat(SshTestKeys.CLIENT_ED25519_PROTECTED.passphrase()).isEqualTo(SshTestKeys.PASSPHRASE);
    assertThat(SshTestKeys.HOST_ECDSA.type()).isEqualTo("ecdsa-sha2-nistp256");
  }

  @Test
  void authorization_carriesThePassphrase_andPrintsNoSecret() {
    var auth = SshTestKeys.CLIENT_ED25519_PROTECTED.authorization("alice");
    assertThat(auth.passphrase().reveal()).isEqualTo(SshTestKeys.PASSPHRASE);
    assertThat(auth.toString())
        .doesNotContain("PRIVATE KEY")
        .doesNotContain(SshTestKeys.PASSPHRASE);
    assertThat(SshTestKeys.CLIENT_ED25519.authorization("a").passphrase().isEmpty()).isTrue();
  }
}
