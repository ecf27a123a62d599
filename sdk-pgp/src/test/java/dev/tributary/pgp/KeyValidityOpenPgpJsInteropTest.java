package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.pgp.KeyValidityCases.Case;
import dev.tributary.pgp.KeyValidityCases.Outcome;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What OpenPGP.js 6 ({@link OpenPgpJs}) makes of the crafted certificates of {@link
 * KeyValidityCases}: whether it encrypts to each, and verifies a signature by its signing subkey
 * and one by its primary key. It sides with sqop on the primary key's flags (the user ID's win) and
 * with us and gpg on a subkey revoked as retired and bound again, takes a binding older than its
 * subkey as sqop and gpg do, and wants a user ID, as gpg does.
 */
class KeyValidityOpenPgpJsInteropTest {
  static final List<Case> CASES = KeyValidityCases.CASES;

  @RegisterExtension static final OpenPgpJs js = new OpenPgpJs();

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void openPgpJs(Case c) {
    CraftedCertificate crafted = c.key().get();
    String cert = crafted.armoredCertificate();
    String data = Base64.getEncoder().encodeToString(CraftedCertificate.DATA);
    ObjectNode encrypt = OpenPgpJs.request("encrypt").put("data", data);
    encrypt.putArray("certs").add(cert);

    Outcome outcome =
        new Outcome(
            js.run(encrypt).get(0).json().path("ok").asBoolean(),
            verifies(crafted, cert, data, false),
            verifies(crafted, cert, data, true));

    assertThat(outcome).isEqualTo(c.openPgpJs());
  }

  private static boolean verifies(
      CraftedCertificate crafted, String cert, String data, boolean primaryKey) {
    byte[] signature =
        crafted.signature(primaryKey, KeyValidityCases.NOW.minus(Duration.ofHours(1)));
    ObjectNode verify =
        OpenPgpJs.request("verify")
            .put("data", data)
            .put("signature", CraftedCertificate.armor(signature));
    verify.putArray("certs").add(cert);
    JsonNode answer = js.run(verify).get(0).json();
    JsonNode signatures = answer.path("signatures");
    return answer.path("ok").asBoolean()
        && signatures.size() == 1
        && signatures.get(0).path("valid").asBoolean();
  }
}
