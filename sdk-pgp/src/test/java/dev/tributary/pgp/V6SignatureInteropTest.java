package dev.tributary.pgp;

import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.pgp.V6SignatureGrammarTest.Case;
import dev.tributary.testing.PgpTestKeys;
import java.util.Base64;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The crafted v4 and v6 signatures of {@link V6SignatureGrammarTest}, read by OpenPGP.js 6, the one
 * implementation at hand that reads v6 signatures (gpg 2.2 and sqop 0.27 do not): what it says of
 * each is the table's {@code openPgpJs} column. Where it says valid and we do not, RFC 9580 calls
 * the signature malformed (a version or salt that does not fit) or the message's one-pass signature
 * does not announce it; where we say valid and it does not, it checked the signature with a key
 * that an unhashed subpacket, or the first certificate given, named.
 */
class V6SignatureInteropTest {
  @RegisterExtension static final OpenPgpJs js = new OpenPgpJs();

  /** OpenPGP.js's request to read {@code c}'s signature with its certificates. */
  static ObjectNode request(Case c) {
    Base64.Encoder b64 = Base64.getEncoder();
    ArrayNode certs = OpenPgpJs.JSON.createArrayNode();
    c.certs().forEach(cert -> certs.add(cert.armored()));
    return switch (c.form()) {
      case DETACHED ->
          OpenPgpJs.request("verify")
              .put("data", b64.encodeToString(V6SignatureGrammarTest.DATA))
              .put("signature", V6Craft.armoredSignature((byte[]) c.message()))
              .set("certs", certs);
      case ONE_PASS, OLD_STYLE ->
          OpenPgpJs.request("verify-inline")
              .put("message", b64.encodeToString((byte[]) c.message()))
              .set("certs", certs);
      case CLEARTEXT ->
          OpenPgpJs.request("verify-cleartext")
              .put("message", (String) c.message())
              .set("certs", certs);
      case ENCRYPTED ->
          OpenPgpJs.request("decrypt")
              .put("key", PgpTestKeys.ALICE_RSA.armoredPrivateKey())
              .put("message", b64.encodeToString(encrypted((byte[]) c.message())))
              .set("verifyWith", certs);
    };
  }

  static byte[] encrypted(byte[] message) {
    try {
      return encryptedToAlice(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** "valid", "invalid" or "refused", and OpenPGP.js's words. */
  static String verdict(JsonNode answer) {
    if (!answer.path("ok").asBoolean()) {
      return "refused";
    }
    JsonNode signatures = answer.path("signatures");
    assertThat(signatures.size()).as("signatures in %s", answer).isOne();
    return signatures.get(0).path("valid").asBoolean() ? "valid" : "invalid";
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.tributary.pgp.V6SignatureGrammarTest#CASES")
  void openPgpJs_readsTheCraftedSignature_asTheTableSays(Case c) {
    JsonNode answer = js.run(request(c)).get(0).json();
    assertThat(verdict(answer)).as("OpenPGP.js: %s", answer).isEqualTo(c.openPgpJs());
  }
}
