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
 * options that is missing here and for each that is here only in part. The missing ones are found
 * by comparing the draft's verbs and options below with the registered verbs and their Commons CLI
 * options, so the text stays true as verbs and options are added; the partial ones are written down
 * ({@link #PARTIAL}).
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

  /** What the verbs and options here do less fully than the draft describes. */
  private static final List<String> PARTIAL =
      List.of(
          "partial: update-key neither adds capabilities nor replaces weak algorithms, so"
              + " --signing-only and --no-added-capabilities hold trivially");

  /** The sopv version {@code version --sopv} claims when {@link #SOPV} is all here. */
  static final String SOPV_VERSION = "1.0";

  /** sopv 1.0, the draft's verification-only subset: its verbs and their options. */
  private static final Map<String, List<String>> SOPV = new LinkedHashMap<>();

  static {
    SOPV.put("version", List.of("backend", "extended", "sop-spec", "sopv"));
    SOPV.put("verify", List.of("not-before", "not-after"));
    SOPV.put("inline-verify", List.of("not-before", "not-after", "verifications-out"));
  }

  private SopSpec() {}

  /** The {@code --sop-spec} text for {@code verbs}: the revision line, then what is missing. */
  static String describe(Map<String, Supplier<Verb>> verbs) {
    List<String> lines = missing(DRAFT, verbs);
    lines.addAll(PARTIAL);
    return "~" + REVISION + "\n" + String.join("\n", lines) + "\n";
  }

  /** What {@code verbs} lack of sopv 1.0: empty when {@code version --sopv} may claim it. */
  static List<String> missingSopv(Map<String, Supplier<Verb>> verbs) {
    return missing(SOPV, verbs);
  }

  /** A {@code missing:} line for each verb and option of {@code spec} that {@code verbs} lack. */
  private static List<String> missing(
      Map<String, List<String>> spec, Map<String, Supplier<Verb>> verbs) {
    List<String> missing = new ArrayList<>();
    spec.forEach(
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
    return missing;
  }
}
