package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The user guide's section on {@code sop} (src/site/markdown/pgp.md, "`sop`: the command line")
 * names the verbs, their options and the exit codes; each must be what {@code sop} has, as {@code
 * sop help} and {@code sop help VERB} list them, so that a renamed or dropped option cannot stay in
 * the guide.
 */
class UserGuideSopTest {
  private static final Path GUIDE = Path.of("..", "src", "site", "markdown", "pgp.md");
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

  /** The guide's sop section: from its heading to the next heading of its level. */
  static String section() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    int start = guide.indexOf("\n## `sop`: the command line\n");
    assertThat(start).as("the guide's sop section").isNotNegative();
    int end = guide.indexOf("\n## ", start + 1);
    return guide.substring(start, end < 0 ? guide.length() : end);
  }

  static String sop(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code =
        Sop.run(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true), args);
    assertThat(code).as("sop %s: %s", String.join(" ", args), err).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The verbs {@code sop help} lists, without {@code help} itself. */
  static Set<String> verbs() {
    Set<String> verbs = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?m)^  ([a-z][a-z-]*)\\b").matcher(sop("help"));
    while (m.find()) {
      verbs.add(m.group(1));
    }
    verbs.remove("help");
    return verbs;
  }

  /** The options in the usage line {@code sop help VERB} prints ({@code [--as=MODE]}). */
  static Set<String> options(String verb) {
    Set<String> options = new TreeSet<>();
    Matcher m = Pattern.compile("\\[(--[a-z][a-z-]*)").matcher(sop("help", verb));
    while (m.find()) {
      options.add(m.group(1));
    }
    return options;
  }

  @Test
  void theVerbsTheGuideLists_areSopsVerbs() throws IOException {
    String section = section();
    String list =
        section.substring(
            section.indexOf("implements the Stateless OpenPGP"), section.indexOf(", with\n"));
    Set<String> listed = new LinkedHashSet<>();
    Matcher m = Pattern.compile("`([a-z][a-z-]*)`").matcher(list);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(verbs());
  }

  /**
   * What the section names that is no verb's option, each checked below or not sop's: {@code
   * --help}, which every verb takes ({@link #helpAndLabel_areAsTheGuideSays}), {@code armor
   * --label}, which the guide says is refused, and gpg's {@code --symmetric}.
   */
  private static final Set<String> NOT_VERB_OPTIONS =
      Set.of("sop VERB --help", "armor --label", "--symmetric");

  /**
   * "{@code sop help VERB} (or {@code sop VERB --help}) describes one"; "{@code armor --label} is
   * not offered: … it fails with 37 like any unknown option".
   */
  @Test
  void helpAndLabel_areAsTheGuideSays() throws IOException {
    String section = section().replaceAll("\\s+", " ");
    assertThat(section)
        .contains("`sop help VERB` (or `sop VERB --help`) describes one")
        .contains("`armor --label` is not offered")
        .contains("it fails with 37 like any unknown option");
    for (String verb : verbs()) {
      assertThat(sop(verb, "--help")).as("sop %s --help", verb).isEqualTo(sop("help", verb));
    }
    StringWriter err = new StringWriter();
    assertThat(
            Sop.run(
                new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(),
                new PrintWriter(err, true),
                "armor",
                "--label=sig"))
        .isEqualTo(SopExit.UNSUPPORTED_OPTION);
  }

  /**
   * Every option the section names after a verb (in a code span or a shell line: {@code decrypt
   * --session-key-out=FILE}, {@code sop encrypt --with-password=…}) is an option of that verb, and
   * every option named on its own is an option of some verb.
   */
  @Test
  void everyOptionTheGuideNames_isAnOptionOfItsVerb() throws IOException {
    Set<String> verbs = verbs();
    Set<String> anyVerb = new TreeSet<>();
    for (String verb : verbs) {
      anyVerb.addAll(options(verb));
    }
    List<String> wrong = new ArrayList<>();
    String section = section();
    List<String> pieces = new ArrayList<>();
    Matcher spans = Pattern.compile("`([^`\n]+)`").matcher(section.replaceAll("```[a-z]*", ""));
    while (spans.find()) {
      pieces.add(spans.group(1));
    }
    Matcher shell = Pattern.compile("(?m)^(?:\\$J .*)?sop .*$").matcher(section);
    while (shell.find()) {
      pieces.add(shell.group());
    }
    int checked = 0;
    for (String piece : pieces) {
      String[] words = piece.replaceAll("[\\[\\]]", " ").trim().split("\\s+");
      if (words[0].equals("gpg") || words[0].equals("sqop") || words[0].equals("sq")) {
        continue;
      }
      String verb = null;
      for (String word : words) {
        if (verb == null && verbs.contains(word)) {
          verb = word;
        }
        for (String part : word.split("/")) {
          Matcher option = OPTION.matcher(part);
          if (!option.lookingAt()) {
            continue;
          }
          checked++;
          Set<String> known = verb == null ? anyVerb : options(verb);
          if (!known.contains(option.group()) && !NOT_VERB_OPTIONS.contains(piece)) {
            wrong.add(option.group() + " (" + (verb == null ? "any verb" : verb) + "): " + piece);
          }
        }
      }
    }
    assertThat(checked).as("options the section names").isGreaterThan(50);
    assertThat(wrong).as("options the guide names that sop help does not list").isEmpty();
  }

  /** The exit codes the section lists after "the draft's exit codes" are those sop uses. */
  @Test
  void theExitCodesTheGuideLists_areSopsExitCodes() throws Exception {
    String section = section().replaceAll("\\s+", " ");
    int start = section.indexOf("the draft's exit codes (");
    assertThat(start).isNotNegative();
    String list = section.substring(start, section.indexOf(").", start));
    Set<Integer> listed = new TreeSet<>();
    Matcher m = Pattern.compile("(?:\\(|, )(\\d+) [a-z]").matcher(list);
    while (m.find()) {
      listed.add(Integer.parseInt(m.group(1)));
    }
    Set<Integer> used = new TreeSet<>();
    for (Field f : SopExit.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        used.add(f.getInt(null));
      }
    }
    used.remove(SopExit.OK);
    assertThat(listed).isEqualTo(used);
  }
}
