package dev.tributary.examples.cli.sop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.cli.Options;

/**
 * What {@code sop version --sop-spec} prints: the draft revision these verbs follow, with {@code ~}
 * in front because they cover only part of it, then a line for each of the draft's verbs and
 * options that is missing here. The missing ones are found by comparing the draft's verbs and
 * options below with the registered verbs and their Commons CLI options, so the text stays true as
 * verbs and options are added.
 */
final class SopSpec {
  static final String REVISION = "draft-dkg-openpgp-stateless-cli-15";

  /** The draft's verbs and their options (without {@code armor --label}, which it deprecated). */
  private static final Map<String, List<String>> DRAFT = new LinkedHashMap<>();

  static {
    DRAFT.put("version", List.of("backend", "extended", "sop-spec", "sopv"));
    DRAFT.put("list-profiles", List.of());
    DRAFT.put("generate-key", List.of("no-armor", "with-key-password", "profile", "signing-only"));
    DRAFT.put("change-key-password", List.of("no-armor", "new-key-password", "old-key-password"));
    DRAFT.put("revoke-key", List.of("no-armor", "with-key-password"));
    DRAFT.put("extract-cert", List.of("no-armor"));
    DRAFT.put(
        "update-key",
        List.of(
            "no-armor",
            "signing-only",
            "no-added-capabilities",
            "with-key-password",
            "merge-certs"));
    DRAFT.put("merge-certs", List.of("no-armor"));
    DRAFT.put(
        "certify-userid",
        List.of("no-armor", "userid", "with-key-password", "no-require-self-sig"));
    DRAFT.put("validate-userid", List.of("addr-spec-only", "validate-at"));
    DRAFT.put("sign", List.of("no-armor", "as", "with-key-password", "micalg-out"));
    DRAFT.put("verify", List.of("not-before", "not-after"));
    DRAFT.put(
        "encrypt",
        List.of("as", "no-armor", "with-password", "sign-with", "with-key-password", "profile"));
    DRAFT.put(
        "decrypt",
        List.of(
            "session-key-out",
            "with-session-key",
            "with-password",
            "verifications-out",
            "verify-with",
            "verify-not-before",
            "verify-not-after",
            "with-key-password"));
    DRAFT.put("armor", List.of());
    DRAFT.put("dearmor", List.of());
    DRAFT.put("inline-detach", List.of("no-armor", "signatures-out"));
    DRAFT.put("inline-sign", List.of("no-armor", "with-key-password", "as"));
    DRAFT.put("inline-verify", List.of("not-before", "not-after", "verifications-out"));
  }

  private SopSpec() {}

  /** The {@code --sop-spec} text for {@code verbs}: the revision line, then what is missing. */
  static String describe(Map<String, Supplier<Verb>> verbs) {
    List<String> missing = new ArrayList<>();
    DRAFT.forEach(
        (name, options) -> {
          Supplier<Verb> verb = verbs.get(name);
          if (verb == null) {
            missing.add("missing: " + name);
            return;
          }
          Options offered = verb.get().options();
          for (String option : options) {
            if (!offered.hasLongOption(option)) {
              missing.add("missing: " + name + " --" + option);
            }
          }
        });
    missing.add("missing: --as=text (sign and encrypt take --as=binary only)");
    return "~" + REVISION + "\n" + String.join("\n", missing) + "\n";
  }
}
